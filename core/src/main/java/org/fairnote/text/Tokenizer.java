package org.fairnote.text;

import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * Splits text into word and punctuation tokens and normalises each word's term, keeping every
 * token's exact offsets into the original text.
 *
 * <p>Normalisation: lower case; accents, ligatures and full-width forms folded with Lucene's
 * {@link ASCIIFoldingFilter} mappings; combining marks, soft hyphens and zero-width chars
 * dropped; all quote marks become {@code '} and all dashes {@code -}. Words are runs of letters
 * and digits; {@code & + / . '} between two word chars stay inside the word ({@code a&e},
 * {@code 24/7}, {@code 2.5mg}, {@code don't}); a hyphen between two word chars splits the word
 * without a punctuation token, so "attention-seeking" and "attention seeking" give the same terms.
 *
 * <p>Hand-written rather than a Lucene {@code Tokenizer}: it is the hot path, and the benchmarks
 * module measures both (see core/README.md). Stateless and thread-safe.
 */
public final class Tokenizer {

    private static final byte OTHER = 0;
    private static final byte LETTER = 1;
    private static final byte DIGIT = 2;
    private static final byte SPACE = 3;
    private static final byte NEWLINE = 4;
    private static final byte JOINER = 5;
    private static final byte HYPHEN = 6;
    private static final byte QUOTE = 7;
    private static final byte IGNORABLE = 8;
    private static final byte MARK = 9;
    private static final byte SKIP = 10;

    private static final byte[] ASCII = new byte[128];

    static {
        for (int c = 0; c < 128; c++) {
            byte k;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                k = LETTER;
            } else if (c >= '0' && c <= '9') {
                k = DIGIT;
            } else if (c == '\n' || c == '\r' || c == 0x0B || c == 0x0C) {
                k = NEWLINE;
            } else if (c == ' ' || c == '\t') {
                k = SPACE;
            } else if (c < 0x20 || c == 0x7F) {
                k = SKIP;
            } else if (c == '&' || c == '+' || c == '/' || c == '.') {
                k = JOINER;
            } else if (c == '\'' || c == '"' || c == '`') {
                k = QUOTE;
            } else if (c == '-') {
                k = HYPHEN;
            } else {
                k = OTHER;
            }
            ASCII[c] = k;
        }
    }

    private final TermResolver resolver;
    /** Whether plain ASCII words take {@link #readAsciiWord}; off only to test it against {@link #readWord}. */
    private final boolean asciiFastPath;
    /**
     * Whether a word that follows a word after one space is read straight away, without going
     * round the char switch; off only to test that it gives the same tokens.
     */
    private final boolean chainSpaces;

    public Tokenizer(TermResolver resolver) {
        this(resolver, true, true);
    }

    Tokenizer(TermResolver resolver, boolean asciiFastPath, boolean chainSpaces) {
        this.resolver = resolver;
        this.asciiFastPath = asciiFastPath;
        this.chainSpaces = chainSpaces;
    }

    /** A tokenizer that only normalises, resolving no ids. */
    public static Tokenizer plain() {
        return new Tokenizer(TermResolver.NONE);
    }

    /** Tokenises {@code text} into a new buffer. */
    public TokenBuffer tokenize(CharSequence text) {
        TokenBuffer tokens = new TokenBuffer(text.length());
        tokenize(text, tokens, resolver.newScratch());
        return tokens;
    }

    /** Tokenises {@code text} into {@code tokens}, which is cleared first. */
    public void tokenize(CharSequence original, TokenBuffer tokens, TermResolver.Scratch scratch) {
        tokens.clear();
        final int n = original.length();
        // One bulk copy, then plain array reads: charAt through CharSequence costs a check per char.
        char[] text = tokens.textBuffer(n);
        if (original instanceof String s) {
            s.getChars(0, n, text, 0);
        } else {
            for (int k = 0; k < n; k++) {
                text[k] = original.charAt(k);
            }
        }
        int newlines = 0;
        boolean space = false;
        int i = 0;
        while (i < n) {
            char c = text[i];
            int cp = c;
            int width = 1;
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text[i + 1])) {
                cp = Character.toCodePoint(c, text[i + 1]);
                width = 2;
            }
            byte kind = classify(cp);
            switch (kind) {
                case LETTER, DIGIT, MARK -> {
                    int pendingFlags = (newlines > 0 ? TokenBuffer.NEWLINE_BEFORE : 0)
                            | (newlines > 1 ? TokenBuffer.BLANK_LINE_BEFORE : 0)
                            | (space || newlines > 0 ? TokenBuffer.SPACE_BEFORE : 0);
                    // Words joined by a hyphen, or by one space (the common case), follow one another
                    // here without going round the switch.
                    while (true) {
                        int before = tokens.size();
                        int plainEnd = asciiFastPath ? readAsciiWord(text, n, i, tokens, pendingFlags) : -1;
                        i = plainEnd >= 0 ? plainEnd : readWord(text, n, i, tokens, pendingFlags);
                        if (tokens.size() > before) {
                            resolver.resolveLast(tokens, original, scratch);
                        }
                        if (i + 1 >= n) {
                            break;
                        }
                        char next = text[i + 1];
                        if (chainSpaces && text[i] == ' ' && isAsciiWordChar(next)) {
                            pendingFlags = TokenBuffer.SPACE_BEFORE;
                        } else if (classify(text[i]) == HYPHEN && isWordStart(text, n, i + 1)) {
                            // A hyphen directly between two words joins them without a token.
                            pendingFlags = TokenBuffer.HYPHEN_BEFORE;
                        } else {
                            break;
                        }
                        i++;
                    }
                    newlines = 0;
                    space = false;
                    continue;
                }
                case NEWLINE -> {
                    if (!(c == '\n' && i > 0 && text[i - 1] == '\r')) {
                        newlines++;
                    }
                }
                case SPACE -> {
                    space = true;
                }
                case IGNORABLE, SKIP -> {
                    // dropped: no token, no separation
                }
                default -> {
                    if (width == 1) {
                        int flags = TokenBuffer.PUNCT
                                | (newlines > 0 ? TokenBuffer.NEWLINE_BEFORE : 0)
                                | (newlines > 1 ? TokenBuffer.BLANK_LINE_BEFORE : 0)
                                | (space || newlines > 0 ? TokenBuffer.SPACE_BEFORE : 0);
                        int t = tokens.beginToken(i, flags);
                        tokens.appendTermChar(kind == QUOTE ? '\'' : kind == HYPHEN ? '-' : c);
                        tokens.endToken(t, i + 1);
                        resolver.resolvePunct(tokens, t);
                        newlines = 0;
                        space = false;
                    }
                }
            }
            i += width;
        }
    }

    private static boolean isAsciiWordChar(char c) {
        return c < 128 && ASCII[c] >= LETTER && ASCII[c] <= DIGIT;
    }

    private static boolean isWordStart(char[] text, int n, int i) {
        char c = text[i];
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text[i + 1])) {
            return isWordChar(classify(Character.toCodePoint(c, text[i + 1])));
        }
        byte k = classify(c);
        return k == LETTER || k == DIGIT;
    }

    private static boolean isWordChar(byte kind) {
        return kind == LETTER || kind == DIGIT || kind == MARK;
    }

    /**
     * Reads the word at {@code i} if it is a run of ASCII letters and digits that nothing joins on
     * to (no apostrophe, joiner, mark or non-ASCII char follows it), as most words are, and returns
     * the index after it; else returns -1 and adds nothing, for {@link #readWord}. The same token
     * as {@link #readWord}, in one pass that copies, folds case and packs the term as it scans.
     */
    private static int readAsciiWord(char[] text, int n, int i, TokenBuffer tokens, int flags) {
        char[] out = tokens.reserveTermChars(n - i);
        int length = tokens.charLength;
        int letters = 0;
        int upper = 0;
        long key1 = 0;
        long key2 = 0;
        int k = i;
        while (k < n) {
            char c = text[k];
            if (c >= 128) {
                return -1;
            }
            byte kind = ASCII[c];
            if (kind == LETTER) {
                letters++;
                if (c <= 'Z') {
                    upper++;
                    c += 32;
                }
            } else if (kind != DIGIT) {
                if ((kind == JOINER || kind == QUOTE) && k + 1 < n && isWordStart(text, n, k + 1)) {
                    return -1;
                }
                break;
            }
            out[length++] = c;
            key2 = key2 << 8 | key1 >>> 56;
            key1 = key1 << 8 | c;
            k++;
        }
        if (k == i) {
            return -1;
        }
        // The chars written past charLength count only now: a word given up above leaves them unused.
        char first = text[i];
        int tokenFlags = TokenBuffer.WORD | flags | (first <= '9' ? TokenBuffer.NUMBER
                : first <= 'Z' ? TokenBuffer.CAPITALISED : TokenBuffer.LOWER_START);
        if (letters >= 2 && upper == letters) {
            tokenFlags |= TokenBuffer.ALL_CAPS;
        }
        int t = tokens.beginToken(i, tokenFlags);
        tokens.charLength = length;
        if (k - i <= TokenBuffer.PACKED_CHARS) {
            tokens.setLastKey(key1, key2);
        }
        tokens.endToken(t, k);
        return k;
    }

    /** Reads one word starting at {@code i}; returns the index after it. */
    private static int readWord(char[] text, int n, int i, TokenBuffer tokens, int flags) {
        int t = tokens.beginToken(i, TokenBuffer.WORD | flags);
        int letters = 0;
        int upper = 0;
        int tokenFlags = TokenBuffer.WORD | flags;
        boolean firstChar = true;
        int end = i;
        while (i < n) {
            char c = text[i];
            if (c < 128 && !firstChar) {
                // Fast path for the run of ASCII letters and digits that makes up most of a word,
                // written straight into the term buffer with the length held in a local.
                char[] out = tokens.reserveTermChars(n - i);
                int length = tokens.charLength;
                int runStart = i;
                while (i < n) {
                    c = text[i];
                    if (c >= 128) {
                        break;
                    }
                    byte k = ASCII[c];
                    if (k == LETTER) {
                        letters++;
                        if (c <= 'Z') {
                            upper++;
                            c += 32;
                        }
                    } else if (k != DIGIT) {
                        break;
                    }
                    out[length++] = c;
                    i++;
                }
                tokens.charLength = length;
                if (i > runStart) {
                    end = i;
                    continue;
                }
            }
            int cp = c;
            int width = 1;
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text[i + 1])) {
                cp = Character.toCodePoint(c, text[i + 1]);
                width = 2;
            }
            byte kind = classify(cp);
            if (kind == LETTER || kind == DIGIT) {
                if (firstChar) {
                    if (kind == DIGIT) {
                        tokenFlags |= TokenBuffer.NUMBER;
                    } else if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
                        tokenFlags |= TokenBuffer.CAPITALISED;
                    } else if (Character.isLowerCase(cp)) {
                        tokenFlags |= TokenBuffer.LOWER_START;
                    }
                    firstChar = false;
                }
                if (kind == LETTER) {
                    letters++;
                    if (Character.isUpperCase(cp)) {
                        upper++;
                    }
                }
                appendNormalised(cp, c, tokens);
                i += width;
                end = i;
            } else if (kind == MARK) {
                i += width;
                end = i;
            } else if (kind == IGNORABLE) {
                tokenFlags |= TokenBuffer.HAS_IGNORABLE;
                i += width;
            } else if ((kind == JOINER || kind == QUOTE && isApostrophe(c)) && i + 1 < n
                    && end == i && isWordStart(text, n, i + 1)) {
                tokens.appendTermChar(kind == QUOTE ? '\'' : c);
                i += 1;
            } else {
                break;
            }
        }
        if (letters >= 2 && upper == letters) {
            tokenFlags |= TokenBuffer.ALL_CAPS;
        }
        tokens.flags[t] = tokenFlags;
        tokens.endToken(t, end);
        if (tokens.termLength(t) == 0) {
            // Only combining marks: nothing to match.
            tokens.dropLast();
        }
        return end;
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u02BC' || c == '\uFF07';
    }

    private static void appendNormalised(int cp, char c, TokenBuffer tokens) {
        if (cp < 128) {
            tokens.appendTermChar(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
            return;
        }
        if (cp <= 0xFFFF) {
            char[] in = {c};
            char[] out = new char[8];
            int len = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, 1);
            if (len == 1 && out[0] == c) {
                appendLower(cp, tokens);
            } else {
                for (int k = 0; k < len; k++) {
                    char o = out[k];
                    tokens.appendTermChar(o >= 'A' && o <= 'Z' ? (char) (o + 32) : o);
                }
            }
            return;
        }
        appendLower(cp, tokens);
    }

    private static void appendLower(int cp, TokenBuffer tokens) {
        int lower = Character.toLowerCase(cp);
        if (lower <= 0xFFFF) {
            tokens.appendTermChar((char) lower);
        } else {
            tokens.appendTermChar(Character.highSurrogate(lower));
            tokens.appendTermChar(Character.lowSurrogate(lower));
        }
    }

    /** Small enough for the JIT to inline on every char: only non-ASCII chars take the call. */
    private static byte classify(int cp) {
        return cp < 128 ? ASCII[cp] : classifyNonAscii(cp);
    }

    private static byte classifyNonAscii(int cp) {
        switch (cp) {
            case 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x034F, 0x180E:
                return IGNORABLE;
            case 0x2018, 0x2019, 0x201A, 0x201B, 0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB, 0x2039, 0x203A,
                    0x02BC, 0xFF07, 0xFF02, 0x00B4:
                return QUOTE;
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE63, 0xFF0D:
                return HYPHEN;
            case 0x0085, 0x2028, 0x2029:
                return NEWLINE;
            case 0xFF06, 0xFF0B, 0xFF0F, 0xFF0E:
                return JOINER;
            default:
                break;
        }
        int type = Character.getType(cp);
        switch (type) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.LETTER_NUMBER:
                return LETTER;
            case Character.DECIMAL_DIGIT_NUMBER, Character.OTHER_NUMBER:
                return DIGIT;
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK:
                return MARK;
            case Character.SPACE_SEPARATOR:
                return SPACE;
            case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR:
                return NEWLINE;
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED:
                return SKIP;
            default:
                return cp <= 0xFFFF ? OTHER : SKIP;
        }
    }
}
