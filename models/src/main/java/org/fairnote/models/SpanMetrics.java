package org.fairnote.models;

import java.util.List;
import java.util.Locale;
import org.fairnote.Category;
import org.fairnote.Finding;

/**
 * Span-level precision and recall per category: a finding is correct when it overlaps a labelled
 * span of the same category; a labelled span is found when a finding of its category overlaps it.
 * Only the findings passed in count (callers pass AFFIRMED flags).
 */
public final class SpanMetrics {
    private static final int N = Category.values().length;
    final int[] predCorrect = new int[N];
    final int[] pred = new int[N];
    final int[] goldFound = new int[N];
    final int[] gold = new int[N];

    public void add(Note note, List<Finding> flags) {
        for (Finding f : flags) {
            int c = f.category().ordinal();
            pred[c]++;
            for (Note.Span s : note.spans()) {
                if (s.category() == f.category() && s.overlaps(f.start(), f.end())) {
                    predCorrect[c]++;
                    break;
                }
            }
        }
        for (Note.Span s : note.spans()) {
            int c = s.category().ordinal();
            gold[c]++;
            for (Finding f : flags) {
                if (s.category() == f.category() && s.overlaps(f.start(), f.end())) {
                    goldFound[c]++;
                    break;
                }
            }
        }
    }

    public void addAll(SpanMetrics o) {
        for (int c = 0; c < N; c++) {
            predCorrect[c] += o.predCorrect[c];
            pred[c] += o.pred[c];
            goldFound[c] += o.goldFound[c];
            gold[c] += o.gold[c];
        }
    }

    public double precision(Category c) {
        return ratio(predCorrect[c.ordinal()], pred[c.ordinal()]);
    }

    public double recall(Category c) {
        return ratio(goldFound[c.ordinal()], gold[c.ordinal()]);
    }

    public double f1(Category c) {
        return f1(precision(c), recall(c));
    }

    public double precision() {
        return ratio(sum(predCorrect), sum(pred));
    }

    public double recall() {
        return ratio(sum(goldFound), sum(gold));
    }

    public double f1() {
        return f1(precision(), recall());
    }

    public int predictions() {
        return sum(pred);
    }

    public int goldSpans() {
        return sum(gold);
    }

    static double f1(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }

    private static int sum(int[] a) {
        int s = 0;
        for (int v : a) {
            s += v;
        }
        return s;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "P %.3f R %.3f F1 %.3f (%d predicted, %d gold)", precision(), recall(),
                f1(), predictions(), goldSpans());
    }
}
