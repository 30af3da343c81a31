package org.fairnote.text;

import java.util.Arrays;

/**
 * Rule-based sentence splitting over tokens, tuned for clinical notes: a full stop after a known
 * abbreviation ("Pt.", "approx.", "e.g.", "Dr.") or an initial does not end a sentence; decimals
 * and times stay inside one token; a line break ends a sentence unless the next line continues it
 * in lower case, the line ends in a function word or title ("with", "the", "Dr"), or the line was
 * long and hard-wrapped; bullets, numbered items, blank lines and headings start new sentences.
 *
 * <p>Abbreviations come in classes. Titles ("Dr.", "Mr.", "Prof.", "St." before a name) and
 * prefixes ("e.g.", "vs.", "incl.") never end a sentence. Clause-end abbreviations ("a.m.", "etc.",
 * "mg.", "approx.", "wks.") end one when a common sentence starter follows ("She", "The", "Staff",
 * "Plan"); in lower-case notes, when a subject ("she", "no") or a telegraphic verb ("ate", "seen")
 * follows, the verb only if the abbreviation is not itself a subject ("pt. seen" holds). "No." holds
 * only before a number or "of" ("No. 5", "No. of calls"); as an answer ("No. She denies...") it
 * ends a sentence. A full stop followed by a lower-case word ends a sentence ("seen today. no
 * concerns.") unless it follows an abbreviation, a single letter or a number (after a number, only a
 * subject or verb starts one: "bmi 23. no concerns" ends, "pulse 96. temp" does not). A "?" or "!"
 * inside quotes followed by a lower-case word ('asked "why me?" and cried') does not end one.
 *
 * <p>Word lists are looked up by the term's chars in a small open-addressing table, with no
 * allocation. Stateless and thread-safe.
 *
 * <p>Chosen over OpenNLP's {@code SentenceDetectorME} by accuracy on a labelled set written here and
 * by speed; the comparison is in core/README.md.
 */
public final class SentenceSplitter {

    /** Followed by a full stop, does not (by default) end a sentence. */
    private static final int ABBR = 1;
    /** A title or prefix before a name ("Dr.", "Mr."): never ends a sentence before a word. */
    private static final int TITLE = 1 << 1;
    /** May end a sentence when a sentence starter follows ("a.m.", "etc.", "mg."). */
    private static final int CLAUSE_END = 1 << 2;
    /** "no": an abbreviation only before a number or "of". */
    private static final int NO_WORD = 1 << 3;
    /** "st": a street (clause end) after a capitalised word, else a title ("St. Ann's"). */
    private static final int STREET = 1 << 4;
    /** A capitalised word that commonly starts a sentence and is not a name ("She", "The", "Staff"). */
    private static final int STARTER = 1 << 5;
    /** A lower-case word that starts a sentence after a clause-end abbreviation or a number ("she", "no"). */
    private static final int SUBJECT = 1 << 6;
    /** A line ending in this word continues on the next line ("with", "the", "Dr"). */
    private static final int JOINS_LINE = 1 << 7;
    /**
     * A lower-case verb that opens a telegraphic sentence ("slept 5 hrs. ate well"); after a subject
     * abbreviation ("pt. seen") it continues the sentence instead. No auxiliaries: "at 10 a.m. was".
     */
    private static final int VERB = 1 << 8;

    private static final String[] TITLES = {
        "dr", "drs", "mr", "mrs", "ms", "mx", "prof", "st", "sgt", "insp", "det", "supt", "cpl", "nurs", "rev"};

    private static final String[] PREFIXES = {
        "e.g", "i.e", "eg", "ie", "vs", "cf", "incl", "esp", "ref", "tel", "nr", "fig", "vol", "pg", "nos", "viz"};

    private static final String[] CLAUSE_ENDS = {
        "pt", "pts", "approx", "etc", "inc", "ltd", "dob", "con", "cont", "resp", "temp", "max", "min", "dept",
        "al", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue",
        "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "hx", "dx", "rx", "tx", "sx", "fx", "obs",
        "pm", "am", "a.m", "p.m", "wk", "wks", "yr", "yrs", "mg", "mcg", "ml", "mins", "hr", "hrs", "mth",
        "mths", "appt", "rd", "ave", "poss", "prob", "prev", "hosp", "assoc", "req", "reqd", "pos", "neg", "sev",
        "abn", "freq", "avg", "diag", "amt", "qty", "govt", "morn"};

    /** Capitalised sentence starters that are not names: after "a.m." or "etc.", they start a sentence. */
    private static final String[] STARTERS = {
        "i", "he", "she", "they", "we", "it", "you", "his", "her", "their", "our", "my", "this", "that",
        "these", "those", "there", "here", "the", "a", "an", "all", "both", "no", "nil", "none", "some", "each",
        "every", "neither", "however", "also", "then", "later", "afterwards", "after", "before", "during", "on",
        "in", "at", "when", "while", "whilst", "although", "but", "and", "so", "as", "overall", "today",
        "tonight", "tomorrow", "yesterday", "currently", "previously", "initially", "subsequently",
        "unfortunately", "again", "further", "next", "following", "staff", "plan", "patient", "pt", "mood",
        "sleep", "appetite", "risk", "family", "mother", "mum", "father", "dad", "partner", "husband", "wife",
        "sister", "brother", "son", "daughter", "gp", "team", "medication", "meds", "bloods", "obs",
        "observations", "review", "impression", "summary", "outcome", "consent", "capacity", "speech",
        "insight", "thoughts", "behaviour", "safeguarding", "referral", "discharge", "admission", "progress",
        "seen", "discussed", "reviewed", "agreed", "advised", "attended", "declined", "denies", "denied",
        "reports", "reported", "states", "stated", "said", "appears", "appeared", "presented", "remains",
        "remained", "settled", "slept", "was", "is", "has", "had", "would", "not", "did", "does", "given",
        "offered", "explained", "spoke", "phoned", "continue", "refer", "referred", "encouraged",
        "supported", "asked", "felt", "feels", "became", "returned", "left", "arrived", "requested",
        "informed", "noted", "nursing", "bloods", "to"};

    /**
     * Lower-case words that start a sentence after a clause-end abbreviation or a number ("etc. she ...",
     * "bmi 23. no concerns"): subjects and the nouns that open telegraphic notes, no verbs ("pt. seen").
     */
    private static final String[] SUBJECTS = {
        "she", "he", "they", "we", "pt", "pts", "no", "nil", "plan", "mood", "sleep", "appetite", "staff", "obs",
        "bloods", "risk", "mum", "dad", "gp", "team", "meds"};

    private static final String[] VERBS = {
        "seen", "discussed", "reviewed", "agreed", "advised", "attended", "declined", "denies", "denied",
        "reports", "reported", "states", "stated", "presented", "remains", "remained", "settled", "slept", "ate",
        "eating", "sleeping", "discharged", "admitted", "offered", "explained", "spoke", "phoned", "referred",
        "encouraged", "supported", "engaged", "returned", "arrived", "requested", "informed", "noted",
        "continues", "continue", "plan", "awaiting", "tolerating", "taking", "took"};

    /** A short line ending in one of these continues on the next line ("Plan agreed with\nDr Patel"). */
    private static final String[] LINE_JOINERS = {
        "the", "a", "an", "to", "of", "and", "or", "but", "nor", "with", "without", "by", "for", "from", "at",
        "into", "onto", "than", "via", "per", "including", "about", "between", "towards", "her", "his", "their",
        "our", "my", "your", "its", "is", "was", "were", "are", "be", "been", "has", "have", "had", "as", "re",
        "dr", "drs", "mr", "mrs", "ms", "mx", "prof"};

    /** Words before a full stop: abbreviation classes. */
    private static final WordTable ABBREVIATIONS = new WordTable();
    /** Words after a full stop: starters, subjects, verbs. */
    private static final WordTable NEXT_WORDS = new WordTable();
    /** Words that end a line without ending the sentence. */
    private static final WordTable LINE_ENDS = new WordTable();

    static {
        for (String w : TITLES) {
            ABBREVIATIONS.add(w, ABBR | TITLE);
        }
        ABBREVIATIONS.add("st", STREET);
        for (String w : PREFIXES) {
            ABBREVIATIONS.add(w, ABBR);
        }
        for (String w : CLAUSE_ENDS) {
            ABBREVIATIONS.add(w, ABBR | CLAUSE_END);
        }
        ABBREVIATIONS.add("no", ABBR | NO_WORD);
        ABBREVIATIONS.add("pt", SUBJECT);
        ABBREVIATIONS.add("pts", SUBJECT);
        for (String w : STARTERS) {
            NEXT_WORDS.add(w, STARTER);
        }
        for (String w : SUBJECTS) {
            NEXT_WORDS.add(w, SUBJECT);
        }
        for (String w : VERBS) {
            NEXT_WORDS.add(w, VERB);
        }
        for (String w : LINE_JOINERS) {
            LINE_ENDS.add(w, JOINS_LINE);
        }
    }

    /** A line at least this long that ends without punctuation is treated as hard-wrapped. */
    private static final int WRAPPED_LINE_CHARS = 60;

    /**
     * Sentence boundaries as token indices: sentence {@code k} is tokens
     * {@code [bounds[k], bounds[k+1])}; the array has one more entry than there are sentences.
     */
    public int[] split(CharSequence text, TokenBuffer tokens) {
        int n = tokens.size();
        int[] bounds = new int[Math.max(4, n / 8 + 2)];
        int count = 0;
        bounds[count++] = 0;
        int lineStart = 0;
        for (int i = 1; i < n; i++) {
            if (tokens.has(i, TokenBuffer.NEWLINE_BEFORE)) {
                boolean split = newlineSplits(text, tokens, i, lineStart);
                lineStart = tokens.start(i);
                if (split) {
                    if (count == bounds.length) {
                        bounds = Arrays.copyOf(bounds, count * 2);
                    }
                    bounds[count++] = i;
                    continue;
                }
            }
            // The punctuation test first: endsSentence is too big to inline, and most tokens are words.
            if (tokens.has(i - 1, TokenBuffer.PUNCT) && endsSentence(tokens, i - 1, i)) {
                if (count == bounds.length) {
                    bounds = Arrays.copyOf(bounds, count * 2);
                }
                bounds[count++] = i;
            }
        }
        if (count == bounds.length) {
            bounds = Arrays.copyOf(bounds, count + 1);
        }
        bounds[count++] = n;
        if (n == 0) {
            return new int[] {0};
        }
        return Arrays.copyOf(bounds, count);
    }

    /** Does the sentence end after token {@code p} (with {@code i = p + 1} on the same line)? */
    private static boolean endsSentence(TokenBuffer tokens, int p, int i) {
        if (!tokens.has(p, TokenBuffer.PUNCT)) {
            return false;
        }
        char c = tokens.termChars()[tokens.termOffset(p)];
        if (c == '!' || c == '?') {
            if (!tokens.has(i, TokenBuffer.SPACE_BEFORE)) {
                if (tokens.has(i, TokenBuffer.WORD)) {
                    return false; // "?psychosis", "safe?yes": a query mark, not an end
                }
                char d = tokens.termChars()[tokens.termOffset(i)];
                if (isCloser(d) || d == '!' || d == '?' || d == '.') {
                    return false; // '?"' or "?!": decide after the run of marks
                }
            }
            return !tokens.has(i, TokenBuffer.LOWER_START);
        }
        if (c == ';') {
            return false;
        }
        if (c != '.') {
            // A closing quote or bracket after a stop: '." Tearful', '?" and cried', '.) Staff'.
            if (isCloser(c) && tokens.has(i, TokenBuffer.SPACE_BEFORE) && !tokens.has(p, TokenBuffer.SPACE_BEFORE)
                    && !tokens.has(i, TokenBuffer.LOWER_START)) {
                int k = p - 1;
                while (k > 0 && k > p - 3 && tokens.has(k, TokenBuffer.PUNCT) && !tokens.has(k, TokenBuffer.SPACE_BEFORE)
                        && isCloser(tokens.termChars()[tokens.termOffset(k)])) {
                    k--;
                }
                if (k >= 0 && tokens.has(k, TokenBuffer.PUNCT)) {
                    char e = tokens.termChars()[tokens.termOffset(k)];
                    return e == '.' || e == '?' || e == '!';
                }
            }
            return false;
        }
        if (!tokens.has(i, TokenBuffer.SPACE_BEFORE)) {
            return false; // "...", ".)", '."', "end.Next"
        }
        int w = i; // the word that decides: after an opening quote or bracket, the word inside it
        if (tokens.has(i, TokenBuffer.PUNCT)) {
            char d = tokens.termChars()[tokens.termOffset(i)];
            if (d == ')' || d == ']') {
                return false;
            }
            if ((d == '\'' || d == '(') && i + 1 < tokens.size() && tokens.has(i + 1, TokenBuffer.WORD)
                    && !tokens.has(i + 1, TokenBuffer.SPACE_BEFORE)) {
                w = i + 1;
            }
        }
        boolean lower = tokens.has(w, TokenBuffer.LOWER_START);
        if (p == 0 || tokens.has(p, TokenBuffer.SPACE_BEFORE) || !tokens.has(p - 1, TokenBuffer.WORD)) {
            // A stop not attached to a word: "(4/10). slept" and '"flat". she' end; "... then" does not.
            if (!lower) {
                return true;
            }
            if (p == 0 || tokens.has(p, TokenBuffer.SPACE_BEFORE) || !tokens.has(p - 1, TokenBuffer.PUNCT)) {
                return false;
            }
            char b = tokens.termChars()[tokens.termOffset(p - 1)];
            return b == ')' || b == ']' || b == '\'';
        }
        int prev = p - 1;
        if (tokens.has(prev, TokenBuffer.NUMBER)) {
            if (prev == 0 || tokens.has(prev, TokenBuffer.NEWLINE_BEFORE)) {
                return false; // a numbered list item: "1. Review weekly"
            }
            if (lower) {
                // a dose or time with letters ends: "2.5mg. she settled"; a bare number only before a
                // subject or verb: "bmi 23. no concerns" ends, "pulse 96. temp 37" does not
                char last = tokens.termChars()[tokens.termOffset(prev) + tokens.termLength(prev) - 1];
                return last >= 'a' && last <= 'z' || (next(tokens, w) & (SUBJECT | VERB)) != 0;
            }
            return true;
        }
        return !abbreviationHolds(tokens, prev, w, false);
    }

    /**
     * Does the full stop after word {@code prev} belong to an abbreviation or initial that keeps the
     * sentence going into word {@code w}? At a line start ({@code lineStart}) a capitalised word after a
     * clause-end abbreviation, a street or an initial starts a new sentence.
     */
    private static boolean abbreviationHolds(TokenBuffer tokens, int prev, int w, boolean lineStart) {
        char[] cs = tokens.termChars();
        int off = tokens.termOffset(prev);
        int len = tokens.termLength(prev);
        boolean lower = tokens.has(w, TokenBuffer.LOWER_START);
        boolean capital = tokens.has(w, TokenBuffer.CAPITALISED);
        int f = ABBREVIATIONS.lookup(cs, off, len);
        if ((f & ABBR) != 0) {
            if ((f & NO_WORD) != 0) {
                return hasDigit(tokens, w) || tokens.termEquals(w, "of"); // "No. 5", "No. of calls"
            }
            if ((f & TITLE) != 0) {
                if ((f & STREET) != 0 && capital && prev > 0 && tokens.has(prev - 1, TokenBuffer.CAPITALISED)
                        && !tokens.has(prev, TokenBuffer.NEWLINE_BEFORE)
                        && (lineStart || (next(tokens, w) & STARTER) != 0)) {
                    return false; // "on Mill St. She moved"
                }
                return true; // "Dr. Patel", "St. Ann's"
            }
            if ((f & CLAUSE_END) != 0) {
                if (lower) {
                    // "etc. she", "5 hrs. ate" end; "approx. four", "pt. seen", "a.m. was" hold
                    int next = next(tokens, w);
                    return (next & SUBJECT) == 0 && ((next & VERB) == 0 || (f & SUBJECT) != 0);
                }
                return !(capital && (lineStart || (next(tokens, w) & STARTER) != 0));
            }
            return true; // "e.g. Walking", "vs. 2/10"
        }
        if (len == 1) {
            if (lower) {
                return true; // "d. smith", "vitamin d. which"
            }
            if (tokens.has(prev, TokenBuffer.CAPITALISED) && capital) {
                // "J. Smith" holds; "Hepatitis C. She" ends
                return !(lineStart || tokens.termLength(w) > 1 && (next(tokens, w) & STARTER) != 0);
            }
            return false;
        }
        if (lower) {
            for (int k = 1; k < len; k++) {
                if (cs[off + k] == '.') {
                    return true; // a dotted abbreviation not listed: "t.d.s. then"
                }
            }
        }
        return false;
    }

    /** The {@link #NEXT_WORDS} flags of token {@code t}: 0 unless a listed word. */
    private static int next(TokenBuffer tokens, int t) {
        return tokens.has(t, TokenBuffer.WORD)
                ? NEXT_WORDS.lookup(tokens.termChars(), tokens.termOffset(t), tokens.termLength(t)) : 0;
    }

    private static boolean hasDigit(TokenBuffer tokens, int t) {
        if (tokens.has(t, TokenBuffer.NUMBER)) {
            return true;
        }
        if (!tokens.has(t, TokenBuffer.WORD)) {
            return tokens.isPunct(t, '#');
        }
        char[] cs = tokens.termChars();
        int off = tokens.termOffset(t);
        int end = off + tokens.termLength(t);
        for (int k = off; k < end; k++) {
            if (cs[k] >= '0' && cs[k] <= '9') {
                return true;
            }
        }
        return false;
    }

    private static boolean isCloser(char c) {
        return c == '\'' || c == ')' || c == ']';
    }

    private static boolean newlineSplits(CharSequence text, TokenBuffer tokens, int i, int lineStart) {
        if (tokens.has(i, TokenBuffer.BLANK_LINE_BEFORE)) {
            return true;
        }
        int p = i - 1;
        if (tokens.has(p, TokenBuffer.PUNCT)) {
            char c = tokens.termChars()[tokens.termOffset(p)];
            if (c == ',' || c == '&' || c == '(') {
                return false;
            }
            if (c == '.' && p > 0 && tokens.has(p - 1, TokenBuffer.WORD) && !tokens.has(p, TokenBuffer.SPACE_BEFORE)
                    && !tokens.has(p - 1, TokenBuffer.NUMBER) && !isBulletStart(tokens, i)
                    && abbreviationHolds(tokens, p - 1, i, true)) {
                return false; // "seen by Dr.\nPatel", "approx.\n20 tablets"
            }
            return true; // after ':', '.', ';', etc. the next line is new
        }
        if (isBulletStart(tokens, i)) {
            return true;
        }
        if (tokens.has(i, TokenBuffer.LOWER_START)) {
            return false; // a line break inside a sentence
        }
        if (tokens.has(p, TokenBuffer.WORD)
                && LINE_ENDS.lookup(tokens.termChars(), tokens.termOffset(p), tokens.termLength(p)) != 0) {
            return false; // "Plan agreed with\nDr Patel and the team."
        }
        int lineLength = tokens.end(p) - lineStart;
        return lineLength < WRAPPED_LINE_CHARS;
    }

    private static boolean isBulletStart(TokenBuffer tokens, int i) {
        if (tokens.has(i, TokenBuffer.PUNCT)) {
            char c = tokens.termChars()[tokens.termOffset(i)];
            return c == '-' || c == '*' || c == '\u2022' || c == '\u00B7' || c == '>' || c == '\u25CF' || c == '\u25E6'
                    || c == '\u25AA' || c == '#';
        }
        if (tokens.has(i, TokenBuffer.NUMBER) && i + 1 < tokens.size()) {
            return tokens.isPunct(i + 1, '.') || tokens.isPunct(i + 1, ')');
        }
        return false;
    }

    /**
     * Words keyed by their chars, each with flag bits: an open-addressing table probed without
     * allocation. A bit mask of the key lengths rejects most words before hashing; the hash reads only
     * the length and the first two and last chars, so a probe costs the same for long words.
     */
    private static final class WordTable {
        private final char[][] keys = new char[512][];
        private final int[] values = new int[512];
        private int size;
        private int lengths;

        void add(String word, int flag) {
            if (size * 2 >= keys.length || word.isEmpty() || word.length() > 31) {
                throw new IllegalStateException("word table full, or word empty or too long: " + word);
            }
            char[] key = word.toCharArray();
            int mask = keys.length - 1;
            int slot = hash(key, 0, key.length) & mask;
            while (keys[slot] != null) {
                if (Arrays.equals(keys[slot], key)) {
                    values[slot] |= flag;
                    return;
                }
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            values[slot] = flag;
            size++;
            lengths |= 1 << key.length;
        }

        /** The flags of the word {@code cs[off, off + len)}, 0 when absent. */
        int lookup(char[] cs, int off, int len) {
            if (len > 31 || (lengths & (1 << len)) == 0) {
                return 0;
            }
            int mask = keys.length - 1;
            int slot = hash(cs, off, len) & mask;
            char[] key;
            while ((key = keys[slot]) != null) {
                if (key.length == len && Arrays.equals(key, 0, len, cs, off, off + len)) {
                    return values[slot];
                }
                slot = (slot + 1) & mask;
            }
            return 0;
        }

        private static int hash(char[] cs, int off, int len) {
            int h = (len * 31 + cs[off]) * 31 + cs[off + len - 1];
            if (len > 2) {
                h = h * 31 + cs[off + 1];
            }
            h *= 0x9E3779B9;
            return h ^ (h >>> 15);
        }
    }
}
