package org.fairnote.models;

import org.fairnote.text.TokenBuffer;

/**
 * Splits a sentence into clauses: at commas, semicolons, colons, brackets, spaced dashes and
 * slashes, and before the conjunctions and linking words in {@link #SPLIT_WORDS}. Separator
 * tokens belong to no clause; each clause remembers the separator before it (a feature).
 */
final class Clauses {

    /** Words that start a new clause; the word itself is the separator. */
    static final String[] SPLIT_WORDS = {
        "and", "but", "so", "because", "although", "though", "whereas", "while", "rather", "which", "unless",
        "however", "whilst"};

    static final String SPLIT_PUNCT = ",;:()[]–—/";

    private Clauses() {
    }

    /**
     * Writes the clauses of tokens [from, to) into {@code out} as triples (first token, end token
     * exclusive, separator token or -1) and returns how many there are. {@code out} must hold
     * 3 * (to - from) ints.
     */
    static int split(TokenBuffer t, int from, int to, int[] out) {
        int n = 0;
        int start = from;
        int sep = -1;
        for (int i = from; i < to; i++) {
            if (isSeparator(t, i, from)) {
                if (hasWord(t, start, i)) {
                    out[n * 3] = start;
                    out[n * 3 + 1] = i;
                    out[n * 3 + 2] = sep;
                    n++;
                }
                start = i + 1;
                sep = i;
            }
        }
        if (hasWord(t, start, to)) {
            out[n * 3] = start;
            out[n * 3 + 1] = to;
            out[n * 3 + 2] = sep;
            n++;
        }
        return n;
    }

    private static boolean isSeparator(TokenBuffer t, int i, int from) {
        int f = t.flags(i);
        if ((f & TokenBuffer.PUNCT) != 0) {
            char c = t.termChars()[t.termOffset(i)];
            if (c == '-') {
                // a spaced dash, not a hyphen inside a word
                return (f & TokenBuffer.SPACE_BEFORE) != 0 && (f & TokenBuffer.HYPHEN_BEFORE) == 0;
            }
            return SPLIT_PUNCT.indexOf(c) >= 0;
        }
        if (i == from || (f & TokenBuffer.WORD) == 0 || (f & TokenBuffer.EXPANDED) != 0) {
            return false;
        }
        int len = t.termLength(i);
        if (len < 2 || len > 8) {
            return false;
        }
        char c0 = t.termChars()[t.termOffset(i)];
        for (String w : SPLIT_WORDS) {
            if (w.charAt(0) == c0 && t.termEquals(i, w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasWord(TokenBuffer t, int from, int to) {
        for (int i = from; i < to; i++) {
            if (t.has(i, TokenBuffer.WORD)) {
                return true;
            }
        }
        return false;
    }
}
