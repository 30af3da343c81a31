package org.fairnote.benchmarks;

import java.util.concurrent.TimeUnit;
import org.fairnote.Screener;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cold start: in a fresh JVM (one fork per sample), {@code Screener.createDefault()} (loading the
 * lexicon JSON, compiling the automaton) and screening the first 2 KB note. {@link ColdStart} also
 * measures it from JVM start, without JMH.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 5, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class ColdStartBenchmark {

    private static final String NOTE = new NoteCorpus(NoteCorpus.DEFAULT_SEED).note(NoteCorpus.SMALL);

    @Benchmark
    public int createDefaultAndScreenFirstNote() {
        return Screener.createDefault().screen(NOTE).findings().size();
    }
}
