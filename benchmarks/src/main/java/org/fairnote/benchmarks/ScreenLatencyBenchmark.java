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
 * Latency of screening one note (default 2 KB), sampled ({@code Mode.SampleTime}): JMH reports
 * p50, p90, p99, p99.9, p99.99 and max in microseconds.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Threads(1)
public class ScreenLatencyBenchmark {

    @Param({"2048"})
    public int noteSize;

    @Param({"DEFAULT"})
    public Lexicons.Size lexicon;

    private List<String> notes;
    private Screener screener;

    @Setup
    public void setup() {
        notes = Notes.of(noteSize);
        screener = Lexicons.screener(Lexicons.bundled(), lexicon);
    }

    @Benchmark
    public int screenOne(Notes.Cursor cursor, Notes.Bytes bytes) {
        return screener.screen(cursor.next(notes, bytes)).findings().size();
    }
}
