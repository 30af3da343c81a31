package org.fairnote.match;

import java.util.Arrays;
import java.util.Map;

/**
 * Reads an unknown word that lies one slip from a long pattern word as that word
 * ("manipualtive", "frequant", "non-complient"). Part of a {@link Vocabulary}; immutable and
 * thread-safe.
 *
 * <p>Typo tolerance covers long plain words of the patterns: at least {@link #MIN_WORD_LENGTH}
 * lower-case ASCII letters, not a compound or contraction (short words have too many real-word
 * neighbours: "charged" and "changed"). A slip is one letter missed, added or changed, or two
 * neighbours swapped, never at the first letter or the last two. A word resolves only when its
 * slips lead to exactly one word, and never when it is a real English word ({@link EnglishWords}).
 * Symmetric deletion finds the candidates: every tolerant surface is indexed under each deletion
 * of an editable letter, and each candidate is then checked to be really one slip away.
 */
final class TypoCorrector {
    static final int MIN_WORD_LENGTH = 8;
    static final int MAX_WORD_LENGTH = 24;
    private static final int AMBIGUOUS = Integer.MAX_VALUE;
    /** 31^k, wrapping as int arithmetic does. */
    private static final int[] POWERS_OF_31 = new int[MAX_WORD_LENGTH + 1];

    static {
        POWERS_OF_31[0] = 1;
        for (int k = 1; k < POWERS_OF_31.length; k++) {
            POWERS_OF_31[k] = 31 * POWERS_OF_31[k - 1];
        }
    }

    private final CharDictionary surfaces;
    private final int[] surfaceTermId;
    private final int[] surfaceStemId;
    /** Per surface: its letters when it is typo-tolerant, else null. */
    private final char[][] text;
    private final TypoIndex deletions;
    /**
     * One bit per hash (modulo its size) of every deletion key and every typo-tolerant surface: a
     * slice of an unknown word whose bit is clear can be neither, so the search skips its probes of
     * the index and the vocabulary (tables of megabytes, a cache miss each). 8 to 16 bits per key
     * (256 KB for the default lexicons), so most slices of most unknown words find their bit clear.
     */
    private final long[] keyBits;
    private final int keyBitMask;

    /**
     * @param index every surface and its number in the vocabulary's arrays
     * @param surfaceTermId per surface, its term id or -1 (read, never changed)
     * @param surfaceStemId per surface, its stem id or -1 (read, never changed)
     * @param expansionTerms per surface, its parts when it expands into several tokens, else null
     */
    TypoCorrector(Map<String, Integer> index, CharDictionary surfaces, int[] surfaceTermId, int[] surfaceStemId,
            String[][] expansionTerms) {
        this.surfaces = surfaces;
        this.surfaceTermId = surfaceTermId;
        this.surfaceStemId = surfaceStemId;
        this.text = new char[surfaceTermId.length][];
        int[] pairs = new int[64];
        int n = 0;
        char[] key = new char[MAX_WORD_LENGTH];
        for (Map.Entry<String, Integer> e : index.entrySet()) {
            String surface = e.getKey();
            int i = e.getValue();
            if (!tolerant(surface, expansionTerms[i] != null, surfaceTermId[i] >= 0 || surfaceStemId[i] >= 0)) {
                continue;
            }
            char[] letters = surface.toCharArray();
            text[i] = letters;
            for (int p = 1; editable(p, letters.length); p++) {
                System.arraycopy(letters, 0, key, 0, p);
                System.arraycopy(letters, p + 1, key, p, letters.length - p - 1);
                if (2 * n + 2 > pairs.length) {
                    pairs = Arrays.copyOf(pairs, pairs.length * 2);
                }
                pairs[2 * n] = CharDictionary.hash(key, 0, letters.length - 1);
                pairs[2 * n + 1] = i;
                n++;
            }
        }
        this.deletions = new TypoIndex(pairs, n);
        int keys = n;
        for (char[] letters : text) {
            keys += letters != null ? 1 : 0;
        }
        int bits = Integer.highestOneBit(Math.max(64, Math.min(1 << 24, 16 * keys)));
        this.keyBits = new long[bits / 64];
        this.keyBitMask = bits - 1;
        for (int k = 0; k < n; k++) {
            setKeyBit(pairs[2 * k]);
        }
        for (char[] letters : text) {
            if (letters != null) {
                setKeyBit(CharDictionary.hash(letters, 0, letters.length));
            }
        }
        if (deletions.size() > 0) {
            EnglishWords.load(); // at build time, so that no screening pays for it
        }
    }

    private void setKeyBit(int hash) {
        int bit = hash & keyBitMask;
        keyBits[bit >>> 6] |= 1L << bit;
    }

    private boolean mayBeKey(int hash) {
        int bit = hash & keyBitMask;
        return (keyBits[bit >>> 6] & 1L << bit) != 0;
    }

    private static boolean tolerant(String surface, boolean expands, boolean known) {
        if (surface.length() < MIN_WORD_LENGTH || surface.length() > MAX_WORD_LENGTH || expands || !known) {
            return false;
        }
        for (int k = 0; k < surface.length(); k++) {
            char c = surface.charAt(k);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }

    /**
     * A slip may touch any letter but the first and the last two: people rarely mistype the first
     * letter, and the ending is where real words differ by inflection ("attended" and "attender").
     */
    private static boolean editable(int position, int length) {
        return position >= 1 && position <= length - 3;
    }

    /** The letters of typo-tolerant surface {@code surface}. */
    String text(int surface) {
        return new String(text[surface]);
    }

    /**
     * The typo-tolerant surface one slip from the unknown word {@code buf[off, off+len)}, or -1 when
     * there is none, or when slips lead to different words. {@code buffer} holds at least
     * {@link #MAX_WORD_LENGTH} chars, overwritten.
     */
    int correct(char[] buf, int off, int len, char[] buffer) {
        if (len < MIN_WORD_LENGTH - 1 || len > MAX_WORD_LENGTH || deletions.size() == 0) {
            return -1;
        }
        int polynomial = 0; // of CharDictionary.hash
        for (int k = off; k < off + len; k++) {
            char c = buf[k];
            if (c < 'a' || c > 'z') {
                return -1;
            }
            polynomial = 31 * polynomial + c;
        }
        int found = -1;
        int hash = CharDictionary.hashOfPolynomial(polynomial);
        if (mayBeKey(hash)) {
            found = candidates(-1, deletions.get(hash), buf, off, len); // a letter missed
        }
        // The word without letter p, by its polynomial: the word's, less what letter p and the
        // letters before it add (prefix = the polynomial of the letters before p).
        int prefix = buf[off];
        for (int p = 1; found != AMBIGUOUS && editable(p, len); p++) {
            char c = buf[off + p];
            int h = CharDictionary.hashOfPolynomial(polynomial - (30 * prefix + c) * POWERS_OF_31[len - 1 - p]);
            prefix = 31 * prefix + c;
            if (!mayBeKey(h)) {
                continue;
            }
            System.arraycopy(buf, off, buffer, 0, p);
            System.arraycopy(buf, off + p + 1, buffer, p, len - p - 1);
            int added = surfaces.get(buffer, 0, len - 1, h); // a letter added
            if (added >= 0 && text[added] != null && oneSlip(buf, off, len, text[added])) {
                found = merge(found, added);
            }
            found = candidates(found, deletions.get(h), buf, off, len); // changed or swapped
        }
        if (found < 0 || found == AMBIGUOUS) {
            return -1;
        }
        // Last, since most unknown words have no candidate: a real English word is never a typo.
        return EnglishWords.contains(buf, off, len) ? -1 : found;
    }

    /**
     * What {@link #correct} answers for an unknown word, found by trying every typo-tolerant surface
     * (slow; the reference for tests).
     */
    int correctByScan(String word) {
        if (word.length() < MIN_WORD_LENGTH - 1 || word.length() > MAX_WORD_LENGTH
                || !word.chars().allMatch(c -> c >= 'a' && c <= 'z') || EnglishWords.contains(word)) {
            return -1;
        }
        char[] w = word.toCharArray();
        int found = -1;
        for (int i = 0; i < text.length && found != AMBIGUOUS; i++) {
            if (text[i] != null && oneSlip(w, 0, w.length, text[i])) {
                found = merge(found, i);
            }
        }
        return found == AMBIGUOUS ? -1 : found;
    }

    /** Merges into {@code found} the candidates of index entry {@code entry} that are one slip from the word. */
    private int candidates(int found, int entry, char[] buf, int off, int len) {
        if (entry == TypoIndex.NONE || found == AMBIGUOUS) {
            return found;
        }
        for (int j = 0, n = deletions.count(entry); j < n; j++) {
            int c = deletions.item(entry, j);
            if (oneSlip(buf, off, len, text[c])) {
                found = merge(found, c);
            }
        }
        return found;
    }

    /**
     * Is {@code w} one editable slip from {@code s}: one letter missed, added or changed, or two
     * neighbours swapped? A letter missed or added inside a run of equal letters counts at the run's
     * start.
     */
    static boolean oneSlip(char[] w, int off, int len, char[] s) {
        int n = s.length;
        int p = 0;
        while (p < len && p < n && w[off + p] == s[p]) {
            p++;
        }
        if (len == n) {
            if (p == n) {
                return false; // the same word
            }
            if (rest(w, off + p + 1, s, p + 1, n - p - 1)) {
                return editable(p, n); // one letter changed
            }
            return p + 1 < n && w[off + p] == s[p + 1] && w[off + p + 1] == s[p]
                    && editable(p, n) && editable(p + 1, n)
                    && rest(w, off + p + 2, s, p + 2, n - p - 2); // two neighbours swapped
        }
        if (len == n - 1) { // a letter missed
            return p < n && editable(runStart(s, 0, p), n) && rest(w, off + p, s, p + 1, n - p - 1);
        }
        if (len == n + 1) { // a letter added
            return editable(runStart(w, off, p), len) && rest(w, off + p + 1, s, p, n - p);
        }
        return false;
    }

    /** The first index of the run of equal letters that ends at {@code a[off + p]}. */
    private static int runStart(char[] a, int off, int p) {
        int q = p;
        while (q > 0 && a[off + q - 1] == a[off + p]) {
            q--;
        }
        return q;
    }

    private static boolean rest(char[] w, int woff, char[] s, int soff, int count) {
        for (int k = 0; k < count; k++) {
            if (w[woff + k] != s[soff + k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Two candidates of different words make the word ambiguous, unless one is itself a slip of the
     * other: a lexicon that lists a misspelling ("manipultive") beside the word keeps the word.
     */
    private int merge(int found, int candidate) {
        if (found < 0 || found == candidate) {
            return candidate;
        }
        if (found == AMBIGUOUS) {
            return found;
        }
        if (sameWord(found, candidate)) {
            return Math.min(found, candidate); // spelling variants of one word: either will do, the same each time
        }
        char[] a = text[found];
        char[] b = text[candidate];
        if (oneSlip(a, 0, a.length, b) || oneSlip(b, 0, b.length, a)) {
            return preferred(found, candidate);
        }
        return AMBIGUOUS;
    }

    /** Of a word and its listed misspelling, the word: the one that inflects, else the first registered. */
    private int preferred(int a, int b) {
        if ((surfaceStemId[a] >= 0) != (surfaceStemId[b] >= 0)) {
            return surfaceStemId[a] >= 0 ? a : b;
        }
        return surfaceTermId[a] <= surfaceTermId[b] ? a : b;
    }

    private boolean sameWord(int a, int b) {
        return surfaceTermId[a] == surfaceTermId[b] && surfaceStemId[a] == surfaceStemId[b];
    }
}
