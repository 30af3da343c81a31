package org.fairnote.models;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import org.fairnote.text.TokenBuffer;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Feature extraction for one clause, as 64-bit hashes, so inference allocates no strings. Training
 * names each feature by its hash in hex; the loaded model maps hashes back to weights.
 *
 * <p>Every token's term is hashed once per text ({@link Extractor#text}); a feature is a mix of a
 * feature kind and one to three token hashes, so no feature string is ever built.
 *
 * <p>Always present (v{@value #VERSION}): bias; clause unigrams ({@code w}); bigrams with
 * clause-edge markers ({@code b}); the separator before the clause ({@code c}); a clause length
 * bucket ({@code l}); capitalised words other than the first ({@code k}); words inside short
 * quotes ({@code q}, scare quotes). Numbers are one term. The optional parts are named in a
 * {@link Spec} (stored with the model): see {@link Spec#parse}.
 */
final class Features {

    static final int VERSION = 2;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final int PREFIX = 5;
    private static final long NUMBER = fmix(FNV_OFFSET ^ '#');
    private static final long EDGE_START = fmix(FNV_OFFSET ^ '^');
    private static final long EDGE_END = fmix(FNV_OFFSET ^ '$');

    /** Words that open a negation scope running to the end of the clause. */
    static final String[] NEGATION_CUES = {
        "no", "not", "never", "without", "nor", "neither", "none", "nothing", "cannot", "can't", "don't",
        "doesn't", "didn't", "won't", "isn't", "wasn't", "aren't", "weren't", "shouldn't", "mustn't", "wouldn't",
        "couldn't", "hasn't", "haven't", "hadn't", "denies", "denied", "deny"};

    private static final long[] NEGATION_HASHES = new long[NEGATION_CUES.length];

    static {
        for (int i = 0; i < NEGATION_CUES.length; i++) {
            NEGATION_HASHES[i] = termHash(NEGATION_CUES[i]);
        }
        Arrays.sort(NEGATION_HASHES);
    }

    /**
     * The optional feature groups of a model.
     *
     * @param prefix     5-letter prefixes of longer words ({@code p}), a crude stem
     * @param stem       Snowball (Porter2) stems ({@code S})
     * @param negation   0: none; 1: words after a negation cue in the clause also give a negated
     *                   unigram ({@code n}); 2: they give only the negated unigram
     * @param trigrams   word trigrams ({@code t})
     * @param position   the clause's position in its sentence ({@code P}: only, first, middle, last)
     * @param neighbours the words of the clauses before and after ({@code L}, {@code R})
     * @param chars      character 4-grams of words of 5 letters or more ({@code g}), for typos
     * @param sentence   the bag of words of the whole sentence ({@code s})
     * @param previous   the bag of words of the previous sentence ({@code v})
     * @param heading    the words of a line label before a colon that opens the sentence's line
     *                   ({@code h}), carried to the following sentences until the next label
     * @param quoteContext for a short quote, the words just before and after it ({@code y}, {@code z}):
     *                   "her 'pain'" (scare quotes) against "said 'I am fine'" (reported speech)
     * @param sentenceBigrams the bigrams of the whole sentence ({@code s2})
     */
    record Spec(boolean prefix, boolean stem, int negation, boolean trigrams, boolean position, boolean neighbours,
            boolean chars, boolean sentence, boolean previous, boolean heading, boolean quoteContext,
            boolean sentenceBigrams) {

        /** The feature set of version 1 models: prefixes and the sentence bag of words. */
        static final Spec V1 = parse("p5,sent");

        /**
         * Parses a comma-separated spec of {@code p5 stem neg negr tri pos nb chr sent prev head qx sb}.
         */
        static Spec parse(String spec) {
            java.util.Set<String> parts = new LinkedHashSet<>();
            for (String p : spec.split(",")) {
                String s = p.strip().toLowerCase(Locale.ROOT);
                if (!s.isEmpty()) {
                    parts.add(s);
                }
            }
            boolean prefix = parts.remove("p5");
            boolean stem = parts.remove("stem");
            int negation = parts.remove("negr") ? 2 : parts.remove("neg") ? 1 : 0;
            parts.remove("neg");
            boolean tri = parts.remove("tri");
            boolean pos = parts.remove("pos");
            boolean nb = parts.remove("nb");
            boolean chr = parts.remove("chr");
            boolean sent = parts.remove("sent");
            boolean prev = parts.remove("prev");
            boolean head = parts.remove("head");
            boolean qx = parts.remove("qx");
            boolean sb = parts.remove("sb");
            if (!parts.isEmpty()) {
                throw new IllegalArgumentException("unknown feature groups " + parts + " in '" + spec + "'");
            }
            return new Spec(prefix, stem, negation, tri, pos, nb, chr, sent, prev, head, qx, sb);
        }

        /** The canonical spec ({@link #parse} reads it back). */
        String spec() {
            StringBuilder sb = new StringBuilder("w,b");
            if (prefix) {
                sb.append(",p5");
            }
            if (stem) {
                sb.append(",stem");
            }
            if (negation == 1) {
                sb.append(",neg");
            } else if (negation == 2) {
                sb.append(",negr");
            }
            if (trigrams) {
                sb.append(",tri");
            }
            if (position) {
                sb.append(",pos");
            }
            if (neighbours) {
                sb.append(",nb");
            }
            if (chars) {
                sb.append(",chr");
            }
            if (sentence) {
                sb.append(",sent");
            }
            if (previous) {
                sb.append(",prev");
            }
            if (heading) {
                sb.append(",head");
            }
            if (quoteContext) {
                sb.append(",qx");
            }
            if (sentenceBigrams) {
                sb.append(",sb");
            }
            return sb.toString();
        }

        static Spec of(String spec) {
            String s = spec.strip();
            if (s.startsWith("w,b")) {
                s = s.substring(3);
            }
            return parse(s);
        }
    }

    /** A growable list of feature hashes, reused within one call. */
    static final class Buf {
        long[] a = new long[128];
        int n;

        void add(long h) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = h;
        }

        /** Makes room for {@code more} features, so a caller may write them to {@link #a} directly. */
        void ensure(int more) {
            if (n + more > a.length) {
                a = Arrays.copyOf(a, Math.max(a.length * 2, n + more));
            }
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

    static long fmix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** The seed of a feature kind. */
    static long kind(char k) {
        return fmix((k + 1) * GOLDEN);
    }

    /** A feature of one kind and one value. */
    static long f(long kind, long a) {
        return fmix(kind ^ a);
    }

    /** A feature of one kind and two values, in order. */
    static long f(long kind, long a, long b) {
        return fmix((kind ^ a) * GOLDEN + b);
    }

    /** A feature of one kind and three values, in order. */
    static long f(long kind, long a, long b, long c) {
        return fmix(((kind ^ a) * GOLDEN + b) * GOLDEN + c);
    }

    /** A term's hash: four chars (16 bits each) per multiply, then a final mix. */
    static long termHash(char[] c, int off, int len) {
        long h = FNV_OFFSET + len;
        int i = off;
        int end = off + len;
        for (; i + 4 <= end; i += 4) {
            long v = c[i] | (long) c[i + 1] << 16 | (long) c[i + 2] << 32 | (long) c[i + 3] << 48;
            h = Long.rotateLeft((h ^ v) * GOLDEN, 31);
        }
        long v = 0;
        for (int shift = 0; i < end; i++, shift += 16) {
            v |= (long) c[i] << shift;
        }
        return fmix((h ^ v) * GOLDEN);
    }

    static long termHash(String s) {
        return termHash(s.toCharArray(), 0, s.length());
    }

    static boolean isQuote(TokenBuffer t, int i) {
        if (!t.has(i, TokenBuffer.PUNCT)) {
            return false;
        }
        char c = t.termChars()[t.termOffset(i)];
        return c == '"' || c == '\'' || c == '\u2018' || c == '\u2019' || c == '\u201c' || c == '\u201d';
    }

    private static final long NEGATED_SALT = 0x6a09e667f3bcc909L;
    private static final long K_BIAS = kind('B');
    private static final long K_WORD = kind('w');
    private static final long K_NEG = kind('n');
    private static final long K_PREFIX = kind('p');
    private static final long K_STEM = kind('S');
    private static final long K_BIGRAM = kind('b');
    private static final long K_TRIGRAM = kind('t');
    private static final long K_SEP = kind('c');
    private static final long K_LEN = kind('l');
    private static final long K_CAPS = kind('k');
    private static final long K_QUOTE = kind('Q');
    private static final long K_QUOTED = kind('q');
    private static final long K_POS = kind('P');
    private static final long K_LEFT = kind('L');
    private static final long K_RIGHT = kind('R');
    private static final long K_CHARS = kind('g');
    private static final long K_SENT = kind('s');
    private static final long K_PREV = kind('v');
    private static final long K_HEAD = kind('h');
    private static final long K_QUOTE_BEFORE = kind('y');
    private static final long K_QUOTE_AFTER = kind('z');
    private static final long K_SENT_BIGRAM = kind('2');
    private static final long K_LEX = kind('x');
    private static final long K_LEX_SENT = kind('X');

    /** Token kinds in {@link Extractor#kinds}. */
    private static final int USABLE = 1;
    private static final int WORD = 2;
    private static final int QUOTE = 4;
    private static final int NEG_CUE = 8;
    private static final int CAPS = 16;
    private static final int NUM = 32;
    /** A token that separates clauses ({@link Clauses}). */
    private static final int SEPARATOR = 64;
    /** A word that starts a new clause unless it opens the sentence ({@link Clauses#SPLIT_WORDS}). */
    private static final int SPLIT_WORD = 128;

    private static final long[] SPLIT_HASHES = new long[Clauses.SPLIT_WORDS.length];

    static {
        for (int i = 0; i < Clauses.SPLIT_WORDS.length; i++) {
            SPLIT_HASHES[i] = termHash(Clauses.SPLIT_WORDS[i]);
        }
        Arrays.sort(SPLIT_HASHES);
    }

    /**
     * Extracts features; holds per-text buffers and a stem cache, so it is used by one thread at a
     * time and reused across calls.
     */
    static final class Extractor {
        final Spec set;
        private TokenBuffer t;
        private long[] term = new long[512];
        private long[] unigram = new long[512];
        private long[] stem = new long[512];
        private long[] prefix = new long[512];
        private int[] kinds = new int[512];
        private final long[] heads = new long[8];
        private int headCount;
        /**
         * What is known of a word, by term hash, direct-mapped: per slot the term hash, its stem
         * feature, its prefix feature and its kinds ({@link #NEG_CUE}, {@link #SPLIT_WORD}).
         */
        private static final int CACHE = 1 << 14;
        private final long[] cache = new long[CACHE * 4];
        private final EnglishStemmer stemmer;
        private char[] stemChars = new char[64];

        Extractor(Spec set) {
            this.set = set;
            this.stemmer = set.stem() ? new EnglishStemmer() : null;
        }

        /** Hashes every token of the text once. */
        void text(TokenBuffer tokens) {
            this.t = tokens;
            int n = tokens.size();
            if (term.length < n) {
                int cap = Math.max(n, term.length * 2);
                term = new long[cap];
                unigram = new long[cap];
                stem = new long[cap];
                prefix = new long[cap];
                kinds = new int[cap];
            }
            char[] c = tokens.termChars();
            long[] cache = this.cache;
            headCount = 0;
            for (int i = 0; i < n; i++) {
                int fl = tokens.flags(i);
                int off = tokens.termOffset(i);
                int k;
                if ((fl & TokenBuffer.WORD) != 0) {
                    k = USABLE | WORD;
                    int len = tokens.termLength(i);
                    long h;
                    if ((fl & TokenBuffer.NUMBER) != 0) {
                        h = NUMBER;
                        k |= NUM;
                    } else {
                        h = termHash(c, off, len);
                        int slot = ((int) (h >>> 40) & (CACHE - 1)) << 2;
                        if (cache[slot] != h) {
                            learn(h, c, off, len, slot);
                        }
                        stem[i] = cache[slot + 1];
                        prefix[i] = cache[slot + 2];
                        k |= (int) cache[slot + 3];
                        if ((fl & TokenBuffer.EXPANDED) != 0) {
                            k &= ~SPLIT_WORD;
                        }
                    }
                    if ((fl & TokenBuffer.CAPITALISED) != 0) {
                        k |= CAPS;
                    }
                    term[i] = h;
                    unigram[i] = f(K_WORD, h);
                } else {
                    char ch = c[off];
                    k = 0;
                    if ((fl & TokenBuffer.PUNCT) != 0) {
                        if (ch == '"' || ch == '\'' || ch == '\u2018' || ch == '\u2019' || ch == '\u201c'
                                || ch == '\u201d') {
                            k = USABLE | QUOTE;
                        }
                        if (ch == '-' ? (fl & TokenBuffer.SPACE_BEFORE) != 0 && (fl & TokenBuffer.HYPHEN_BEFORE) == 0
                                : Clauses.SPLIT_PUNCT.indexOf(ch) >= 0) {
                            k |= SEPARATOR;
                        }
                    }
                    term[i] = termHash(c, off, 1);
                }
                kinds[i] = k;
            }
        }

        /** Fills the cache slot of a word: stem, prefix and kinds. */
        private void learn(long h, char[] c, int off, int len, int slot) {
            long k = 0;
            if (len >= 2 && len <= 8) {
                if (set.negation() != 0 && Arrays.binarySearch(NEGATION_HASHES, h) >= 0) {
                    k |= NEG_CUE;
                }
                if (Arrays.binarySearch(SPLIT_HASHES, h) >= 0) {
                    k |= SPLIT_WORD;
                }
            }
            long st = 0;
            if (stemmer != null) {
                if (stemChars.length < len + 8) {
                    stemChars = new char[len + 16];
                }
                System.arraycopy(c, off, stemChars, 0, len);
                stemmer.setCurrent(stemChars, len);
                stemmer.stem();
                st = f(K_STEM, termHash(stemmer.getCurrentBuffer(), 0, stemmer.getCurrentBufferLength()));
            }
            cache[slot] = h;
            cache[slot + 1] = st;
            cache[slot + 2] = set.prefix() && len > PREFIX + 1 ? f(K_PREFIX, termHash(c, off, PREFIX)) : 0;
            cache[slot + 3] = k;
        }

        /**
         * Splits the sentence tokens [from, to) into clauses as {@link Clauses#split} does, from the
         * token kinds found by {@link #text}; {@code out} must hold 3 * (to - from) ints.
         */
        int clauses(int from, int to, int[] out) {
            int[] kinds = this.kinds;
            int n = 0;
            int start = from;
            int sep = -1;
            boolean word = false;
            for (int i = from; i < to; i++) {
                int k = kinds[i];
                if ((k & SEPARATOR) != 0 || (k & SPLIT_WORD) != 0 && i != from) {
                    if (word) {
                        out[n * 3] = start;
                        out[n * 3 + 1] = i;
                        out[n * 3 + 2] = sep;
                        n++;
                    }
                    start = i + 1;
                    sep = i;
                    word = false;
                } else if ((k & WORD) != 0) {
                    word = true;
                }
            }
            if (word) {
                out[n * 3] = start;
                out[n * 3 + 1] = to;
                out[n * 3 + 2] = sep;
                n++;
            }
            return n;
        }

        /**
         * Features shared by every clause of the sentence tokens [from, to); {@code prevFrom} is the
         * first token of the previous sentence (or -1). Sentences must come in text order.
         */
        void sentence(int from, int to, int prevFrom, int[] lexHits, int lexCount, Buf out) {
            if (set.heading()) {
                heading(from, to);
                for (int h = 0; h < headCount; h++) {
                    out.add(heads[h]);
                }
            }
            if (set.sentence()) {
                for (int i = from; i < to; i++) {
                    if ((kinds[i] & WORD) != 0) {
                        out.add(f(K_SENT, term[i]));
                    }
                }
            }
            if (set.sentenceBigrams()) {
                long prev = EDGE_START;
                for (int i = from; i < to; i++) {
                    if ((kinds[i] & WORD) != 0) {
                        out.add(f(K_SENT_BIGRAM, prev, term[i]));
                        prev = term[i];
                    }
                }
            }
            if (set.previous() && prevFrom >= 0) {
                for (int i = prevFrom; i < from; i++) {
                    if ((kinds[i] & WORD) != 0) {
                        out.add(f(K_PREV, term[i]));
                    }
                }
            }
            if (lexHits != null) {
                int cs = t.start(from);
                int ce = t.end(to - 1);
                for (int h = 0; h < lexCount; h++) {
                    if (lexHits[h * 3] < ce && cs < lexHits[h * 3 + 1]) {
                        out.add(f(K_LEX_SENT, lexHits[h * 3 + 2]));
                    }
                }
            }
        }

        /** Updates the current line label: up to 4 words then a colon, at the start of a line. */
        private void heading(int from, int to) {
            if (from > 0 && !t.has(from, TokenBuffer.NEWLINE_BEFORE)) {
                return;
            }
            int limit = Math.min(to, from + 5);
            for (int i = from; i < limit; i++) {
                if (t.isPunct(i, ':')) {
                    if (i == from) {
                        return;
                    }
                    headCount = 0;
                    for (int k = from; k < i && headCount < heads.length; k++) {
                        if ((kinds[k] & WORD) != 0 && (kinds[k] & NUM) == 0) {
                            heads[headCount++] = f(K_HEAD, term[k]);
                        }
                    }
                    return;
                }
                if ((kinds[i] & WORD) == 0) {
                    return;
                }
            }
            if (t.has(from, TokenBuffer.BLANK_LINE_BEFORE)) {
                headCount = 0;
            }
        }

        /**
         * Features of clause {@code index} of {@code count} in a sentence: tokens [from, to), its
         * separator token {@code sep} (-1: none), and the clauses before ([lf, lt)) and after
         * ([rf, rt)), empty when lf == lt.
         */
        void clause(int from, int to, int sep, int index, int count, int lf, int lt, int rf, int rt,
                int[] lexHits, int lexCount, Buf out) {
            clause(from, to, sep, index, count, lf, lt, rf, rt, lexHits, lexCount, out, null);
        }

        /**
         * Like {@link #clause(int, int, int, int, int, int, int, int, int, int[], int, Buf)}, but when
         * {@code units} is not null a word's term features (unigram or negated unigram, prefix,
         * stem), which depend only on its term and on whether it is negated, are not written to
         * {@code out}: {@code units} gets the word as {@link #unit} codes instead, so that the model
         * can score them from a cache of per-term weight sums.
         */
        void clause(int from, int to, int sep, int index, int count, int lf, int lt, int rf, int rt,
                int[] lexHits, int lexCount, Buf out, Buf units) {
            if (units != null) {
                units.ensure(to - from);
            }
            // the common features go straight into the buffer's array; room for 8 per token
            out.ensure(8 * (to - from) + 8);
            long[] a = out.a;
            int n = out.n;
            a[n++] = K_BIAS;
            long prev = EDGE_START;
            long prev2 = EDGE_START;
            int words = 0;
            boolean negated = false;
            int negation = set.negation();
            boolean trigrams = set.trigrams();
            int[] kinds = this.kinds;
            long[] term = this.term;
            for (int i = from; i < to; i++) {
                int k = kinds[i];
                if ((k & USABLE) == 0) {
                    continue;
                }
                long h = term[i];
                if ((k & WORD) != 0) {
                    words++;
                    if (units != null) {
                        units.a[units.n++] = negated ? ~(long) i : i;
                    } else {
                        n = termFeatures(i, negated, a, n);
                    }
                    if ((k & NEG_CUE) != 0) {
                        negated = true;
                    }
                    if ((k & NUM) == 0) {
                        if (set.chars()) {
                            out.n = n;
                            charGrams(i, out);
                            out.ensure(8 * (to - i) + 8);
                            a = out.a;
                            n = out.n;
                        }
                    }
                    if (i > from && (k & CAPS) != 0) {
                        a[n++] = K_CAPS;
                    }
                }
                a[n++] = f(K_BIGRAM, prev, h);
                if (trigrams && prev != EDGE_START) {
                    a[n++] = f(K_TRIGRAM, prev2, prev, h);
                }
                prev2 = prev;
                prev = h;
                if ((k & QUOTE) != 0 && i + 1 < to) {
                    // a short quote: up to three words, then the closing quote
                    int j = i + 1;
                    while (j < to && j <= i + 3 && (kinds[j] & WORD) != 0) {
                        j++;
                    }
                    if (j > i + 1 && j < to && (kinds[j] & QUOTE) != 0) {
                        out.n = n;
                        out.add(K_QUOTE);
                        for (int q = i + 1; q < j; q++) {
                            out.add(f(K_QUOTED, term[q]));
                        }
                        if (set.quoteContext()) {
                            out.add(f(K_QUOTE_BEFORE, i > from && (kinds[i - 1] & WORD) != 0 ? term[i - 1] : EDGE_START));
                            out.add(f(K_QUOTE_AFTER, j + 1 < to && (kinds[j + 1] & WORD) != 0 ? term[j + 1] : EDGE_END));
                        }
                        out.ensure(8 * (to - i) + 8);
                        a = out.a;
                        n = out.n;
                    }
                }
            }
            out.n = n;
            out.add(f(K_BIGRAM, prev, EDGE_END));
            if (set.trigrams() && prev != EDGE_START) {
                out.add(f(K_TRIGRAM, prev2, prev, EDGE_END));
            }
            out.add(sep < 0 ? f(K_SEP, EDGE_START) : f(K_SEP, term[sep]));
            out.add(f(K_LEN, bucket(words)));
            if (set.position()) {
                out.add(f(K_POS, count == 1 ? 0 : index == 0 ? 1 : index == count - 1 ? 3 : 2));
            }
            if (set.neighbours()) {
                for (int i = lf; i < lt; i++) {
                    if ((kinds[i] & WORD) != 0) {
                        out.add(f(K_LEFT, term[i]));
                    }
                }
                for (int i = rf; i < rt; i++) {
                    if ((kinds[i] & WORD) != 0) {
                        out.add(f(K_RIGHT, term[i]));
                    }
                }
            }
            if (lexHits != null) {
                int cs = t.start(from);
                int ce = t.end(to - 1);
                for (int h = 0; h < lexCount; h++) {
                    if (lexHits[h * 3] < ce && cs < lexHits[h * 3 + 1]) {
                        out.add(f(K_LEX, lexHits[h * 3 + 2]));
                    }
                }
            }
        }

        /**
         * Writes the term features of word {@code i} (unigram or negated unigram, prefix, stem) to
         * {@code a} from {@code n}; returns the new count. They depend only on the term and on
         * {@code negated}: {@link #unitKey} names that pair.
         */
        int termFeatures(int i, boolean negated, long[] a, int n) {
            if (negated) {
                if (set.negation() == 1) {
                    a[n++] = unigram[i];
                }
                a[n++] = f(K_NEG, term[i]);
            } else {
                a[n++] = unigram[i];
            }
            if ((kinds[i] & NUM) == 0) {
                if (prefix[i] != 0) {
                    a[n++] = prefix[i];
                }
                if (stem[i] != 0) {
                    a[n++] = stem[i];
                }
            }
            return n;
        }

        /** The cache key of a word's term features: its term hash, salted when negated. */
        long unitKey(int i, boolean negated) {
            return negated ? fmix(term[i] ^ NEGATED_SALT) : term[i];
        }

        private void charGrams(int i, Buf out) {
            int len = t.termLength(i);
            if (len < 5) {
                return;
            }
            char[] c = t.termChars();
            int off = t.termOffset(i);
            // with boundary markers: ^abc, abcd ..., bcd$
            long h = (((FNV_OFFSET ^ '^') * FNV_PRIME ^ c[off]) * FNV_PRIME ^ c[off + 1]) * FNV_PRIME ^ c[off + 2];
            out.add(f(K_CHARS, fmix(h * FNV_PRIME)));
            for (int s = 0; s + 4 <= len; s++) {
                long g = FNV_OFFSET;
                for (int k = 0; k < 4; k++) {
                    g = (g ^ c[off + s + k]) * FNV_PRIME;
                }
                out.add(f(K_CHARS, fmix(g)));
            }
            long e = FNV_OFFSET;
            for (int k = len - 3; k < len; k++) {
                e = (e ^ c[off + k]) * FNV_PRIME;
            }
            out.add(f(K_CHARS, fmix((e ^ '$') * FNV_PRIME)));
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
