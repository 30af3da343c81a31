package org.fairnote.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fairnote.benchmarks.peers.Hits;
import org.fairnote.benchmarks.peers.Peer;
import org.fairnote.benchmarks.peers.PhraseMatcher;
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
 * The engine against its peers on the same literal phrases (the word-only expansions of the
 * lexicon patterns, see {@link Lexicons#literalPhrases}) and the same notes; each returns the
 * leftmost-longest matches, which {@code PeerFairnessTest} checks are identical. The engine here is
 * tokenizer + automaton over the whole note (no sentences, no context), like the peers.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar PeerBenchmark -p lexicon=DEFAULT</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class PeerBenchmark {

    @Param({"ENGINE", "REGEX", "LUCENE_MONITOR", "LUCENE_MONITOR_IDS", "AHO_CORASICK", "INDEX_OF", "FLOOR"})
    public Peer peer;

    @Param({"2048"})
    public int noteSize;

    @Param({"DEFAULT"})
    public Lexicons.Size lexicon;

    /** How many of the literal phrases: "500" (the anchors; every phrase the corpus contains, then a spread of the rest) or "ALL". */
    @Param({"500", "ALL"})
    public String phraseCount;

    private List<String> notes;
    List<String> phrases;

    @Setup
    public void setup() {
        notes = Notes.of(noteSize);
        List<String> all = Lexicons.literalPhrases(Lexicons.scaled(Lexicons.bundled(), lexicon));
        phrases = phraseCount.equals("ALL") ? all
                : Lexicons.samplePhrases(all, Integer.parseInt(phraseCount), notes.subList(0, Math.min(notes.size(), 200)));
        System.out.println("[PeerBenchmark] " + phrases.size() + " of " + all.size() + " literal phrases (" + lexicon + ")");
    }

    @State(Scope.Thread)
    public static class Matcher {
        PhraseMatcher matcher;
        final Hits hits = new Hits();

        @Setup
        public void setup(PeerBenchmark b) {
            matcher = b.peer.create(b.phrases);
        }
    }

    private static int run(String note, Matcher m) {
        m.hits.clear();
        m.matcher.find(note, m.hits);
        return m.hits.leftmostLongest();
    }

    @Benchmark
    @Threads(1)
    public int find(Notes.Cursor cursor, Notes.Bytes bytes, Matcher matcher) {
        return run(cursor.next(notes, bytes), matcher);
    }

    @Benchmark
    @Threads(Threads.MAX)
    public int findAllThreads(Notes.Cursor cursor, Notes.Bytes bytes, Matcher matcher) {
        return run(cursor.next(notes, bytes), matcher);
    }
}
