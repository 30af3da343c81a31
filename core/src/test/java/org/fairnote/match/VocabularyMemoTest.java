package org.fairnote.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fairnote.testing.RandomTexts;
import org.fairnote.text.TermResolver;
import org.fairnote.text.TokenBuffer;
import org.fairnote.text.Tokenizer;
import org.junit.jupiter.api.Test;

/**
 * The per-thread word memo of {@link Vocabulary} is invisible: tokenising many texts with one
 * long-lived scratch gives exactly the tokens and ids that a fresh scratch per text gives, for
 * known words, inflections, joined compounds, contractions, possessives, unknown words, words
 * longer than the memo keeps, and words that collide in its slots. And a word class stands for
 * one pair of term and stem ids, so that what depends only on them may be cached by class.
 */
class VocabularyMemoTest {

    private static final List<String> PATTERNS = List.of("attention seek~", "manipulat~", "do not convey",
            "frequent flyer", "time waster", "police (officer|constable)", "=PC @Cap", "positively reinforc~",
            "withhold~ (care|treatment)", "disproportionately", "counterproductively engag~");
    private static final List<String> WORDS = List.of("attention", "seeking", "seeks", "attentionseeking",
            "manipulative", "manipulating", "Manipulated", "don't", "she's", "police's", "convey", "frequentflyer",
            "timewaster", "officer", "PC", "Pc", "reinforcement", "withholding", "care", "disproportionately",
            "counterproductively", "engagement", "engaged", "the", "ward", "reviewed", "a", "téam", "ＦＵＬＬ",
            "incomprehensibilities", "x", "abcdefghijklmnop", "abcdefghijklmnopq", "abcdefgh", "abcdefghi",
            "αβγδ", "naïve", "ºa", "µg", "ĳssel", "seeking\u00b5");

    @Test
    void aLongLivedMemoResolvesAsAFreshOne() {
        Vocabulary.Builder vb = new Vocabulary.Builder();
        Automaton.Builder ab = new Automaton.Builder(vb);
        for (int i = 0; i < PATTERNS.size(); i++) {
            ab.add(PatternParser.parse(PATTERNS.get(i)), i);
        }
        ab.build();
        Vocabulary vocabulary = vb.build();
        Tokenizer tokenizer = new Tokenizer(vocabulary);
        long seed = RandomTexts.seed();
        Random r = new Random(seed);
        TermResolver.Scratch shared = vocabulary.newScratch();
        TokenBuffer reused = new TokenBuffer(64);
        int compared = 0;
        Map<Integer, String> pairOfClass = new HashMap<>();
        for (int t = 0; t < 2000; t++) {
            String text = randomText(r);
            tokenizer.tokenize(text, reused, shared);
            TokenBuffer fresh = tokenizer.tokenize(text);
            assertEquals(describe(fresh), describe(reused), () -> RandomTexts.replay(seed, 0, text));
            compared += fresh.size();
            for (int i = 0; i < reused.size(); i++) {
                int wordClass = reused.wordClass(i);
                String pair = reused.termId(i) + "/" + reused.stemId(i);
                String before = pairOfClass.putIfAbsent(wordClass, pair);
                assertEquals(before == null ? pair : before, pair, "word class " + wordClass + " of '"
                        + reused.term(i) + "': " + RandomTexts.replay(seed, 0, text));
                assertEquals(pair.equals("-1/-1"), wordClass == 0, "class 0 is the class of no ids");
                assertTrue(wordClass < vocabulary.wordClassCount());
            }
        }
        if (pairOfClass.size() < 10) {
            throw new AssertionError("too few word classes met: " + pairOfClass.size());
        }
        if (compared < 10_000) {
            throw new AssertionError("too few tokens compared: " + compared);
        }
    }

    private static String randomText(Random r) {
        StringBuilder b = new StringBuilder();
        int n = 1 + r.nextInt(30);
        for (int i = 0; i < n; i++) {
            String w = r.nextInt(10) == 0 ? randomWord(r) : RandomTexts.pick(r, WORDS);
            b.append(w).append(RandomTexts.pick(r, List.of(" ", " ", "-", ", ", ". ", "'s ")));
        }
        return b.toString();
    }

    /** Short random words: many share a length and collide in the memo's slots. */
    private static String randomWord(Random r) {
        char[] c = new char[1 + r.nextInt(4)];
        for (int i = 0; i < c.length; i++) {
            c[i] = (char) ('a' + r.nextInt(6));
        }
        return new String(c);
    }

    private static List<String> describe(TokenBuffer t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            out.add(t.term(i) + "@" + t.start(i) + "-" + t.end(i) + ":" + t.termId(i) + "/" + t.stemId(i) + "/"
                    + t.caseId(i) + "/" + t.flags(i) + "/" + t.wordClass(i));
        }
        return out;
    }
}
