package org.fairnote.models;

import java.util.Arrays;
import org.fairnote.text.TokenBuffer;

/**
 * Feature extraction for one clause, as 64-bit hashes (FNV-1a over a one-letter feature kind and
 * the normalised terms), so inference allocates no strings. Training names each feature by its hash
 * in hex; the loaded model maps hashes back to weights.
 *
 * <p>Features (v{@value #VERSION}): bias; clause unigrams ({@code w}); 5-letter prefixes of longer
 * words ({@code p}, a crude stem that transfers to unseen inflections); bigrams with clause-edge
 * markers ({@code b}); the separator before the clause ({@code c}); a clause length bucket
 * ({@code l}); capitalised words other than the first ({@code k}); words inside short quotes
 * ({@code q}, scare quotes); and the bag of words of the whole sentence ({@code s}), which is the
 * same for every clause of a sentence and so is summed once per sentence. Numbers are one term.
 * Optionally lexicon hits: the category of a lexicon finding overlapping the clause ({@code x})
 * or anywhere in the sentence ({@code X}).
 */
final class Features {

    static final int VERSION = 1;

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;
    private static final int PREFIX = 5;

    /** A growable list of feature hashes, reused within one call. */
    static final class Buf {
        long[] a = new long[64];
        int n;

        void add(long h) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = h;
        }

        void clear() {
            n = 0;
        }

        String[] names() {
            String[] s = new String[n];
            for (int i = 0; i < n; i++) {
                s[i] = Long.toHexString(a[i]);
            }
            return s;
        }
    }

    private Features() {
    }

    static long kind(char k) {
        return mix(OFFSET, k);
    }

    static long mix(long h, char c) {
        return (h ^ c) * PRIME;
    }

    static long term(long h, TokenBuffer t, int i) {
        if (t.has(i, TokenBuffer.NUMBER)) {
            return mix(h, '#');
        }
        char[] c = t.termChars();
        int off = t.termOffset(i);
        int len = t.termLength(i);
        for (int k = 0; k < len; k++) {
            h = mix(h, c[off + k]);
        }
        return h;
    }

    static long hashOf(String feature) {
        long h = OFFSET;
        for (int i = 0; i < feature.length(); i++) {
            h = mix(h, feature.charAt(i));
        }
        return h;
    }

    private static boolean usable(TokenBuffer t, int i) {
        return t.has(i, TokenBuffer.WORD) || isQuote(t, i);
    }

    static boolean isQuote(TokenBuffer t, int i) {
        if (!t.has(i, TokenBuffer.PUNCT)) {
            return false;
        }
        char c = t.termChars()[t.termOffset(i)];
        return c == '"' || c == '\'' || c == '\u2018' || c == '\u2019' || c == '\u201c' || c == '\u201d';
    }

    /** Features of the clause tokens [from, to) whose separator token is {@code sep} (-1: none). */
    static void clause(TokenBuffer t, int from, int to, int sep, int[] lexHits, int lexCount, Buf out) {
        out.add(kind('B'));
        long prev = mix(kind('b'), '^');
        int words = 0;
        for (int i = from; i < to; i++) {
            if (!usable(t, i)) {
                continue;
            }
            boolean word = t.has(i, TokenBuffer.WORD);
            if (word) {
                words++;
                out.add(term(kind('w'), t, i));
                int len = t.termLength(i);
                if (len > PREFIX + 1 && !t.has(i, TokenBuffer.NUMBER)) {
                    long h = kind('p');
                    char[] c = t.termChars();
                    int off = t.termOffset(i);
                    for (int k = 0; k < PREFIX; k++) {
                        h = mix(h, c[off + k]);
                    }
                    out.add(h);
                }
                if (i > from && t.has(i, TokenBuffer.CAPITALISED)) {
                    out.add(kind('k'));
                }
            }
            out.add(term(mix(prev, '|'), t, i));
            prev = term(kind('b'), t, i);
            if (!word && i + 1 < to) {
                // a short quote: up to three words, then the closing quote
                int j = i + 1;
                while (j < to && j <= i + 3 && t.has(j, TokenBuffer.WORD)) {
                    j++;
                }
                if (j > i + 1 && j < to && isQuote(t, j)) {
                    out.add(kind('Q'));
                    for (int k = i + 1; k < j; k++) {
                        out.add(term(kind('q'), t, k));
                    }
                }
            }
        }
        out.add(mix(mix(prev, '|'), '$'));
        out.add(sep < 0 ? mix(kind('c'), '^') : term(kind('c'), t, sep));
        out.add(mix(kind('l'), (char) ('0' + bucket(words))));
        if (lexHits != null) {
            int cs = t.start(from);
            int ce = t.end(to - 1);
            for (int h = 0; h < lexCount; h++) {
                if (lexHits[h * 3] < ce && cs < lexHits[h * 3 + 1]) {
                    out.add(mix(kind('x'), (char) ('A' + lexHits[h * 3 + 2])));
                }
            }
        }
    }

    /** Features shared by every clause of the sentence tokens [from, to). */
    static void sentence(TokenBuffer t, int from, int to, int[] lexHits, int lexCount, Buf out) {
        for (int i = from; i < to; i++) {
            if (t.has(i, TokenBuffer.WORD)) {
                out.add(term(kind('s'), t, i));
            }
        }
        if (lexHits != null) {
            int cs = t.start(from);
            int ce = t.end(to - 1);
            for (int h = 0; h < lexCount; h++) {
                if (lexHits[h * 3] < ce && cs < lexHits[h * 3 + 1]) {
                    out.add(mix(kind('X'), (char) ('A' + lexHits[h * 3 + 2])));
                }
            }
        }
    }

    private static int bucket(int words) {
        if (words <= 2) {
            return words;
        }
        if (words <= 4) {
            return 3;
        }
        if (words <= 8) {
            return 4;
        }
        return words <= 16 ? 5 : 6;
    }
}
