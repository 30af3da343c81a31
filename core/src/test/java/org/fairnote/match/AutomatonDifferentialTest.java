package org.fairnote.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.Ordering;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.fairnote.testing.RandomTexts;
import org.fairnote.text.SentenceSplitter;
import org.fairnote.text.TokenBuffer;
import org.fairnote.text.Tokenizer;
import org.junit.jupiter.api.Test;

/**
 * The compiled automaton returns exactly the matches of {@link ReferenceMatcher} on random patterns
 * over random texts built from the patterns' words, noise words, punctuation, inflections, and case
 * and spacing variants.
 */
class AutomatonDifferentialTest {

    private static final List<String> WORDS = List.of("do", "not", "convey", "conveyed", "police", "attend",
            "attention", "seeking", "time", "waster", "she", "arrest", "behaviour", "manipulate", "frequent", "flyer",
            "self", "harm", "care", "plan");
    private static final List<String> NOISE = List.of("the", "and", "today", "ward", "reviewed", "a", "team", "was",
            "her", "at", "to", "by", "is", "with");
    private static final List<String> SUFFIXES = List.of("", "", "", "s", "ed", "ing", "ive", "ers", "ion");

    @Test
    void automatonEqualsTheBruteForceReference() {
        compareWithReference(0);
    }

    /**
     * Texts mostly of noise words: the states that wait in a gap, or that a word starts, are then
     * mostly dropped because no token ahead can continue them, and dropping must never lose a match.
     */
    @Test
    void sparseTextsToo() {
        compareWithReference(0.7);
    }

    /**
     * Every pattern anchored at the sentence start, as the section headings are: such an automaton
     * looks at a sentence only if its first token can take an edge, and stops when no state is left.
     */
    @Test
    void anchoredPatternsOnly() {
        compareWithReference(0, true, 20);
    }

    private static void compareWithReference(double extraNoise) {
        compareWithReference(extraNoise, false, 100);
    }

    private static void compareWithReference(double extraNoise, boolean anchored, int minimumMatches) {
        long seed = RandomTexts.seed();
        Random r = new Random(seed);
        int compared = 0;
        for (int round = 0; round < 300; round++) {
            List<String> sources = new ArrayList<>();
            // Every tenth round many patterns at once, so that nodes have many edges whose signature bits collide.
            int wanted = round % 10 == 9 ? 30 + r.nextInt(30) : 1 + r.nextInt(6);
            while (sources.size() < wanted) {
                String p = randomPattern(r, 0);
                if (anchored && !p.startsWith("^")) {
                    p = "^ " + p;
                }
                try {
                    PatternParser.parse(p);
                    sources.add(p);
                } catch (PatternSyntaxException e) {
                    // invalid random patterns are expected; only valid ones are compared
                }
            }
            Vocabulary.Builder vb = new Vocabulary.Builder();
            Automaton.Builder ab = new Automaton.Builder(vb);
            List<Pattern> patterns = new ArrayList<>();
            for (int i = 0; i < sources.size(); i++) {
                Pattern p = PatternParser.parse(sources.get(i));
                patterns.add(p);
                ab.add(p, i);
            }
            Automaton automaton = ab.build();
            Vocabulary vocabulary = vb.build();
            Tokenizer tokenizer = new Tokenizer(vocabulary);
            ReferenceMatcher reference = new ReferenceMatcher(patterns, vocabulary);
            // One scratch (and so one filter cache) for all texts of a round; a filter whose cache
            // fills after a few transitions, to exercise starting it again.
            Automaton.Scratch filteredScratch = new Automaton.Scratch();
            MatchFilter tinyFilter = new MatchFilter(automaton, 1 + r.nextInt(12), 1 << 30);
            // Likewise a reporting table kept over the round's texts, and one that fills after a few transitions.
            Automaton.Scratch tableScratch = new Automaton.Scratch();
            MatchFilter tinyTable = new MatchFilter(automaton, true, 1 + r.nextInt(12), 1 << 30);
            for (int t = 0; t < 20; t++) {
                String text = randomText(r, extraNoise);
                TokenBuffer tokens = tokenizer.tokenize(text);
                int[] sentences = new SentenceSplitter().split(text, tokens);
                Set<String> expected = new TreeSet<>();
                Set<String> actual = new TreeSet<>();
                Set<String> filtered = new TreeSet<>();
                Set<String> smallCache = new TreeSet<>();
                List<String> earlyStarts = new ArrayList<>();
                List<String> startLimited = new ArrayList<>();
                Set<String> tabled = new TreeSet<>();
                Set<String> tableLimited = new TreeSet<>();
                Set<String> tinyTabled = new TreeSet<>();
                List<String> tableOrder = new ArrayList<>();
                Automaton.Scratch scratch = new Automaton.Scratch();
                for (int k = 0; k + 1 < sentences.length; k++) {
                    expected.addAll(reference.matches(text, tokens, sentences[k], sentences[k + 1]));
                    automaton.match(tokens, sentences[k], sentences[k + 1], scratch,
                            (payload, s, e) -> actual.add(payload + ":" + s + "-" + e));
                    automaton.matchIfAny(tokens, sentences[k], sentences[k + 1], filteredScratch,
                            (payload, s, e) -> filtered.add(payload + ":" + s + "-" + e));
                    // Limited to matches starting before a random token: exactly those, spans and order kept.
                    int startsBefore = sentences[k] + r.nextInt(sentences[k + 1] - sentences[k] + 2);
                    automaton.match(tokens, sentences[k], sentences[k + 1], scratch, (payload, s, e) -> {
                        if (s < startsBefore) {
                            earlyStarts.add(payload + ":" + s + "-" + e);
                        }
                    });
                    automaton.match(tokens, sentences[k], sentences[k + 1], startsBefore, scratch,
                            (payload, s, e) -> startLimited.add(payload + ":" + s + "-" + e));
                    List<Integer> ends = new ArrayList<>();
                    automaton.matchIfAnyByTable(tokens, sentences[k], sentences[k + 1], tableScratch,
                            (payload, s, e) -> {
                                tabled.add(payload + ":" + s + "-" + e);
                                ends.add(e);
                            });
                    if (!Ordering.natural().isOrdered(ends)) {
                        tableOrder.add("ends " + ends + " in sentence " + k);
                    }
                    automaton.matchByTable(tokens, sentences[k], sentences[k + 1], startsBefore, tableScratch,
                            (payload, s, e) -> tableLimited.add(payload + ":" + s + "-" + e));
                    List<String> reported = new ArrayList<>();
                    if (tinyTable.report(tokens, sentences[k], sentences[k + 1], sentences[k + 1],
                            (payload, s, e) -> reported.add(payload + ":" + s + "-" + e))) {
                        tinyTabled.addAll(reported);
                    } else {
                        assertEquals(List.of(), reported, "a table that could not tell reported matches");
                        automaton.match(tokens, sentences[k], sentences[k + 1], scratch,
                                (payload, s, e) -> tinyTabled.add(payload + ":" + s + "-" + e));
                    }
                    int end = tinyFilter.matchEnd(tokens, sentences[k], sentences[k + 1]);
                    automaton.match(tokens, sentences[k], sentences[k + 1], scratch, (payload, s, e) -> {
                        if (e > end) {
                            smallCache.add("lost " + payload + ":" + s + "-" + e + " (filter's end " + end + ")");
                        }
                    });
                }
                assertEquals(expected, actual, () -> "patterns " + sources + " on "
                        + RandomTexts.replay(seed, 0, text));
                assertEquals(expected, filtered, () -> "with the match filter: patterns " + sources + " on "
                        + RandomTexts.replay(seed, 0, text));
                assertEquals(earlyStarts, startLimited, () -> "matching only starts before a token: patterns "
                        + sources + " on " + RandomTexts.replay(seed, 0, text));
                assertEquals(expected, tabled, () -> "by the reporting table: patterns " + sources + " on "
                        + RandomTexts.replay(seed, 0, text));
                assertEquals(List.of(), tableOrder, () -> "the table reports by end: patterns " + sources + " on "
                        + RandomTexts.replay(seed, 0, text));
                assertEquals(new TreeSet<>(earlyStarts), tableLimited, () -> "the table, only starts before a token: "
                        + "patterns " + sources + " on " + RandomTexts.replay(seed, 0, text));
                assertEquals(expected, tinyTabled, () -> "a reporting table with a full cache, or the exact matcher "
                        + "after it: patterns " + sources + " on " + RandomTexts.replay(seed, 0, text));
                assertEquals(Set.of(), smallCache, () -> "the filter with a full cache put a match past its end: "
                        + "patterns " + sources + " on " + RandomTexts.replay(seed, 0, text));
                compared += expected.size();
            }
        }
        if (compared < minimumMatches) {
            throw new AssertionError("the generator produced too few matches to compare (" + compared + ")");
        }
    }

    private static String randomPattern(Random r, int depth) {
        StringBuilder b = new StringBuilder();
        if (depth == 0 && r.nextInt(8) == 0) {
            b.append("^ ");
        }
        int items = 1 + r.nextInt(depth == 0 ? 4 : 2);
        for (int i = 0; i < items; i++) {
            int kind = r.nextInt(20);
            if (kind < 9) {
                b.append(RandomTexts.pick(r, WORDS));
            } else if (kind < 12) {
                b.append(RandomTexts.pick(r, WORDS)).append('~');
            } else if (kind == 12 && depth < 2) {
                b.append('(').append(randomPattern(r, depth + 1)).append('|').append(randomPattern(r, depth + 1))
                        .append(')');
            } else if (kind == 13 && depth < 2) {
                b.append('[').append(randomPattern(r, depth + 1)).append(']');
            } else if (kind == 14) {
                int min = r.nextInt(2);
                b.append('{').append(min).append(',').append(min + 1 + r.nextInt(3)).append('}');
            } else if (kind == 15) {
                b.append(r.nextBoolean() ? "=PC" : "=ED");
            } else if (kind == 16) {
                b.append(r.nextBoolean() ? "@Cap" : "@Num");
            } else if (kind == 17) {
                b.append(r.nextBoolean() ? "'" : ",");
            } else if (kind == 18 && depth == 0) {
                // A wide choice: the node before it gets more than 8 edges, kept as a hash table.
                List<String> options = new ArrayList<>(WORDS);
                java.util.Collections.shuffle(options, r);
                b.append('(').append(String.join("|", options.subList(0, 9 + r.nextInt(6)))).append(')');
            } else {
                b.append(RandomTexts.pick(r, WORDS));
            }
            b.append(' ');
        }
        return b.toString().trim();
    }

    /** Random text; {@code extraNoise} is the share of words that are noise words whatever else is drawn. */
    private static String randomText(Random r, double extraNoise) {
        StringBuilder b = new StringBuilder();
        int n = 5 + r.nextInt(40);
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(20);
            String w;
            if (r.nextDouble() < extraNoise) {
                w = RandomTexts.pick(r, NOISE);
            } else if (kind < 8) {
                w = RandomTexts.pick(r, WORDS) + RandomTexts.pick(r, SUFFIXES);
            } else if (kind < 13) {
                w = RandomTexts.pick(r, NOISE);
            } else if (kind == 13) {
                w = r.nextBoolean() ? "PC" : "ED";
            } else if (kind == 14) {
                w = String.valueOf(r.nextInt(300));
            } else if (kind == 15) {
                w = RandomTexts.pick(r, List.of("'", "\u2018", "\"", ",", ".", ":", "-", "don't", "she's"));
            } else if (kind == 16) {
                w = RandomTexts.pick(r, WORDS) + RandomTexts.pick(r, WORDS);
            } else if (kind == 17) {
                w = RandomTexts.slip(r, RandomTexts.pick(r, WORDS) + RandomTexts.pick(r, SUFFIXES));
            } else {
                w = RandomTexts.pick(r, WORDS);
            }
            switch (r.nextInt(6)) {
                case 0 -> w = w.toUpperCase(java.util.Locale.ROOT);
                case 1 -> w = w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
                default -> {
                }
            }
            b.append(w);
            b.append(RandomTexts.pick(r, List.of(" ", " ", " ", "-", "  ", "\n", ". ", "'s ", "\u00AD")));
        }
        return b.toString();
    }
}
