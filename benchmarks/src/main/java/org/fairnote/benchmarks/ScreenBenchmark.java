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
 * Full screen without a model ({@code Screener.screen}: tokenise, sentences, lexicon match,
 * sections, context, merge, findings) on the default lexicons, or on the synthetic 10x/100x ones
 * with the same context rules. One op = one note; "bytes" is the throughput in bytes/s.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar ScreenBenchmark -p noteSize=2048 -prof gc</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class ScreenBenchmark {

    @Param({"200", "2048", "20480", "1048576"})
    public int noteSize;

    @Param({"DEFAULT", "X10", "X100"})
    public Lexicons.Size lexicon;

    /** GENERATED, or VARIED: the same notes with many rare words in their neutral prose ({@link NoteCorpus}). */
    @Param({"GENERATED"})
    public Notes.Kind corpus;

    private List<String> notes;
    private Screener screener;

    @Setup
    public void setup() {
        notes = corpus.notes(noteSize);
        screener = Lexicons.screener(Lexicons.bundled(), lexicon);
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
