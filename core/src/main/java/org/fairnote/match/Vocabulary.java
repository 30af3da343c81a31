package org.fairnote.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fairnote.text.TermResolver;
import org.fairnote.text.TokenBuffer;
import org.fairnote.text.WordForms;

/**
 * The words the compiled patterns mention, and how note tokens map to them. Built once from every
 * pattern; immutable and thread-safe.
 *
 * <p>Each pattern word gets a term id shared by its spelling variants; each inflected pattern word
 * ({@code word~}) gets a stem id shared by its variants' Snowball stems; each case-sensitive item
 * gets a case id. A note token is resolved with one dictionary lookup of its normalised term, which
 * also covers pre-computed inflections, contractions and joined compounds; only unknown words whose
 * first letters could start a known stem are stemmed at run time.
 */
public final class Vocabulary implements TermResolver {

    private static final int MIN_COMPOUND_PART = 3;

    private final CharDictionary surfaces;
    private final int[] surfaceTermId;
    private final int[] surfaceStemId;
    /** For a surface that expands into several tokens: the terms of its parts, else null. */
    private final String[][] expansionTerms;
    /** For each part of an expanding surface: its term id, stem id and word class, in one array per surface. */
    private final int[][] expansionIds;
    /**
     * Word classes ({@link TokenBuffer#wordClass}): a number for each (term id, stem id) pair a
     * token can get, 0 for neither id. Of a surface, by surface; -1 for one that expands.
     */
    private final int[] surfaceClass;
    /** The word class of a one-char surface as punctuation, which gets its term id only. */
    private final Map<Integer, Integer> punctClass;
    private final int wordClassCount;
    /** The word class of an unknown word that stems to a pattern stem, by stem id. */
    private final int[] stemOnlyClass;
    /** The word class of each ASCII punctuation char (0: none). */
    private final int[] asciiPunctClass = new int[128];
    private final Map<String, Integer> stemIds;
    /** {@link #stemIds} for look-ups by a stem's chars, with no string made per word. */
    private final CharDictionary stemDictionary;
    private final CharDictionary exact;
    /**
     * The first two chars (each folded to 7 bits) of every case-sensitive surface, as a bit set: a
     * capitalised word whose first two chars are not in it ("The", "She") skips the lookup.
     */
    private final long[] exactStarts = new long[(1 << 14) / 64];
    /** The surface of each ASCII punctuation char (-1: none), so that punctuation skips the hash lookup. */
    private final int[] asciiSurface = new int[128];
    private final long[] stemPrefixes;
    /** Reads an unknown long word one slip from a pattern word as that word. */
    private final TypoCorrector typos;
    private final int termCount;
    private final int stemCount;

    private Vocabulary(Builder b) {
        this.termCount = b.termIds.size();
        this.stemCount = new LinkedHashSet<>(b.stemIds.values()).size();
        this.stemIds = Map.copyOf(b.stemIds);
        this.stemDictionary = new CharDictionary(stemIds);
        Map<String, List<String>> expansions = new HashMap<>();
        Set<String> all = new LinkedHashSet<>(b.termIds.keySet());
        all.addAll(b.inflections);
        for (Map.Entry<String, List<String>> c : WordForms.contractions().entrySet()) {
            if (!all.contains(c.getKey())) {
                expansions.put(c.getKey(), c.getValue());
            }
        }
        for (Map.Entry<String, List<String>> c : b.compounds.entrySet()) {
            if (!all.contains(c.getKey()) && !expansions.containsKey(c.getKey())) {
                expansions.put(c.getKey(), c.getValue());
            }
        }
        all.addAll(expansions.keySet());
        for (String p : b.punct) {
            all.add(p);
        }

        Map<String, Integer> index = new HashMap<>();
        int n = all.size();
        surfaceTermId = new int[n];
        surfaceStemId = new int[n];
        expansionTerms = new String[n][];
        expansionIds = new int[n][];
        surfaceClass = new int[n];
        Map<Long, Integer> classes = new HashMap<>();
        classes.put(pairKey(-1, -1), 0);
        Map<Integer, Integer> punctClasses = new HashMap<>();
        int i = 0;
        for (String s : all) {
            index.put(s, i);
            List<String> parts = expansions.get(s);
            if (parts != null) {
                expansionTerms[i] = parts.toArray(new String[0]);
                int[] ids = new int[3 * parts.size()];
                for (int k = 0; k < parts.size(); k++) {
                    String part = parts.get(k);
                    int termId = b.termIds.getOrDefault(part, -1);
                    int stemId = stemIdOf(b, part);
                    ids[3 * k] = termId;
                    ids[3 * k + 1] = stemId;
                    ids[3 * k + 2] = classOf(classes, termId, stemId);
                }
                expansionIds[i] = ids;
                surfaceTermId[i] = -1;
                surfaceStemId[i] = -1;
                surfaceClass[i] = -1;
            } else {
                surfaceTermId[i] = b.termIds.getOrDefault(s, -1);
                surfaceStemId[i] = stemIdOf(b, s);
                surfaceClass[i] = classOf(classes, surfaceTermId[i], surfaceStemId[i]);
            }
            if (s.length() == 1) {
                punctClasses.put(i, classOf(classes, surfaceTermId[i], -1));
            }
            i++;
        }
        int maxStem = -1;
        for (int id : stemIds.values()) {
            maxStem = Math.max(maxStem, id);
        }
        stemOnlyClass = new int[maxStem + 1];
        for (int id = 0; id <= maxStem; id++) {
            stemOnlyClass[id] = classOf(classes, -1, id);
        }
        this.punctClass = Map.copyOf(punctClasses);
        this.wordClassCount = classes.size();
        if (termCount >= Scratch.MAX_IDS || maxStem + 1 >= Scratch.MAX_IDS || classes.size() > Scratch.MAX_CLASSES) {
            throw new IllegalArgumentException("The lexicons are too large for the word memo: " + termCount
                    + " words, " + (maxStem + 1) + " stems and " + classes.size() + " word classes; at most "
                    + (Scratch.MAX_IDS - 1) + ", " + (Scratch.MAX_IDS - 1) + " and " + Scratch.MAX_CLASSES);
        }
        this.surfaces = new CharDictionary(index);
        this.exact = new CharDictionary(b.exactIds);
        for (String surface : b.exactIds.keySet()) {
            int pair = exactStart(surface.charAt(0), surface.length() > 1 ? surface.charAt(1) : 0);
            exactStarts[pair >>> 6] |= 1L << pair;
        }
        for (char c = 0; c < asciiSurface.length; c++) {
            asciiSurface[c] = surfaces.get(String.valueOf(c));
            asciiPunctClass[c] = asciiSurface[c] < 0 ? 0 : punctClass.get(asciiSurface[c]);
        }
        this.typos = new TypoCorrector(index, surfaces, surfaceTermId, surfaceStemId, expansionTerms);
        this.stemPrefixes = new long[1 << 10];
        for (String stem : b.stemIds.keySet()) {
            if (stem.length() >= 2) {
                setPrefix(stem, 0, Math.min(4, stem.length())); // two letters: "do", "be", "go"
            }
        }
    }

    /** The surface an unknown word resolves to as a typo, by the deletion index (as on the hot path), or null. */
    String typoByIndex(String word) {
        if (surfaces.get(word) >= 0 || stemIdOfWord(word) >= 0) {
            return null;
        }
        int found = typos.correct(word.toCharArray(), 0, word.length(), new char[TypoCorrector.MAX_WORD_LENGTH]);
        return found < 0 ? null : typos.text(found);
    }

    /**
     * The surface an unknown word resolves to as a typo, found by trying every typo-tolerant surface
     * (slow; the reference for tests), or null.
     */
    String typoByScan(String word) {
        if (surfaces.get(word) >= 0 || stemIdOfWord(word) >= 0) {
            return null;
        }
        int found = typos.correctByScan(word);
        return found < 0 ? null : typos.text(found);
    }

    private static long pairKey(int termId, int stemId) {
        return (long) termId << 32 | (stemId & 0xFFFFFFFFL);
    }

    /** The word class of a pair, numbered now if new. */
    private static int classOf(Map<Long, Integer> classes, int termId, int stemId) {
        return classes.computeIfAbsent(pairKey(termId, stemId), k -> classes.size());
    }

    /** Number of word classes ({@link TokenBuffer#wordClass}): each is below it. */
    public int wordClassCount() {
        return wordClassCount;
    }

    private int stemIdOf(Builder b, String term) {
        return stemIds.isEmpty() ? -1 : idOfStem(b.stem(term));
    }

    private int idOfStem(String stem) {
        Integer id = stemIds.get(stem);
        return id == null ? -1 : id;
    }

    /** Number of distinct pattern terms. */
    public int termCount() {
        return termCount;
    }

    /** Number of distinct stems. */
    public int stemCount() {
        return stemCount;
    }

    /** The term id of a normalised word, or -1. Used by the compiler and tests. */
    public int termId(String term) {
        int s = surfaces.get(term);
        return s < 0 ? -1 : surfaceTermId[s];
    }

    /** The stem id of a normalised word (by its Snowball stem), or -1. */
    public int stemIdOfWord(String term) {
        return stemIds.isEmpty() ? -1 : idOfStem(new Stemmer().stem(term));
    }

    /** The case-sensitive id of a surface, or -1. */
    public int exactId(String surface) {
        return exact.get(surface);
    }

    private void setPrefix(CharSequence s, int off, int len) {
        int h = prefixHash(s, off, len);
        stemPrefixes[(h >>> 6) & (stemPrefixes.length - 1)] |= 1L << (h & 63);
    }

    private boolean mayHaveStem(char[] buf, int off, int len) {
        if (len < 3) {
            return false;
        }
        int h2 = prefixHash(buf, off, 2);
        if ((stemPrefixes[(h2 >>> 6) & (stemPrefixes.length - 1)] & (1L << (h2 & 63))) != 0) {
            return true;
        }
        int h3 = prefixHash(buf, off, 3);
        if ((stemPrefixes[(h3 >>> 6) & (stemPrefixes.length - 1)] & (1L << (h3 & 63))) != 0) {
            return true;
        }
        if (len < 4) {
            return false;
        }
        int h4 = prefixHash(buf, off, 4);
        return (stemPrefixes[(h4 >>> 6) & (stemPrefixes.length - 1)] & (1L << (h4 & 63))) != 0;
    }

    private static int prefixHash(CharSequence s, int off, int len) {
        int h = len;
        for (int i = off; i < off + len; i++) {
            h = h * 0x9E3779B1 + s.charAt(i);
        }
        return h ^ (h >>> 15);
    }

    private static int prefixHash(char[] s, int off, int len) {
        int h = len;
        for (int i = off; i < off + len; i++) {
            h = h * 0x9E3779B1 + s[i];
        }
        return h ^ (h >>> 15);
    }

    /**
     * Per-thread state: a stemmer, created on first need, and a memo of how recent short words
     * resolved. Notes repeat a few hundred words; the memo answers them from one 64-byte set, where
     * the vocabulary's table and key chars (several MB) miss the cache on most probes.
     *
     * <p>A memorable word (at most 16 chars, each below 256) is its own key: its chars packed a
     * byte each into 128 bits ({@link TokenBuffer#pack}), which the tokenizer packs on the way
     * for plain ASCII words. Term chars are never 0, so the packing is unambiguous and 0 marks an
     * empty way. Each set of the memo holds two ways: the first for a word met again, the second
     * for a new one (see {@link #remember}).
     */
    static final class Scratch implements TermResolver.Scratch {
        static final int MEMO_WORD = TokenBuffer.PACKED_CHARS;
        /** Marks a memo value (never 0); {@link #EXPANDS} marks a word that expands into several tokens. */
        private static final long PRESENT = 1L << 63;
        private static final long EXPANDS = 1L << 62;
        private static final int SET_BITS = 11;
        /**
         * Longs per set: key, key, ids for each of two ways, padded to 64 bytes. The JVM aligns
         * arrays to 8 bytes only, so a set lies in one cache line or straddles two.
         */
        private static final int SET_LONGS = 8;
        Stemmer stemmer;
        final long[] memo = new long[SET_LONGS << SET_BITS];
        /** A word with one letter deleted, for the typo lookup. */
        final char[] typoBuffer = new char[TypoCorrector.MAX_WORD_LENGTH];

        /** The first long of the set for a word's key. */
        static int setOf(long key1, long key2) {
            long x = (key1 ^ key2 * 0xC2B2AE3D27D4EB4FL) * 0x9E3779B97F4A7C15L;
            return (int) (x >>> (64 - SET_BITS)) * SET_LONGS;
        }

        /** The word's memo value ({@link #ids} or {@link #expansion}), or 0 when the memo lacks it. */
        long find(int set, long key1, long key2) {
            long[] m = memo;
            if (m[set] == key1 && m[set + 1] == key2) {
                return m[set + 2];
            }
            if (m[set + 3] == key1 && m[set + 4] == key2) {
                return promote(set);
            }
            return 0;
        }

        /** A word found in the second way moves to the first, and the first's to the second. */
        private long promote(int set) {
            long[] m = memo;
            long key1 = m[set + 3];
            long key2 = m[set + 4];
            long ids = m[set + 5];
            m[set + 3] = m[set];
            m[set + 4] = m[set + 1];
            m[set + 5] = m[set + 2];
            m[set] = key1;
            m[set + 1] = key2;
            m[set + 2] = ids;
            return ids;
        }

        /**
         * A new word goes to the second way (the first while it is empty), and reaches the first when
         * it is met again: a stream of words met once (names, drugs, slips) then passes through the
         * second way and leaves the first way's word alone.
         */
        void remember(int set, long key1, long key2, long ids) {
            long[] m = memo;
            int way = m[set] == 0 ? set : set + 3;
            m[way] = key1;
            m[way + 1] = key2;
            m[way + 2] = ids;
        }

        /** Term and stem ids (plus one) below this fit in a memo value; the vocabulary checks when built. */
        static final int MAX_IDS = 1 << 20;
        /** Word classes fit in a memo value below this. */
        static final int MAX_CLASSES = 1 << 22;
        private static final int TERM_SHIFT = 42;
        private static final int STEM_SHIFT = 22;

        /**
         * A word's term and stem id (each -1 or more) and word class as one memo value: the ids
         * themselves, so that a memo hit reads nothing from the vocabulary's large per-surface arrays.
         */
        static long ids(int termId, int stemId, int wordClass) {
            return PRESENT | (long) (termId + 1) << TERM_SHIFT | (long) (stemId + 1) << STEM_SHIFT | wordClass;
        }

        /** The memo value of a word that expands into the parts of {@code surface}. */
        static long expansion(int surface) {
            return PRESENT | EXPANDS | surface;
        }

        static boolean expands(long value) {
            return (value & EXPANDS) != 0;
        }

        /** The term id of a value made by {@link #ids}, or the surface of one made by {@link #expansion}. */
        static int termIdOrSurface(long value) {
            return expands(value) ? (int) value : (int) (value >>> TERM_SHIFT & (MAX_IDS - 1)) - 1;
        }

        static int stemId(long value) {
            return (int) (value >>> STEM_SHIFT & (MAX_IDS - 1)) - 1;
        }

        static int wordClass(long value) {
            return (int) value & (MAX_CLASSES - 1);
        }

        Stemmer stemmer() {
            if (stemmer == null) {
                stemmer = new Stemmer();
            }
            return stemmer;
        }
    }

    @Override
    public TermResolver.Scratch newScratch() {
        return new Scratch();
    }

    @Override
    public void resolvePunct(TokenBuffer tokens, int i) {
        char c = tokens.termChars()[tokens.termOffset(i)];
        if (c < asciiSurface.length) {
            int s = asciiSurface[c];
            if (s >= 0) {
                tokens.setIds(i, surfaceTermId[s], -1, -1, asciiPunctClass[c]);
            }
            return;
        }
        int s = surfaces.get(tokens.termChars(), tokens.termOffset(i), 1);
        if (s >= 0) {
            tokens.setIds(i, surfaceTermId[s], -1, -1, punctClass.get(s));
        }
    }

    /** Kept small so that the JIT inlines it into the tokenizer: a memo hit takes no call. */
    @Override
    public void resolveLast(TokenBuffer tokens, CharSequence text, TermResolver.Scratch scratch) {
        int t = tokens.size() - 1;
        int caseId = (tokens.flags(t) & (TokenBuffer.CAPITALISED | TokenBuffer.ALL_CAPS)) != 0
                ? caseId(tokens, t, text) : -1;
        Scratch memo = (Scratch) scratch;
        long key1 = tokens.lastKey1();
        long key2 = tokens.lastKey2();
        long ids = key1 != 0 ? memo.find(Scratch.setOf(key1, key2), key1, key2) : 0;
        if (ids == 0) {
            ids = resolveUnmemoised(tokens, t, key1, key2, memo);
        }
        if (Scratch.expands(ids)) {
            expand(tokens, Scratch.termIdOrSurface(ids));
        } else {
            tokens.setIds(t, Scratch.termIdOrSurface(ids), Scratch.stemId(ids), caseId, Scratch.wordClass(ids));
        }
    }

    /** The case-sensitive id of a capitalised or all-caps word, or -1. */
    private int caseId(TokenBuffer tokens, int t, CharSequence text) {
        if (exact.size() == 0 || (tokens.flags(t) & TokenBuffer.HAS_IGNORABLE) != 0) {
            return -1;
        }
        int start = tokens.start(t);
        int pair = exactStart(text.charAt(start), tokens.end(t) - start > 1 ? text.charAt(start + 1) : 0);
        return (exactStarts[pair >>> 6] & (1L << pair)) != 0 ? exact.get(text, start, tokens.end(t)) : -1;
    }

    /**
     * The memo value ({@link Scratch#ids} or {@link Scratch#expansion}) of word {@code t}, which the memo does not
     * hold (or could not: {@code key1} is 0 when the tokenizer did not pack the word); remembered
     * when the word is memorable.
     */
    private long resolveUnmemoised(TokenBuffer tokens, int t, long key1, long key2, Scratch memo) {
        char[] buf = tokens.termChars();
        int off = tokens.termOffset(t);
        int len = tokens.termLength(t);
        int set = key1 != 0 ? Scratch.setOf(key1, key2) : -1; // resolveLast has looked there
        if (key1 == 0 && len <= Scratch.MEMO_WORD) {
            // Words the tokenizer did not pack on the way (non-ASCII, joined by '&', '.' or an apostrophe)
            key1 = TokenBuffer.pack(buf, off, off + len, false); // never 0 for a memorable word: 0 marks an empty way
            key2 = TokenBuffer.pack(buf, off, off + len, true);
            if (key1 != 0) {
                set = Scratch.setOf(key1, key2);
                long ids = memo.find(set, key1, key2);
                if (ids != 0) {
                    return ids;
                }
            }
        }
        int wordLength = len;
        int s = surfaces.get(buf, off, len);
        if (s < 0 && len > 2 && buf[off + len - 2] == '\'' && buf[off + len - 1] == 's') {
            wordLength = len - 2;
            s = surfaces.get(buf, off, wordLength);
        }
        int stemId = s < 0 ? unknownWordStem(buf, off, wordLength, memo) : -1;
        if (s < 0 && stemId < 0) {
            s = typos.correct(buf, off, wordLength, memo.typoBuffer);
        }
        long ids = s < 0 ? Scratch.ids(-1, stemId, stemId < 0 ? 0 : stemOnlyClass[stemId])
                : expansionTerms[s] != null ? Scratch.expansion(s)
                : Scratch.ids(surfaceTermId[s], surfaceStemId[s], surfaceClass[s]);
        if (set >= 0) {
            memo.remember(set, key1, key2, ids);
        }
        return ids;
    }

    /** Replaces the last token, whose surface {@code s} expands into several, by its parts. */
    private void expand(TokenBuffer tokens, int s) {
        String[] parts = expansionTerms[s];
        int[] ids = expansionIds[s];
        tokens.dropLast();
        int first = tokens.size();
        // The dropped token's slot still holds its offsets and flags: re-create from it.
        for (int k = 0; k < parts.length; k++) {
            tokens.appendExpansion(first, parts[k], ids[3 * k], ids[3 * k + 1], ids[3 * k + 2], k == 0);
        }
    }

    private static int exactStart(char first, char second) {
        return (first & 0x7F) << 7 | (second & 0x7F);
    }

    /** The stem id of a word the vocabulary does not list, found by stemming it; or -1. */
    private int unknownWordStem(char[] buf, int off, int len, Scratch scratch) {
        if (stemIds.isEmpty() || !mayHaveStem(buf, off, len)) {
            return -1;
        }
        Stemmer stemmer = scratch.stemmer();
        stemmer.stemInPlace(buf, off, len);
        return stemDictionary.get(stemmer.stemChars(), 0, stemmer.stemLength());
    }

    /** Collects pattern words; {@link #build()} makes the immutable vocabulary. */
    public static final class Builder {
        private final Map<String, Integer> termIds = new HashMap<>();
        private final Map<String, Integer> stemIds = new HashMap<>();
        private final Map<String, Integer> exactIds = new HashMap<>();
        private final Set<String> inflections = new LinkedHashSet<>();
        private final Set<String> punct = new LinkedHashSet<>();
        private final Map<String, List<String>> compounds = new HashMap<>();
        private final Map<String, Integer> canonicalTerm = new HashMap<>();
        private final Map<String, Integer> canonicalStem = new HashMap<>();
        private final Stemmer stemmer = new Stemmer();
        /** Build-time memos: lexicons repeat the same words and word pairs many times. */
        private final Map<String, List<String>> variantMemo = new HashMap<>();
        private final Map<String, String> stemMemo = new HashMap<>();
        private final Set<String> adjacentDone = new java.util.HashSet<>();
        private int nextTerm;
        private int nextStem;

        /** Registers a plain word; returns its term id. */
        public int word(String term) {
            Integer id = canonicalTerm.get(term);
            if (id != null) {
                return id;
            }
            int newId = termIds.getOrDefault(term, nextTerm);
            if (newId == nextTerm) {
                nextTerm++;
            }
            canonicalTerm.put(term, newId);
            for (String v : variants(term)) {
                termIds.putIfAbsent(v, newId);
            }
            return newId;
        }

        /** Registers an inflected word; returns its stem id. */
        public int inflected(String term) {
            Integer id = canonicalStem.get(term);
            if (id != null) {
                return id;
            }
            String stem = stem(term);
            int newId = stemIds.getOrDefault(stem, nextStem);
            if (newId == nextStem) {
                nextStem++;
            }
            canonicalStem.put(term, newId);
            for (String v : variants(term)) {
                stemIds.putIfAbsent(stem(v), newId);
                for (String form : Inflections.candidates(v)) {
                    if (stemIds.get(stem(form)) != null) {
                        inflections.add(form);
                    }
                }
            }
            return newId;
        }

        /** Registers a case-sensitive surface; returns its id. */
        public int exact(String surface) {
            return exactIds.computeIfAbsent(surface, k -> exactIds.size());
        }

        /** Registers a punctuation char; returns its term id. */
        public int punct(char c) {
            String s = String.valueOf(c);
            punct.add(s);
            return word(s);
        }

        /** Registers the joined forms of two adjacent pattern words ("attention" + "seek~"). */
        public void adjacent(Atom first, Atom second) {
            if (first.kind() != Atom.Kind.WORD && first.kind() != Atom.Kind.STEM
                    || second.kind() != Atom.Kind.WORD && second.kind() != Atom.Kind.STEM) {
                return;
            }
            if (first.text().length() < MIN_COMPOUND_PART || second.text().length() < MIN_COMPOUND_PART) {
                return;
            }
            if (!adjacentDone.add(first.kind() + ":" + first.text() + " " + second.kind() + ":" + second.text())) {
                return;
            }
            List<String> firstForms = variants(first.text());
            List<String> secondForms = new ArrayList<>(variants(second.text()));
            if (second.kind() == Atom.Kind.STEM) {
                String stem = stem(second.text());
                for (String form : Inflections.candidates(second.text())) {
                    if (stem(form).equals(stem)) {
                        secondForms.add(form);
                    }
                }
            }
            for (String a : firstForms) {
                for (String b : secondForms) {
                    compounds.putIfAbsent(a + b, List.of(a, b));
                }
            }
        }

        private List<String> variants(String term) {
            return variantMemo.computeIfAbsent(term, WordForms::spellingVariants);
        }

        private String stem(String term) {
            String s = stemMemo.get(term);
            if (s == null) {
                s = stemmer.stem(term);
                stemMemo.put(term, s);
            }
            return s;
        }

        public Vocabulary build() {
            return new Vocabulary(this);
        }
    }
}
