package org.fairnote.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import opennlp.tools.sentdetect.SentenceDetectorME;
import org.fairnote.text.SentenceSplitter;
import org.fairnote.text.TokenBuffer;
import org.fairnote.text.Tokenizer;
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
 * Sentence splitting: Fairnote's rule-based {@link SentenceSplitter} (which works on tokens, so this
 * includes tokenising; the tokenise-only figure is in {@link TokenizeBenchmark}) against OpenNLP's
 * {@code SentenceDetectorME} with the published English model, on raw text.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class SentenceBenchmark {

    public enum Impl { FAIRNOTE_TOKENIZE_AND_SPLIT, OPENNLP_SENTENCE_DETECTOR_ME }

    @Param({"FAIRNOTE_TOKENIZE_AND_SPLIT", "OPENNLP_SENTENCE_DETECTOR_ME"})
    public Impl impl;

    @Param({"2048"})
    public int noteSize;

    private List<String> notes;
    private final Tokenizer tokenizer = Tokenizer.plain();
    private final SentenceSplitter splitter = new SentenceSplitter();

    @Setup
    public void setup() {
        notes = Notes.of(noteSize);
        if (impl == Impl.OPENNLP_SENTENCE_DETECTOR_ME) {
            OpenNlpSentences.model();
        }
    }

    @State(Scope.Thread)
    public static class Buffers {
        final TokenBuffer tokens = new TokenBuffer(4096);
        SentenceDetectorME detector;

        @Setup
        public void setup(SentenceBenchmark b) {
            if (b.impl == Impl.OPENNLP_SENTENCE_DETECTOR_ME) {
                detector = new SentenceDetectorME(OpenNlpSentences.model());
            }
        }
    }

    private int run(String note, Buffers b) {
        if (impl == Impl.FAIRNOTE_TOKENIZE_AND_SPLIT) {
            tokenizer.tokenize(note, b.tokens, null);
            return splitter.split(note, b.tokens).length;
        }
        return b.detector.sentPosDetect(note).length;
    }

    @Benchmark
    @Threads(1)
    public int split(Notes.Cursor cursor, Notes.Bytes bytes, Buffers buffers) {
        return run(cursor.next(notes, bytes), buffers);
    }

    @Benchmark
    @Threads(Threads.MAX)
    public int splitAllThreads(Notes.Cursor cursor, Notes.Bytes bytes, Buffers buffers) {
        return run(cursor.next(notes, bytes), buffers);
    }
}
