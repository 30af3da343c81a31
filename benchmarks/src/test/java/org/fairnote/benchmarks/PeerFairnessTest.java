package org.fairnote.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.fairnote.benchmarks.peers.Hits;
import org.fairnote.benchmarks.peers.Peer;
import org.fairnote.benchmarks.peers.PhraseMatcher;
import org.fairnote.lexicon.Lexicon;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The comparison in {@link PeerBenchmark} is fair only if every peer finds the same matches: the
 * same phrase at the same offsets, on the same notes. Checked on a sample of the benchmark corpus
 * (several note sizes) with the phrases of the bundled lexicons that are present.
 */
class PeerFairnessTest {

    private static final List<String> FIXTURE = List.of("attention seeking", "manipulative", "frequent flyer",
            "time waster", "secondary gain", "non compliant", "drug seeking", "police mentor", "sim officer",
            "serenity integrated mentoring", "serenity programme", "result in arrest", "criminal behaviour order",
            "behaviour contract", "community protection notice", "do not convey", "planned non response",
            "not to engage", "rather than assess", "care will be withdrawn", "claims", "alleges", "insists",
            "police", "care plan", "weekly sessions", "attend weekly sessions", "staff", "crisis line", "the police");

    /**
     * Every literal phrase, and the sample all peers are checked on: the default lexicons expand to
     * tens of thousands of phrases, too slow for mvn verify with the regex and Monitor peers.
     */
    private static List<String> all;
    private static List<String> phrases;
    private static List<String> notes;

    @BeforeAll
    static void setUp() {
        List<Lexicon> lexicons = Lexicons.available();
        if (lexicons.isEmpty()) {
            // Lexicon files are invalid or missing (the lexicons module's own tests report why):
            // still check the peers, on a fixed list.
            System.err.println("[PeerFairnessTest] no bundled lexicon loads; using the fixture phrases");
            phrases = FIXTURE;
        } else {
            phrases = Lexicons.literalPhrases(lexicons);
        }
        assertTrue(phrases.size() >= 10, "too few literal phrases: " + phrases);
        notes = new ArrayList<>();
        all = phrases;
        phrases = Lexicons.samplePhrases(all, 2000, NoteCorpus.notes(NoteCorpus.DEFAULT_SEED, NoteCorpus.SMALL, 100_000));
        System.err.println("[PeerFairnessTest] " + phrases.size() + " of " + all.size() + " literal phrases");
        // small enough for mvn verify: the regex alternation of thousands of phrases is slow
        notes.addAll(NoteCorpus.notes(7, NoteCorpus.TINY, 4_000));
        notes.addAll(NoteCorpus.notes(8, NoteCorpus.SMALL, 40_000));
        notes.addAll(NoteCorpus.notes(9, NoteCorpus.MEDIUM, 20_000));
    }

    private static List<List<String>> run(Peer peer, boolean reduce) {
        PhraseMatcher m = peer.create(phrases);
        Hits hits = new Hits();
        List<List<String>> out = new ArrayList<>();
        for (String note : notes) {
            hits.clear();
            m.find(note, hits);
            if (reduce) {
                hits.leftmostLongest();
            }
            out.add(hits.describe(phrases));
        }
        return out;
    }

    @Test
    void engineFindsEnoughToCompare() {
        long total = run(Peer.ENGINE, true).stream().mapToInt(List::size).sum();
        assertTrue(total >= 10, "the sample has too few matches to compare peers: " + total);
    }

    @ParameterizedTest
    @EnumSource(value = Peer.class, names = {"REGEX", "LUCENE_MONITOR", "AHO_CORASICK", "INDEX_OF"})
    void peerFindsTheSameLeftmostLongestMatchesAsTheEngine(Peer peer) {
        assertSame(Peer.ENGINE, run(Peer.ENGINE, true), peer, run(peer, true));
    }

    @ParameterizedTest
    @EnumSource(value = Peer.class, names = {"LUCENE_MONITOR", "AHO_CORASICK", "INDEX_OF"})
    void peerFindsTheSameOverlappingMatchesAsTheEngine(Peer peer) {
        assertTrue(peer.create(phrases).reportsOverlaps());
        assertSame(Peer.ENGINE, run(Peer.ENGINE, false), peer, run(peer, false));
    }

    @Test
    void hitsReduceToLeftmostLongest() {
        Hits h = new Hits();
        h.add(2, 10, 14);
        h.add(0, 0, 9);
        h.add(1, 0, 5);
        h.add(3, 12, 20);
        h.add(4, 20, 25);
        assertEquals(3, h.leftmostLongest());
        assertEquals(List.of("a@0-9", "c@10-14", "e@20-25"), h.describe(List.of("a", "b", "c", "d", "e")));
    }

    private static void assertSame(Peer expectedPeer, List<List<String>> expected, Peer peer, List<List<String>> actual) {
        for (int i = 0; i < notes.size(); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                List<String> missing = new ArrayList<>(expected.get(i));
                missing.removeAll(actual.get(i));
                List<String> extra = new ArrayList<>(actual.get(i));
                extra.removeAll(expected.get(i));
                throw new AssertionError(peer + " differs from " + expectedPeer + " on note " + i + ": missing "
                        + missing + ", extra " + extra + "\n--- note ---\n" + notes.get(i));
            }
        }
    }
}
