package org.fairnote.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.fairnote.text.TermResolver;
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
 * Tokenise only: Fairnote's hand-written {@link Tokenizer} (plain: normalised terms, offsets and
 * flags; resolved: plus the dictionary lookup of term/stem ids against the default lexicons, as on
 * the hot path) against Lucene's StandardTokenizer + LowerCaseFilter (terms and offsets). The
 * decision recorded in core/README.md rests on this.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class TokenizeBenchmark {

    public enum Impl { FAIRNOTE_PLAIN, FAIRNOTE_RESOLVED, LUCENE_STANDARD_LOWERCASE }

    @Param({"FAIRNOTE_PLAIN", "FAIRNOTE_RESOLVED", "LUCENE_STANDARD_LOWERCASE"})
    public Impl impl;

    @Param({"2048"})
    public int noteSize;

    private List<String> notes;
    private Tokenizer tokenizer;
    private TermResolver resolver;

    @Setup
    public void setup() {
        notes = Notes.of(noteSize);
        resolver = impl == Impl.FAIRNOTE_RESOLVED
                ? Lexicons.compile(Lexicons.entryPatterns(Lexicons.bundled())).vocabulary()
                : TermResolver.NONE;
        tokenizer = new Tokenizer(resolver);
    }

    @State(Scope.Thread)
    public static class Buffers {
        final TokenBuffer tokens = new TokenBuffer(4096);
        TermResolver.Scratch scratch;
        final Analyzer analyzer = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new LowerCaseFilter(source));
            }
        };

        @Setup
        public void setup(TokenizeBenchmark b) {
            scratch = b.resolver.newScratch();
        }
    }

    private int run(String note, Buffers b) {
        if (impl != Impl.LUCENE_STANDARD_LOWERCASE) {
            tokenizer.tokenize(note, b.tokens, b.scratch);
            return b.tokens.size();
        }
        try (TokenStream ts = b.analyzer.tokenStream("text", note)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            int n = 0;
            while (ts.incrementToken()) {
                n += term.length() + offset.endOffset();
            }
            ts.end();
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    @Threads(1)
    public int tokenize(Notes.Cursor cursor, Notes.Bytes bytes, Buffers buffers) {
        return run(cursor.next(notes, bytes), buffers);
    }

    @Benchmark
    @Threads(Threads.MAX)
    public int tokenizeAllThreads(Notes.Cursor cursor, Notes.Bytes bytes, Buffers buffers) {
        return run(cursor.next(notes, bytes), buffers);
    }
}
