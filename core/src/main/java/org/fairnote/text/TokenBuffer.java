package org.fairnote.text;

import java.util.Arrays;

/**
 * The tokens of one text, as parallel arrays reused within one screening call. A token has its
 * original char offsets, a normalised term (lower case, accents and compatibility forms folded,
 * quotes and dashes unified), flags, and the ids a {@link TermResolver} gave it.
 *
 * <p>One original word may yield several tokens (a contraction such as "don't", or a joined
 * compound such as "attentionseeking"); those tokens share the word's offsets.
 */
public final class TokenBuffer {
    /** A word: letters or digits. */
    public static final int WORD = 1;
    /** A single punctuation or symbol char. */
    public static final int PUNCT = 1 << 1;
    /** Starts with an upper-case letter. */
    public static final int CAPITALISED = 1 << 2;
    /** Has at least two letters, all upper case. */
    public static final int ALL_CAPS = 1 << 3;
    /** Starts with a digit. */
    public static final int NUMBER = 1 << 4;
    /** A line break separates it from the previous token. */
    public static final int NEWLINE_BEFORE = 1 << 5;
    /** A blank line separates it from the previous token. */
    public static final int BLANK_LINE_BEFORE = 1 << 6;
    /** The second or later token of one expanded word. */
    public static final int EXPANDED = 1 << 7;
    /** Has an ignorable char (soft hyphen, zero-width) inside. */
    public static final int HAS_IGNORABLE = 1 << 8;
    /** Joined to the previous token by a hyphen, with no space. */
    public static final int HYPHEN_BEFORE = 1 << 9;
    /** Starts with a lower-case letter. */
    public static final int LOWER_START = 1 << 10;
    /** Whitespace separates it from the previous token. */
    public static final int SPACE_BEFORE = 1 << 11;

    /** The longest term {@link #pack} packs: 16 chars of a byte each fill 128 bits. */
    public static final int PACKED_CHARS = 16;

    int size;
    int[] start;
    int[] end;
    int[] flags;
    int[] termOffset;
    int[] termLength;
    /** Resolved ids, -1 when the resolver does not know the token. */
    int[] termId;
    int[] stemId;
    int[] caseId;
    /**
     * The resolver's number for the token's term and stem ids together: tokens with one word class
     * have the same term and stem ids, so what depends only on those (and the case id and flags)
     * may be cached by class. 0 for a token with neither id.
     */
    int[] wordClass;
    char[] chars;
    int charLength;
    /**
     * The last token's term as a 128-bit number, a char per byte, right-aligned: {@code lastKey1}
     * holds its last 8 chars and {@code lastKey2} the (at most 8) before them. Set when the
     * tokenizer packed the term on the way, a word of at most 16 ASCII chars; else {@code lastKey1}
     * is 0 (and {@code lastKey2} means nothing).
     */
    private long lastKey1;
    private long lastKey2;
    /** A copy of the text being tokenised, for the tokenizer only. */
    private char[] text = new char[0];

    public TokenBuffer(int expectedChars) {
        int tokens = Math.max(16, expectedChars / 4);
        start = new int[tokens];
        end = new int[tokens];
        flags = new int[tokens];
        termOffset = new int[tokens];
        termLength = new int[tokens];
        termId = new int[tokens];
        stemId = new int[tokens];
        caseId = new int[tokens];
        wordClass = new int[tokens];
        chars = new char[Math.max(64, expectedChars)];
    }

    public int size() {
        return size;
    }

    /** How many tokens fit before the arrays grow. */
    public int capacity() {
        return start.length;
    }

    public int start(int i) {
        return start[i];
    }

    public int end(int i) {
        return end[i];
    }

    public int flags(int i) {
        return flags[i];
    }

    public boolean has(int i, int flag) {
        return (flags[i] & flag) != 0;
    }

    public int termId(int i) {
        return termId[i];
    }

    public int stemId(int i) {
        return stemId[i];
    }

    public int caseId(int i) {
        return caseId[i];
    }

    public int wordClass(int i) {
        return wordClass[i];
    }

    /** The chars of all terms; a token's term is at {@link #termOffset(int)}. */
    public char[] termChars() {
        return chars;
    }

    public int termOffset(int i) {
        return termOffset[i];
    }

    public int termLength(int i) {
        return termLength[i];
    }

    /** The normalised term of token {@code i}, as a new string. */
    public String term(int i) {
        return new String(chars, termOffset[i], termLength[i]);
    }

    /** True when token {@code i}'s term equals {@code s}. */
    public boolean termEquals(int i, String s) {
        int len = termLength[i];
        if (len != s.length()) {
            return false;
        }
        int off = termOffset[i];
        for (int k = 0; k < len; k++) {
            if (chars[off + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    public boolean isPunct(int i, char c) {
        return (flags[i] & PUNCT) != 0 && chars[termOffset[i]] == c;
    }

    /** How many chars the term and text buffers hold before they grow (a long blank text grows only the latter). */
    public int charCapacity() {
        return Math.max(chars.length, text.length);
    }

    /** A buffer of at least {@code length} chars for the tokenizer's copy of the text. */
    char[] textBuffer(int length) {
        if (text.length < length) {
            text = new char[Math.max(length, text.length * 2)];
        }
        return text;
    }

    void clear() {
        size = 0;
        charLength = 0;
    }

    /** The last 8 chars of the last token's term, packed (see {@link #lastKey1}); 0 when not packed. */
    public long lastKey1() {
        return lastKey1;
    }

    /** The chars before the last 8 of the last token's term, packed as {@link #lastKey1}. */
    public long lastKey2() {
        return lastKey2;
    }

    /**
     * The low half of {@code chars[from, to)} packed a char per byte as {@link #lastKey1}: the
     * last 8 chars, or with {@code high} the (at most 8) before them. 0 when a char does not fit in
     * a byte, the range is empty or longer than 16. Term chars are never 0, so distinct terms of at
     * most 16 chars pack to distinct keys.
     */
    public static long pack(char[] chars, int from, int to, boolean high) {
        if (to - from > PACKED_CHARS) {
            return 0;
        }
        long key1 = 0;
        long key2 = 0;
        for (int i = from; i < to; i++) {
            char c = chars[i];
            if (c > 0xFF) {
                return 0;
            }
            key2 = key2 << 8 | key1 >>> 56;
            key1 = key1 << 8 | c;
        }
        return high ? key2 : key1;
    }

    void setLastKey(long key1, long key2) {
        lastKey1 = key1;
        lastKey2 = key2;
    }

    /** Appends a token whose term is still to be written with {@link #appendTermChar}. */
    int beginToken(int startOffset, int tokenFlags) {
        lastKey1 = 0;
        if (size == start.length) {
            grow();
        }
        int i = size++;
        start[i] = startOffset;
        end[i] = startOffset;
        flags[i] = tokenFlags;
        termOffset[i] = charLength;
        termLength[i] = 0;
        termId[i] = -1;
        stemId[i] = -1;
        caseId[i] = -1;
        wordClass[i] = 0;
        return i;
    }

    /** The term chars array, with room for {@code count} more chars after {@link #charLength}. */
    char[] reserveTermChars(int count) {
        if (charLength + count > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, charLength + count));
        }
        return chars;
    }

    void appendTermChar(char c) {
        if (charLength == chars.length) {
            chars = Arrays.copyOf(chars, chars.length * 2);
        }
        chars[charLength++] = c;
    }

    void endToken(int i, int endOffset) {
        end[i] = endOffset;
        termLength[i] = charLength - termOffset[i];
    }

    /** Removes the last token (used when a word expands into other tokens). */
    public void dropLast() {
        size--;
    }

    /** Appends a token for an expansion part with a term given by the resolver. */
    public int appendExpansion(int sourceToken, String term, int tId, int sId, int wClass, boolean first) {
        int s = start[sourceToken];
        int e = end[sourceToken];
        int f = flags[sourceToken];
        if (!first) {
            f = (f & ~(CAPITALISED | ALL_CAPS | LOWER_START | NEWLINE_BEFORE | BLANK_LINE_BEFORE | HYPHEN_BEFORE
                    | SPACE_BEFORE)) | EXPANDED | SPACE_BEFORE;
        }
        int i = beginToken(s, f);
        for (int k = 0; k < term.length(); k++) {
            appendTermChar(term.charAt(k));
        }
        endToken(i, e);
        termId[i] = tId;
        stemId[i] = sId;
        wordClass[i] = wClass;
        return i;
    }

    /** Sets the resolved ids of token {@code i} and the word class of its term and stem ids. */
    public void setIds(int i, int tId, int sId, int cId, int wClass) {
        termId[i] = tId;
        stemId[i] = sId;
        caseId[i] = cId;
        wordClass[i] = wClass;
    }

    private void grow() {
        int n = start.length * 2;
        start = Arrays.copyOf(start, n);
        end = Arrays.copyOf(end, n);
        flags = Arrays.copyOf(flags, n);
        termOffset = Arrays.copyOf(termOffset, n);
        termLength = Arrays.copyOf(termLength, n);
        termId = Arrays.copyOf(termId, n);
        stemId = Arrays.copyOf(stemId, n);
        caseId = Arrays.copyOf(caseId, n);
        wordClass = Arrays.copyOf(wordClass, n);
    }
}
