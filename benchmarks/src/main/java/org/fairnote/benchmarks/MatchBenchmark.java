package org.fairnote.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fairnote.match.Automaton;
import org.fairnote.text.SentenceSplitter;
import org.fairnote.text.TermResolver;
import org.fairnote.text.TokenBuffer;
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
 * Lexicon match only: tokenise with term ids, split sentences, run the compiled automaton of every
 * entry pattern (and requires/unless cue) over each sentence, count matches. No context, no
 * findings. Scaling in lexicon size (default, 10x, 100x) and note size.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class MatchBenchmark {

    @Param({"200", "2048", "20480", "1048576"})
    public int noteSize;

    @Param({"DEFAULT", "X10", "X100"})
    public Lexicons.Size lexicon;

    private List<String> notes;
    private Lexicons.Compiled compiled;
    private final SentenceSplitter splitter = new SentenceSplitter();

    @Setup
    public void setup() {
        notes = Notes.of(noteSize);
        compiled = Lexicons.compile(Lexicons.entryPatterns(Lexicons.scaled(Lexicons.bundled(), lexicon)));
    }

    /** Per-thread buffers, as the screener keeps per call. */
    @State(Scope.Thread)
    public static class Buffers implements Automaton.Sink {
        final TokenBuffer tokens = new TokenBuffer(4096);
        final Automaton.Scratch scratch = new Automaton.Scratch();
        TermResolver.Scratch resolverScratch;
        int matches;

        @Setup
        public void setup(MatchBenchmark b) {
            resolverScratch = b.compiled.vocabulary().newScratch();
        }

        @Override
        public void match(int payload, int startToken, int endToken) {
            matches++;
        }
    }

    private int run(String note, Buffers b) {
        compiled.tokenizer().tokenize(note, b.tokens, b.resolverScratch);
        int[] sentences = splitter.split(note, b.tokens);
        b.matches = 0;
        for (int k = 0; k + 1 < sentences.length; k++) {
            compiled.automaton().match(b.tokens, sentences[k], sentences[k + 1], b.scratch, b);
        }
        return b.matches;
    }

    @Benchmark
    @Threads(1)
    public int match(Notes.Cursor cursor, Notes.Bytes bytes, Buffers buffers) {
        return run(cursor.next(notes, bytes), buffers);
    }

    @Benchmark
    @Threads(Threads.MAX)
    public int matchAllThreads(Notes.Cursor cursor, Notes.Bytes bytes, Buffers buffers) {
        return run(cursor.next(notes, bytes), buffers);
    }
}
