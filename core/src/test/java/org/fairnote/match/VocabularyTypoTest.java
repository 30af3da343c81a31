package org.fairnote.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Random;
import org.fairnote.testing.RandomTexts;
import org.junit.jupiter.api.Test;

/**
 * An unknown word one slip from one long pattern word reads as that word; the deletion index on
 * the hot path finds exactly what a scan of every typo-tolerant word finds.
 */
class VocabularyTypoTest {

    private static final List<String> PATTERNS = List.of("attention seek~", "manipulative", "manipultive",
            "(not to be|never) convey~", "frequent (flyer|attender~)", "non compliant", "will be charg~",
            "positively reinforc~", "behavioural", "allegedly", "withdraw~ (care|treatment)", "prosecuted",
            "persecuted", "deliberately", "deliberate");

    private static final Vocabulary VOCABULARY = vocabulary();

    private static Vocabulary vocabulary() {
        Vocabulary.Builder vb = new Vocabulary.Builder();
        Automaton.Builder ab = new Automaton.Builder(vb);
        for (int i = 0; i < PATTERNS.size(); i++) {
            ab.add(PatternParser.parse(PATTERNS.get(i)), i);
        }
        ab.build();
        return vb.build();
    }

    @Test
    void eachKindOfSlipInsideTheWord() {
        assertEquals("attention", VOCABULARY.typoByIndex("atention"));      // a letter missed
        assertEquals("attention", VOCABULARY.typoByIndex("attentiion"));    // a letter added
        assertEquals("attention", VOCABULARY.typoByIndex("attantion"));     // a letter changed
        assertEquals("manipulative", VOCABULARY.typoByIndex("manipualtive")); // two swapped
        assertEquals("behavioural", VOCABULARY.typoByIndex("behavoural"));
        assertEquals("frequent", VOCABULARY.typoByIndex("freqent"));
        assertEquals("conveyed", VOCABULARY.typoByIndex("convayed"));     // an inflection of a stem word
    }

    @Test
    void noSlipAtTheFirstLetterOrInTheEnding() {
        assertNull(VOCABULARY.typoByIndex("bttention"));
        assertNull(VOCABULARY.typoByIndex("attentiom"));
        assertNull(VOCABULARY.typoByIndex("attendered")); // "attender" + "ed"
        assertNull(VOCABULARY.typoByIndex("attendes"));   // an ending, not a slip of "attender"
    }

    @Test
    void shortWordsAndKnownWordsAreLeftAlone() {
        assertNull(VOCABULARY.typoByIndex("changed"));    // "charged" is too short to be typo-tolerant
        assertNull(VOCABULARY.typoByIndex("attention"));  // known: not a typo
        assertNull(VOCABULARY.typoByIndex("deliberately"));
    }

    @Test
    void realWordsAreNotTypos() {
        assertNull(VOCABULARY.typoByIndex("convened")); // a word, though one slip from "conveyed"
        assertNull(VOCABULARY.typoByScan("convened"));
        assertEquals("conveyed", VOCABULARY.typoByIndex("convexed"));
        assertEquals("deliberately", VOCABULARY.typoByIndex("delibrately"));
    }

    @Test
    void aSlipBetweenTwoWordsIsAmbiguous() {
        // "prosecuted" and "persecuted" are two slips apart; "pesecuted" is one from "persecuted" only
        assertEquals("persecuted", VOCABULARY.typoByIndex("pesecuted"));
        assertNull(VOCABULARY.typoByIndex("prsecuted")); // one slip from both
        // a misspelling the lexicon lists beside its word does not make the word ambiguous
        assertEquals("manipulative", VOCABULARY.typoByIndex("manipulatiive"));
    }

    @Test
    void theDeletionIndexFindsWhatAScanFinds() {
        long seed = RandomTexts.seed();
        Random r = new Random(seed);
        List<String> words = List.of("attention", "manipulative", "manipultive", "conveyed", "conveying", "frequent",
                "attender", "attenders", "compliant", "reinforcement", "reinforced", "behavioural", "allegedly",
                "withdrawn", "withdrawing", "treatment", "prosecuted", "persecuted", "deliberately", "deliberate");
        int resolved = 0;
        for (int t = 0; t < 20_000; t++) {
            String w = words.get(r.nextInt(words.size()));
            int slips = r.nextInt(3);
            for (int k = 0; k < slips; k++) {
                w = RandomTexts.slip(r, w);
            }
            String word = w;
            String fast = VOCABULARY.typoByIndex(word);
            assertEquals(VOCABULARY.typoByScan(word), fast, () -> RandomTexts.replay(seed, 0, word));
            if (fast != null) {
                resolved++;
            }
        }
        if (resolved < 2_000) {
            throw new AssertionError("too few words resolved as typos to compare: " + resolved);
        }
    }
}
