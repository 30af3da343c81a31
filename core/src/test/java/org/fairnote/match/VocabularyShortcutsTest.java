package org.fairnote.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fairnote.text.TokenBuffer;
import org.fairnote.text.Tokenizer;
import org.junit.jupiter.api.Test;

/**
 * The two shortcuts of {@link Vocabulary#resolveLast} and {@link Vocabulary#resolvePunct} lose
 * nothing: the filter on the first two chars of case-sensitive surfaces never skips one, and the
 * table of punctuation gives the ids the dictionary gives.
 */
class VocabularyShortcutsTest {

    private static final List<String> EXACT = List.of("PC", "ED", "A", "Sgt", "PC's", "Ünit", "ÉCT", "N.B");

    @Test
    void everyCaseSensitiveSurfaceIsFoundAndOnlyInItsOwnCase() {
        Vocabulary.Builder vb = new Vocabulary.Builder();
        for (String surface : EXACT) {
            vb.exact(surface);
        }
        Vocabulary vocabulary = vb.build();
        Tokenizer tokenizer = new Tokenizer(vocabulary);
        for (String surface : EXACT) {
            int expected = vocabulary.exactId(surface);
            assertTrue(expected >= 0, surface);
            TokenBuffer tokens = tokenizer.tokenize("Seen by " + surface + " today");
            assertEquals(expected, caseIdOf(tokens, "Seen by " + surface + " today", surface), surface);
        }
        // Same first two chars, other words: the filter lets them through and the lookup says no.
        for (String other : List.of("PCs", "EDs", "Sgts", "Üni", "As")) {
            String text = "Seen by " + other + " today";
            assertEquals(-1, caseIdOf(tokenizer.tokenize(text), text, other), other);
        }
        String text = "The She Pc ed";
        TokenBuffer tokens = tokenizer.tokenize(text);
        for (int i = 0; i < tokens.size(); i++) {
            assertEquals(-1, tokens.caseId(i), text.substring(tokens.start(i), tokens.end(i)));
        }
    }

    @Test
    void punctuationResolvesAsTheDictionarySays() {
        Vocabulary.Builder vb = new Vocabulary.Builder();
        int comma = vb.punct(',');
        int colon = vb.punct(':');
        int quote = vb.punct('\'');
        Vocabulary vocabulary = vb.build();
        String text = "a, b: 'c' d. e; f\u2019s \u00BF";
        TokenBuffer tokens = new Tokenizer(vocabulary).tokenize(text);
        StringBuilder seen = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.has(i, TokenBuffer.PUNCT)) {
                char c = text.charAt(tokens.start(i));
                int expected = c == ',' ? comma : c == ':' ? colon : c == '\'' ? quote : -1;
                assertEquals(expected, tokens.termId(i), "punctuation '" + c + "'");
                seen.append(c);
            }
        }
        assertTrue(seen.indexOf(",") >= 0 && seen.indexOf(":") >= 0 && seen.indexOf("'") >= 0
                && seen.indexOf(".") >= 0, "punctuation tokens seen: " + seen);
    }

    private static int caseIdOf(TokenBuffer tokens, String text, String word) {
        for (int i = 0; i < tokens.size(); i++) {
            if (text.substring(tokens.start(i), tokens.end(i)).equals(word)) {
                return tokens.caseId(i);
            }
        }
        throw new AssertionError("'" + word + "' is not one token of '" + text + "'");
    }
}
