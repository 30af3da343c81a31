package org.fairnote.cli.eval;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fairnote.Category;

/**
 * Span-level precision, recall and F1 per category and micro-averaged, with overlap matching: a
 * predicted span is correct when it overlaps a gold span of the same category (precision), and a
 * gold span is found when a predicted span of the same category overlaps it (recall). Only AFFIRMED
 * predictions take part (the caller passes those). Note-level accuracy: a note is positive when it
 * has at least one gold span, predicted positive when it has at least one predicted span.
 */
public final class SpanMetrics {

    /** Counts of one category (or of all, for micro). */
    public static final class Counts {
        public long gold;
        public long predicted;
        /** Gold spans overlapped by a prediction of the same category. */
        public long goldFound;
        /** Predictions overlapping a gold span of the same category. */
        public long predictedCorrect;

        public double precision() {
            return predicted == 0 ? 0 : predictedCorrect / (double) predicted;
        }

        public double recall() {
            return gold == 0 ? 0 : goldFound / (double) gold;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        void add(Counts o) {
            gold += o.gold;
            predicted += o.predicted;
            goldFound += o.goldFound;
            predictedCorrect += o.predictedCorrect;
        }
    }

    private final Map<Category, Counts> byCategory = new EnumMap<>(Category.class);
    private final Counts micro = new Counts();
    private long notes;
    private long notesCorrect;

    public SpanMetrics() {
        for (Category c : Category.values()) {
            byCategory.put(c, new Counts());
        }
    }

    public static SpanMetrics of(List<EvalNote> notes) {
        SpanMetrics m = new SpanMetrics();
        notes.forEach(m::add);
        return m;
    }

    public void add(EvalNote note) {
        for (Category c : Category.values()) {
            Counts k = new Counts();
            List<Span> gold = note.gold().stream().filter(s -> s.category() == c).toList();
            List<Span> pred = note.predicted().stream().filter(s -> s.category() == c).toList();
            k.gold = gold.size();
            k.predicted = pred.size();
            k.goldFound = gold.stream().filter(g -> pred.stream().anyMatch(g::overlaps)).count();
            k.predictedCorrect = pred.stream().filter(p -> gold.stream().anyMatch(p::overlaps)).count();
            byCategory.get(c).add(k);
            micro.add(k);
        }
        notes++;
        if (note.gold().isEmpty() == note.predicted().isEmpty()) {
            notesCorrect++;
        }
    }

    public Counts category(Category c) {
        return byCategory.get(c);
    }

    public Counts micro() {
        return micro;
    }

    public long notes() {
        return notes;
    }

    public double noteAccuracy() {
        return notes == 0 ? 0 : notesCorrect / (double) notes;
    }

    /** A fixed-width table. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-22s %6s %6s %9s %7s %6s%n", "category", "gold", "pred", "precision",
                "recall", "F1"));
        for (Category c : Category.values()) {
            row(sb, c.name(), byCategory.get(c));
        }
        row(sb, "micro", micro);
        sb.append(String.format(Locale.ROOT, "%nnote-level accuracy (any flag): %.3f over %d notes%n", noteAccuracy(),
                notes));
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, Counts k) {
        sb.append(String.format(Locale.ROOT, "%-22s %6d %6d %9.3f %7.3f %6.3f%n", name, k.gold, k.predicted,
                k.precision(), k.recall(), k.f1()));
    }

    /** The metrics as a JSON-ready map. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("notes", notes);
        out.put("noteAccuracy", noteAccuracy());
        Map<String, Object> cats = new java.util.LinkedHashMap<>();
        for (Category c : Category.values()) {
            cats.put(c.name(), counts(byCategory.get(c)));
        }
        out.put("categories", cats);
        out.put("micro", counts(micro));
        return out;
    }

    private static Map<String, Object> counts(Counts k) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("gold", k.gold);
        m.put("predicted", k.predicted);
        m.put("goldFound", k.goldFound);
        m.put("predictedCorrect", k.predictedCorrect);
        m.put("precision", k.precision());
        m.put("recall", k.recall());
        m.put("f1", k.f1());
        return m;
    }
}
