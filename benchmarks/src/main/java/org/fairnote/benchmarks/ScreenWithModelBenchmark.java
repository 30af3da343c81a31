package org.fairnote.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fairnote.Screener;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Full screen with the bundled model: {@code Screener.createDefault()} as users get it (default
 * lexicons, context, sections and the trained classifier). Compare with {@link ScreenBenchmark} on
 * the same notes for the cost of the model stage.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar ScreenWithModelBenchmark -prof gc</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class ScreenWithModelBenchmark {

    @Param({"2048"})
    public int noteSize;

    private List<String> notes;
    private Screener screener;

    @Setup
    public void setup() {
        notes = Notes.of(noteSize);
        screener = Screener.createDefault();
        if (!screener.versions().containsKey("fairnote-model")) {
            throw new IllegalStateException("the bundled model is not on the class path: " + screener.versions());
        }
    }

    @Benchmark
    @Threads(1)
    public int screen(Notes.Cursor cursor, Notes.Bytes bytes) {
        return screener.screen(cursor.next(notes, bytes)).findings().size();
    }

    @Benchmark
    @Threads(Threads.MAX)
    public int screenAllThreads(Notes.Cursor cursor, Notes.Bytes bytes) {
        return screener.screen(cursor.next(notes, bytes)).findings().size();
    }
}
