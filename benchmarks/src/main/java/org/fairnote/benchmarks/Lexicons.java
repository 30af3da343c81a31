package org.fairnote.benchmarks;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.fairnote.Category;
import org.fairnote.Screener;
import org.fairnote.Severity;
import org.fairnote.lexicon.Lexicon;
import org.fairnote.lexicon.LexiconEntry;
import org.fairnote.lexicons.BundledLexicons;
import org.fairnote.match.Atom;
import org.fairnote.match.Automaton;
import org.fairnote.match.Pattern;
import org.fairnote.match.PatternExpander;
import org.fairnote.match.PatternParser;
import org.fairnote.match.Vocabulary;
import org.fairnote.text.Tokenizer;

/**
 * The lexicons the benchmarks run on: the bundled default, synthetic 10x and 100x versions for
 * scaling runs, and the literal phrase list the peers match.
 */
public final class Lexicons {

    /** Lexicon sizes of the scaling runs. */
    public enum Size {
        DEFAULT(1), X10(10), X100(100);

        public final int factor;

        Size(int factor) {
            this.factor = factor;
        }
    }

    private Lexicons() {
    }

    /**
     * The five bundled category lexicons. While lexicon files are still being written and one is
     * missing or does not load, falls back to those that load, saying so on stderr (and in the
     * benchmark log), so partial runs are possible; published runs must not show the warning.
     */
    public static List<Lexicon> bundled() {
        try {
            return BundledLexicons.lexicons();
        } catch (RuntimeException | Error e) {
            List<Lexicon> some = available();
            System.err.println("[benchmarks] WARNING: the default lexicons do not all load (" + e
                    + "); using only " + some.stream().map(Lexicon::name).toList());
            return some;
        }
    }

    /** Lexicon names and entry counts, for the logs. */
    public static String describe(List<Lexicon> lexicons) {
        return lexicons.stream().map(l -> l.name() + "=" + l.entries().size()).toList().toString();
    }

    /**
     * The bundled category lexicon files that are present and load, skipping the rest (for tests
     * that run while lexicon files are still being written).
     */
    public static List<Lexicon> available() {
        List<Lexicon> out = new ArrayList<>();
        for (String f : BundledLexicons.LEXICON_FILES) {
            try (InputStream in = BundledLexicons.class.getResourceAsStream("/org/fairnote/lexicons/" + f)) {
                if (in != null) {
                    out.add(org.fairnote.lexicons.LexiconReader.readLexicon(in, f));
                }
            } catch (Exception e) {
                System.err.println("[benchmarks] skipping lexicon " + f + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** The default lexicons plus synthetic entries, so that the total is {@code size.factor} times the default. */
    public static List<Lexicon> scaled(List<Lexicon> base, Size size) {
        List<Lexicon> out = new ArrayList<>(base);
        if (size.factor > 1) {
            int baseEntries = base.stream().mapToInt(l -> l.entries().size()).sum();
            int basePatterns = base.stream().flatMap(l -> l.entries().stream()).mapToInt(e -> e.patterns().size()).sum();
            out.add(synthetic(baseEntries * (size.factor - 1), Math.max(1.0, (double) basePatterns / baseEntries),
                    NoteCorpus.DEFAULT_SEED + size.factor));
        }
        return out;
    }

    /**
     * A screener on the default lexicons (scaled) with the bundled context rules and sections, and no
     * model ({@code Screener.createDefault()} would add the bundled model: see ScreenWithModelBenchmark).
     */
    public static Screener screener(List<Lexicon> base, Size size) {
        return BundledLexicons.addContext(Screener.builder().addLexicons(scaled(base, size))).build();
    }

    /** Common words of the notes, used as first words of some synthetic patterns so their prefixes stay live. */
    private static final String[] COMMON = {"staff", "she", "the", "to", "plan", "review", "care", "police", "team",
        "will", "not", "her", "risk", "home", "weekly", "crisis", "no", "was", "be", "call"};

    private static final String[] ONSETS = {"b", "br", "c", "d", "dr", "f", "g", "gl", "h", "j", "k", "l", "m", "n",
        "p", "pr", "qu", "r", "s", "st", "t", "tr", "v", "w", "z"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ou", "ei"};
    private static final String[] CODAS = {"", "", "n", "r", "l", "m", "s", "x", "th"};

    /**
     * {@code entries} invented entries of about {@code patternsPerEntry} patterns each, in the shapes
     * real entries use: two to four words, alternatives, optional words, inflected last words, and
     * a third starting with a common note word. Invented words do not occur in the notes, so the
     * entries add automaton size and vocabulary size without adding matches.
     */
    public static Lexicon synthetic(int entries, double patternsPerEntry, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Category[] categories = Category.values();
        List<LexiconEntry> list = new ArrayList<>(entries);
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < entries; i++) {
            int patterns = Math.max(1, (int) Math.round(patternsPerEntry * (0.5 + r.nextDouble())));
            String[] ps = new String[patterns];
            for (int p = 0; p < patterns; p++) {
                String pattern;
                do {
                    pattern = pattern(r);
                } while (!seen.add(pattern));
                ps[p] = pattern;
            }
            list.add(LexiconEntry.of(String.format("SYN-%06d", i), categories[i % categories.length],
                    Severity.values()[i % 3], "Synthetic entry for scaling benchmarks.", "", ps));
        }
        return new Lexicon("synthetic-" + entries, "0", list);
    }

    private static String pattern(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        int words = 2 + r.nextInt(3);
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                sb.append(' ');
            }
            if (w == 0 && r.nextInt(3) == 0) {
                sb.append(COMMON[r.nextInt(COMMON.length)]);
            } else if (r.nextInt(6) == 0) {
                sb.append('(').append(word(r)).append('|').append(word(r)).append(')');
            } else if (w > 0 && w < words - 1 && r.nextInt(8) == 0) {
                sb.append('[').append(word(r)).append(']');
            } else {
                sb.append(word(r));
            }
            if (w == words - 1 && r.nextInt(4) == 0) {
                sb.append('~');
            }
        }
        String s = sb.toString();
        return s.endsWith(")~") ? s.substring(0, s.length() - 1) : s;
    }

    private static String word(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        int syllables = 2 + r.nextInt(2);
        for (int s = 0; s < syllables; s++) {
            sb.append(ONSETS[r.nextInt(ONSETS.length)]).append(VOWELS[r.nextInt(VOWELS.length)]);
        }
        sb.append(CODAS[r.nextInt(CODAS.length)]);
        return sb.toString();
    }

    /**
     * The literal phrases of the lexicons: every expansion of every entry pattern that is words only
     * (no inflection, case-sensitive item, punctuation, class or gap), lower case, words separated by
     * one space, each word only letters and digits. Phrases the engine treats as the same (UK/US
     * spellings) are kept once.
     */
    public static List<String> literalPhrases(List<Lexicon> lexicons) {
        Set<String> candidates = new LinkedHashSet<>();
        for (Lexicon l : lexicons) {
            for (LexiconEntry e : l.entries()) {
                for (String source : e.patterns()) {
                    List<List<Atom>> expanded;
                    try {
                        Pattern p = PatternParser.parse(source);
                        if (p.anchored()) {
                            continue;
                        }
                        expanded = PatternExpander.expand(p);
                    } catch (IllegalArgumentException tooBroad) {
                        // the engine rejects it too; nothing literal to take
                        continue;
                    }
                    for (List<Atom> seq : expanded) {
                        if (seq.stream().allMatch(a -> a.kind() == Atom.Kind.WORD && a.text().matches("[a-z0-9]+"))) {
                            candidates.add(String.join(" ", seq.stream().map(Atom::text).toList()));
                        }
                    }
                }
            }
        }
        // Keep one phrase per sequence of term ids (spelling variants share an id).
        Vocabulary.Builder vb = new Vocabulary.Builder();
        for (String phrase : candidates) {
            for (String w : phrase.split(" ")) {
                vb.word(w);
            }
        }
        Vocabulary v = vb.build();
        Map<String, String> byIds = new LinkedHashMap<>();
        for (String phrase : candidates) {
            StringBuilder key = new StringBuilder();
            for (String w : phrase.split(" ")) {
                key.append(v.termId(w)).append(',');
            }
            byIds.putIfAbsent(key.toString(), phrase);
        }
        return List.copyOf(byIds.values());
    }

    /**
     * At most {@code n} of the phrases, deterministic: every phrase that occurs in {@code sample}
     * (so the peers still have matches to report), then evenly spaced others, in list order.
     */
    public static List<String> samplePhrases(List<String> phrases, int n, List<String> sample) {
        if (phrases.size() <= n) {
            return phrases;
        }
        // Aho-Corasick builds fastest and finds the same matches as the engine (PeerFairnessTest)
        org.fairnote.benchmarks.peers.PhraseMatcher engine = org.fairnote.benchmarks.peers.Peer.AHO_CORASICK.create(phrases);
        org.fairnote.benchmarks.peers.Hits hits = new org.fairnote.benchmarks.peers.Hits();
        java.util.BitSet keep = new java.util.BitSet(phrases.size());
        for (String note : sample) {
            hits.clear();
            engine.find(note, hits);
            for (int i = 0; i < hits.size() && keep.cardinality() < n / 2; i++) {
                keep.set(hits.phrase(i));
            }
        }
        int missing = n - keep.cardinality();
        double step = (double) phrases.size() / missing;
        for (double x = 0; keep.cardinality() < n && x < phrases.size(); x += step) {
            int i = (int) x;
            while (i < phrases.size() && keep.get(i)) {
                i++;
            }
            if (i < phrases.size()) {
                keep.set(i);
            }
        }
        List<String> out = new ArrayList<>(n);
        keep.stream().forEach(i -> out.add(phrases.get(i)));
        return out;
    }

    /** The engine's matcher parts (vocabulary, automaton, tokenizer) for a list of patterns. */
    public record Compiled(Vocabulary vocabulary, Automaton automaton, Tokenizer tokenizer, int patterns) {
    }

    /** Compiles patterns as the engine does, payload = index in the list. */
    public static Compiled compile(List<String> patterns) {
        Vocabulary.Builder vb = new Vocabulary.Builder();
        Automaton.Builder ab = new Automaton.Builder(vb);
        for (int i = 0; i < patterns.size(); i++) {
            ab.add(PatternParser.parse(patterns.get(i)), i);
        }
        Automaton a = ab.build();
        Vocabulary v = vb.build();
        return new Compiled(v, a, new Tokenizer(v), patterns.size());
    }

    /** Every entry pattern (and requires/unless cue) of the lexicons, for match-only runs. */
    public static List<String> entryPatterns(List<Lexicon> lexicons) {
        Set<String> out = new LinkedHashSet<>();
        for (Lexicon l : lexicons) {
            for (LexiconEntry e : l.entries()) {
                out.addAll(e.patterns());
                out.addAll(e.requires());
                out.addAll(e.unless());
            }
        }
        return List.copyOf(out);
    }
}
