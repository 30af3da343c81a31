package org.fairnote.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.fairnote.testing.RandomTexts;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    private static List<String> terms(String text) {
        TokenBuffer t = Tokenizer.plain().tokenize(text);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            out.add(t.term(i) + "@" + t.start(i) + "-" + t.end(i));
        }
        return out;
    }

    @Test
    void wordsPunctuationAndOffsets() {
        assertEquals(List.of("do@0-2", "not@3-6", "convey@7-13", "to@14-16", "a&e@17-20", ".@20-21"),
                terms("Do not convey to A&E."));
    }

    @Test
    void hyphensSplitWithoutATokenAndDashesAreFolded() {
        assertEquals(List.of("attention@0-9", "seeking@10-17"), terms("attention-seeking"));
        assertEquals(List.of("attention@0-9", "seeking@10-17"), terms("attention\u2011seeking"));
        assertEquals(List.of("calm@0-4", "-@5-6", "then@7-11"), terms("calm \u2014 then"));
    }

    @Test
    void joinersStayInsideWords() {
        assertEquals(List.of("2.5mg@0-5", "at@6-8", "14.30@9-14", "24/7@15-19", "s.136@20-25", "don't@26-31"),
                terms("2.5mg at 14.30 24/7 s.136 don\u2019t"));
        assertEquals(List.of("e.g@0-3", ".@3-4"), terms("e.g."));
    }

    @Test
    void foldingKeepsOriginalOffsets() {
        assertEquals(List.of("cafe@0-4"), terms("Caf\u00E9"));
        assertEquals(List.of("cafe@0-5"), terms("cafe\u0301"));
        assertEquals(List.of("manipulative@0-13"), terms("manip\u00ADulative"));
        assertEquals(List.of("fine@0-3"), terms("\uFB01ne"));
        assertEquals(List.of("abc@0-3"), terms("\uFF21\uFF22\uFF23"));
        assertEquals(List.of("'@0-1", "pain@1-5", "'@5-6"), terms("\u2018pain\u2019"));
    }

    @Test
    void surrogatePairsStayWholeAndLoneSurrogatesAreSkipped() {
        List<String> t = terms("a\uD801\uDC00b \uD800 c");
        assertEquals("a\uD801\uDC28b@0-4", t.get(0));
        assertEquals("c@7-8", t.get(1));
    }

    @Test
    void flagsForLinesCapitalsAndNumbers() {
        TokenBuffer t = Tokenizer.plain().tokenize("PC Jones\n\n12 days");
        assertTrue(t.has(0, TokenBuffer.ALL_CAPS));
        assertTrue(t.has(1, TokenBuffer.CAPITALISED));
        assertTrue(t.has(2, TokenBuffer.NUMBER));
        assertTrue(t.has(2, TokenBuffer.BLANK_LINE_BEFORE));
        assertTrue(t.has(3, TokenBuffer.LOWER_START));
    }

    /** Plain ASCII words take a fast path; it must give exactly the tokens of the general one. */
    @Test
    void asciiFastPathGivesTheGeneralPathsTokens() {
        assertSameTokens(new Tokenizer(TermResolver.NONE, false, true), new Tokenizer(TermResolver.NONE, true, true));
    }

    /**
     * A word after a word and one space is read without going round the char switch; it must give
     * exactly the tokens (terms, offsets, flags) of going round it.
     */
    @Test
    void wordsChainedAfterASpaceGiveTheSwitchsTokens() {
        assertSameTokens(new Tokenizer(TermResolver.NONE, true, false), new Tokenizer(TermResolver.NONE, true, true));
    }

    /** {@code actual} gives exactly {@code expected}'s tokens (terms, offsets, flags) on 3,000 random texts. */
    private static void assertSameTokens(Tokenizer expected, Tokenizer actual) {
        long seed = RandomTexts.seed();
        Random r = new Random(seed);
        for (int iteration = 0; iteration < 3000; iteration++) {
            String text = mixedText(r, iteration);
            assertEquals(describe(expected.tokenize(text)), describe(actual.tokenize(text)),
                    RandomTexts.replay(seed, iteration, text));
        }
    }

    private static final String[] SEPARATORS = {" ", " ", " ", "-", "\u2010", ", ", ". ", "  ", "\n", " - ", "'", "/", ""};

    /**
     * Random Unicode text; random runs of ASCII letters, digits and marks; or words (some
     * capitalised, some with a non-ASCII letter) between random separators, mostly one space.
     */
    private static String mixedText(Random r, int iteration) {
        switch (iteration % 3) {
            case 0:
                return RandomTexts.next(r, 300);
            case 1: {
                String ascii = "aZ09 \n.-'&/+\"`,;:!?()\u2010\u2019";
                StringBuilder b = new StringBuilder();
                for (int k = r.nextInt(80); k > 0; k--) {
                    char c = ascii.charAt(r.nextInt(ascii.length()));
                    b.append(Character.isLetter(c) ? (char) (c + r.nextInt(26)) : Character.isDigit(c)
                            ? (char) (c + r.nextInt(10)) : c);
                }
                return b.toString();
            }
            default: {
                StringBuilder b = new StringBuilder();
                for (int w = r.nextInt(30); w > 0; w--) {
                    for (int k = 1 + r.nextInt(12); k > 0; k--) {
                        int pick = r.nextInt(40);
                        b.append(pick < 26 ? (char) ('a' + pick) : pick < 32 ? (char) ('A' + pick - 26) : pick < 38
                                ? (char) ('0' + pick - 32) : pick == 38 ? '\u00E9' : '\u0301');
                    }
                    b.append(SEPARATORS[r.nextInt(SEPARATORS.length)]);
                }
                return b.toString();
            }
        }
    }

    /** The fast path packs each plain word's term on the way; the packing must be {@link TokenBuffer#pack}'s. */
    @Test
    void packedKeysAreTheTermsPacking() {
        long seed = RandomTexts.seed();
        Random r = new Random(seed);
        List<String> mismatches = new ArrayList<>();
        int[] packed = {0};
        TermResolver checking = new TermResolver() {
            @Override
            public Scratch newScratch() {
                return null;
            }

            @Override
            public void resolveLast(TokenBuffer tokens, CharSequence text, Scratch scratch) {
                int t = tokens.size() - 1;
                if (tokens.lastKey1() == 0) {
                    return;
                }
                packed[0]++;
                char[] c = tokens.termChars();
                int off = tokens.termOffset(t);
                int len = tokens.termLength(t);
                long key1 = TokenBuffer.pack(c, off, off + len, false);
                long key2 = TokenBuffer.pack(c, off, off + len, true);
                if (len > 16 || key1 != tokens.lastKey1() || key2 != tokens.lastKey2()) {
                    mismatches.add(tokens.term(t));
                }
            }

            @Override
            public void resolvePunct(TokenBuffer tokens, int i) {
            }
        };
        Tokenizer tokenizer = new Tokenizer(checking);
        for (int iteration = 0; iteration < 500; iteration++) {
            String text = RandomTexts.next(r, 300) + " Attention SEEKING frequently-attending abcdefgh abcdefghi"
                    + " abcdefghijklmnop abcdefghijklmnopq x 24 Y";
            tokenizer.tokenize(text);
            int round = iteration;
            assertTrue(mismatches.isEmpty(), () -> mismatches + " " + RandomTexts.replay(seed, round, text));
        }
        assertTrue(packed[0] > 5000, "too few packed words: " + packed[0]);
    }

    /** The word memo's keys: distinct terms of at most 16 chars below 256 pack to distinct keys. */
    @Test
    void distinctTermsPackToDistinctKeys() {
        long seed = RandomTexts.seed();
        Random r = new Random(seed);
        java.util.Map<String, String> byKey = new java.util.HashMap<>();
        String alphabet = "ab'.\u00e9\u00ff";
        for (int k = 0; k < 200_000; k++) {
            char[] word = new char[1 + r.nextInt(16)];
            for (int j = 0; j < word.length; j++) {
                word[j] = alphabet.charAt(r.nextInt(alphabet.length()));
            }
            String w = new String(word);
            String key = TokenBuffer.pack(word, 0, word.length, true) + ":" + TokenBuffer.pack(word, 0, word.length, false);
            String before = byKey.putIfAbsent(key, w);
            assertTrue(before == null || before.equals(w), "seed " + seed + ": " + before + " and " + w + " share " + key);
            assertTrue(TokenBuffer.pack(word, 0, word.length, false) != 0, w);
        }
        assertEquals(0, TokenBuffer.pack("\u0101b".toCharArray(), 0, 2, false), "a char above 255 is not packed");
        assertEquals(0, TokenBuffer.pack("abcdefghijklmnopq".toCharArray(), 0, 17, false), "17 chars are not packed");
    }

    private static List<String> describe(TokenBuffer t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            out.add(t.term(i) + "@" + t.start(i) + "-" + t.end(i) + "/" + t.flags(i));
        }
        return out;
    }
}
