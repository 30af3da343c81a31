package org.fairnote.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.fairnote.testing.RandomTexts;
import org.fairnote.text.TokenBuffer;
import org.fairnote.text.Tokenizer;
import org.junit.jupiter.api.Test;

/**
 * {@link MatchFilter} stands aside on text whose states do not repeat, comes back after its pause,
 * and keeps working on text that repeats. (That it never loses a match is
 * {@link AutomatonDifferentialTest}'s part.)
 */
class MatchFilterTest {

    private static final List<String> WORDS = List.of("do", "not", "convey", "police", "attend", "she", "will",
            "be", "arrested", "if", "calls", "again", "care", "plan", "staff", "ward", "time", "waster");

    private final Vocabulary.Builder vb = new Vocabulary.Builder();
    private final Automaton automaton;
    private final Tokenizer tokenizer;

    MatchFilterTest() {
        Automaton.Builder ab = new Automaton.Builder(vb);
        List<String> patterns = List.of("do not convey", "police {0,3} attend~", "she {0,4} (be|get) arrest~",
                "if {0,2} call~ {0,3} again", "time waster", "staff {0,3} not {0,2} attend");
        for (int i = 0; i < patterns.size(); i++) {
            ab.add(PatternParser.parse(patterns.get(i)), i);
        }
        automaton = ab.build();
        tokenizer = new Tokenizer(vb.build());
    }

    @Test
    void standsAsideOnVariedTextAndComesBack() {
        long seed = RandomTexts.seed();
        Random r = new Random(seed);
        long pause = 5_000;
        MatchFilter filter = new MatchFilter(automaton, MatchFilter.MAX_TRANSITIONS, pause);
        int asked = 0;
        while (filter.enabled(0)) {
            TokenBuffer tokens = tokenizer.tokenize(randomSentence(r, 40));
            filter.matchEnd(tokens, 0, tokens.size());
            asked += tokens.size();
            if (asked > 100 * MatchFilter.TRIAL) {
                throw new AssertionError("never stood aside on random text (seed " + seed + ")");
            }
        }
        long passed = 0;
        while (!filter.enabled(40)) {
            passed += 40;
        }
        assertTrue(passed >= pause - 40 && passed <= pause + 40, "paused for " + passed + " tokens, not " + pause);
    }

    @Test
    void refusesACacheWhoseStateNumbersWouldReachTheAcceptBit() {
        // A slot keeps a next state in 15 bits beside its accept bit: 2^15 states would not fit.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MatchFilter(automaton, 1 << 15, 5_000));
        assertTrue(e.getMessage().contains("32768"), e.getMessage());
        new MatchFilter(automaton, (1 << 15) - 1, 5_000); // the largest cache that fits
    }

    @Test
    void keepsWorkingOnRepeatedText() {
        MatchFilter filter = new MatchFilter(automaton, MatchFilter.MAX_TRANSITIONS, 5_000);
        TokenBuffer flagged = tokenizer.tokenize("She will be arrested if she calls again");
        TokenBuffer plain = tokenizer.tokenize("Staff reviewed the care plan on the ward today");
        for (int k = 0; k < 20 * MatchFilter.TRIAL; k++) {
            assertTrue(filter.enabled(flagged.size()));
            assertTrue(filter.matchEnd(flagged, 0, flagged.size()) > 0);
            assertEquals(0, filter.matchEnd(plain, 0, plain.size()), "no match, so no end");
        }
    }

    /**
     * Sentences of many word forms (capitalised, numbers, unknown words): states' rows collide in
     * the packed table and move, and the filter still never ends before the exact matcher's last
     * match, nor reports none where it finds one.
     */
    @Test
    void movedRowsKeepEveryTransition() {
        long seed = RandomTexts.seed();
        Random r = new Random(seed);
        MatchFilter filter = new MatchFilter(automaton);
        Automaton.Scratch scratch = new Automaton.Scratch();
        for (int t = 0; t < 3000; t++) {
            StringBuilder b = new StringBuilder();
            for (int w = 1 + r.nextInt(30); w > 0; w--) {
                String word = switch (r.nextInt(8)) {
                    case 0 -> Integer.toString(r.nextInt(50));
                    case 1 -> "w" + r.nextInt(40);
                    default -> RandomTexts.pick(r, WORDS);
                };
                b.append(r.nextBoolean() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1)).append(' ');
            }
            String text = b.toString();
            TokenBuffer tokens = tokenizer.tokenize(text);
            int[] last = {0};
            automaton.match(tokens, 0, tokens.size(), scratch, (payload, start, end) -> last[0] = Math.max(last[0], end));
            int end = filter.matchEnd(tokens, 0, tokens.size());
            assertTrue(end >= last[0], () -> "the filter ended at " + end + ", before a match ending at " + last[0]
                    + ": " + RandomTexts.replay(seed, 0, text));
        }
        assertTrue(filter.movedRows() > 0, "no row moved: the test did not reach what it is for");
    }

    /** Gaps that add up past what a state entry holds: the filter leaves the sentence to the exact matcher. */
    @Test
    void gapsTooLongForTheFilterAreLeftToTheExactMatcher() {
        Vocabulary.Builder longVb = new Vocabulary.Builder();
        Automaton.Builder ab = new Automaton.Builder(longVb);
        ab.add(PatternParser.parse("police" + " {0,10}".repeat(30) + " attend"), 0);
        Automaton longGaps = ab.build();
        Tokenizer longTokenizer = new Tokenizer(longVb.build());
        String text = "police " + "came by and ".repeat(90) + "will attend";
        TokenBuffer tokens = longTokenizer.tokenize(text);
        MatchFilter filter = new MatchFilter(longGaps);
        assertEquals(tokens.size(), filter.matchEnd(tokens, 0, tokens.size()),
                "a match 272 tokens after its first word: the filter cannot tell, so the whole sentence");
        int[] found = new int[1];
        longGaps.matchIfAny(tokens, 0, tokens.size(), new Automaton.Scratch(), (payload, start, end) -> found[0]++);
        assertTrue(found[0] > 0, "the exact matcher found it");
    }

    private static String randomSentence(Random r, int words) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            b.append(RandomTexts.pick(r, WORDS)).append(' ');
        }
        return b.toString();
    }
}
