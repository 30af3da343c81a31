package org.fairnote.match;

import java.util.ArrayList;
import java.util.List;
import org.fairnote.match.PatternItem.Capitalised;
import org.fairnote.match.PatternItem.Choice;
import org.fairnote.match.PatternItem.Exact;
import org.fairnote.match.PatternItem.Gap;
import org.fairnote.match.PatternItem.Number;
import org.fairnote.match.PatternItem.Optional;
import org.fairnote.match.PatternItem.Punct;
import org.fairnote.match.PatternItem.Sequence;
import org.fairnote.match.PatternItem.Word;

/**
 * Expands a pattern's alternatives and optional groups into plain atom sequences, the form the
 * automaton is built from. Adjacent gaps merge; a gap {min,max} becomes min ANY atoms and a GAP of
 * max-min.
 */
public final class PatternExpander {
    /** Most sequences one pattern may expand to; beyond this the pattern is rejected as too broad. */
    public static final int MAX_EXPANSIONS = 50_000;

    private PatternExpander() {
    }

    /** All atom sequences the pattern stands for. */
    public static List<List<Atom>> expand(Pattern pattern) {
        List<List<Atom>> raw = expand(pattern.body(), pattern.source());
        List<List<Atom>> out = new ArrayList<>(raw.size());
        for (List<Atom> seq : raw) {
            out.add(normaliseGaps(seq));
        }
        return out;
    }

    /**
     * Rejects a pattern that could match nothing meaningful: one that can match an empty sequence,
     * one with an alternative made only of gaps and token classes (it would match almost every
     * token), or one that starts or ends with a gap. Works on the syntax tree, so a pattern with
     * very many alternatives is checked without enumerating them.
     */
    static void validate(Pattern pattern, boolean requireWord) {
        PatternItem body = pattern.body();
        if (mayBeEmpty(body)) {
            throw new PatternSyntaxException(pattern.source(), -1, "can match an empty sequence");
        }
        if (minWords(body, requireWord) == 0) {
            throw new PatternSyntaxException(pattern.source(), -1,
                    "would match almost every token: every alternative needs at least one word");
        }
        if (edgeIsGap(body, true) || edgeIsGap(body, false)) {
            throw new PatternSyntaxException(pattern.source(), -1,
                    "a gap at the start or end of a pattern means nothing; remove it");
        }
    }

    private static boolean mayBeEmpty(PatternItem item) {
        if (item instanceof Sequence s) {
            return s.items().stream().allMatch(PatternExpander::mayBeEmpty);
        } else if (item instanceof Choice c) {
            return c.options().stream().anyMatch(PatternExpander::mayBeEmpty);
        } else if (item instanceof Optional) {
            return true;
        } else if (item instanceof Gap g) {
            return g.min() == 0;
        }
        return false;
    }

    /** The fewest word items on any path through the item. */
    private static int minWords(PatternItem item, boolean requireWord) {
        if (item instanceof Word || item instanceof Exact) {
            return 1;
        } else if (item instanceof Punct) {
            return requireWord ? 0 : 1;
        } else if (item instanceof Sequence s) {
            int sum = 0;
            for (PatternItem i : s.items()) {
                sum += minWords(i, requireWord);
            }
            return sum;
        } else if (item instanceof Choice c) {
            int min = Integer.MAX_VALUE;
            for (Sequence o : c.options()) {
                min = Math.min(min, minWords(o, requireWord));
            }
            return min;
        }
        return 0;
    }

    /** Can the first (or last) token of a match be consumed by a gap? */
    private static boolean edgeIsGap(PatternItem item, boolean first) {
        if (item instanceof Gap) {
            return true;
        } else if (item instanceof Sequence s) {
            List<PatternItem> items = s.items();
            for (int k = 0; k < items.size(); k++) {
                PatternItem i = items.get(first ? k : items.size() - 1 - k);
                if (edgeIsGap(i, first)) {
                    return true;
                }
                if (!mayBeEmpty(i)) {
                    return false;
                }
            }
            return false;
        } else if (item instanceof Choice c) {
            return c.options().stream().anyMatch(o -> edgeIsGap(o, first));
        } else if (item instanceof Optional o) {
            return edgeIsGap(o.body(), first);
        }
        return false;
    }

    private static List<List<Atom>> expand(Sequence seq, String source) {
        List<List<Atom>> acc = new ArrayList<>();
        acc.add(new ArrayList<>());
        for (PatternItem item : seq.items()) {
            List<List<Atom>> options = expandItem(item, source);
            List<List<Atom>> next = new ArrayList<>(acc.size() * options.size());
            for (List<Atom> prefix : acc) {
                for (List<Atom> option : options) {
                    List<Atom> joined = new ArrayList<>(prefix.size() + option.size());
                    joined.addAll(prefix);
                    joined.addAll(option);
                    next.add(joined);
                }
            }
            if (next.size() > MAX_EXPANSIONS) {
                throw new PatternSyntaxException(source, -1,
                        "expands to more than " + MAX_EXPANSIONS + " alternatives; split it into several patterns");
            }
            acc = next;
        }
        return acc;
    }

    private static List<List<Atom>> expandItem(PatternItem item, String source) {
        if (item instanceof Word w) {
            return List.of(List.of(Atom.of(w.inflected() ? Atom.Kind.STEM : Atom.Kind.WORD, w.term())));
        } else if (item instanceof Exact e) {
            return List.of(List.of(Atom.of(Atom.Kind.EXACT, e.surface())));
        } else if (item instanceof Punct p) {
            return List.of(List.of(Atom.of(Atom.Kind.PUNCT, String.valueOf(p.c()))));
        } else if (item instanceof Capitalised) {
            return List.of(List.of(Atom.of(Atom.Kind.CAP, "")));
        } else if (item instanceof Number) {
            return List.of(List.of(Atom.of(Atom.Kind.NUM, "")));
        } else if (item instanceof Gap g) {
            return List.of(gapAtoms(g));
        } else if (item instanceof Sequence s) {
            return expand(s, source);
        } else if (item instanceof Choice c) {
            List<List<Atom>> out = new ArrayList<>();
            for (Sequence option : c.options()) {
                out.addAll(expand(option, source));
            }
            return out;
        } else if (item instanceof Optional o) {
            List<List<Atom>> out = new ArrayList<>();
            out.add(List.of());
            out.addAll(expand(o.body(), source));
            return out;
        }
        throw new IllegalStateException("unknown item " + item);
    }

    private static List<Atom> gapAtoms(Gap g) {
        List<Atom> atoms = new ArrayList<>();
        for (int i = 0; i < g.min(); i++) {
            atoms.add(Atom.of(Atom.Kind.ANY, ""));
        }
        if (g.max() > g.min()) {
            atoms.add(new Atom(Atom.Kind.GAP, "", g.max() - g.min()));
        }
        return atoms;
    }

    /** Drops empty gap placeholders and merges adjacent gaps (capped at the parser's maximum). */
    private static List<Atom> normaliseGaps(List<Atom> seq) {
        List<Atom> out = new ArrayList<>(seq.size());
        for (Atom a : seq) {
            if (a.kind() == Atom.Kind.GAP) {
                if (a.gap() <= 0) {
                    continue;
                }
                if (!out.isEmpty() && out.get(out.size() - 1).kind() == Atom.Kind.GAP) {
                    Atom prev = out.remove(out.size() - 1);
                    out.add(new Atom(Atom.Kind.GAP, "", prev.gap() + a.gap()));
                    continue;
                }
            }
            out.add(a);
        }
        return List.copyOf(out);
    }
}
