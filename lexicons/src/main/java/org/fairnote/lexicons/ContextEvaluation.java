package org.fairnote.lexicons;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fairnote.Assertion;
import org.fairnote.context.ContextEngine;
import org.fairnote.json.FairnoteJson;

/**
 * Evaluates the bundled context rules, used as a general ConText engine, on the public NegEx/ConText
 * annotated test set (tab-separated: line number, condition, sentence, negation status, temporality,
 * experiencer). Negation is scored against "Negated", historical against "Historical", hypothetical
 * against "Not particular".
 */
public final class ContextEvaluation {

    /** Precision, recall and F1 of one assertion, from its counts. */
    public record Score(int truePositives, int falsePositives, int falseNegatives) {
        public double precision() {
            int d = truePositives + falsePositives;
            return d == 0 ? 0 : (double) truePositives / d;
        }

        public double recall() {
            int d = truePositives + falseNegatives;
            return d == 0 ? 0 : (double) truePositives / d;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /**
     * The evaluation's result.
     *
     * @param negated      negation scores
     * @param historical   historical scores
     * @param hypothetical hypothetical ("Not particular") scores
     * @param sentences    annotated rows read
     * @param unlocated    rows whose target phrase was not found in the sentence (scored as affirmed)
     */
    public record Result(Score negated, Score historical, Score hypothetical, int sentences, int unlocated) {

        public String table() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "%-13s %9s %9s %9s %6s %6s %6s%n", "assertion", "precision", "recall",
                    "f1", "tp", "fp", "fn"));
            row(b, "negated", negated);
            row(b, "historical", historical);
            row(b, "hypothetical", hypothetical);
            b.append(String.format(Locale.ROOT, "%d sentences, %d targets not located%n", sentences, unlocated));
            return b.toString();
        }

        private static void row(StringBuilder b, String name, Score s) {
            b.append(String.format(Locale.ROOT, "%-13s %9.3f %9.3f %9.3f %6d %6d %6d%n", name, s.precision(), s.recall(),
                    s.f1(), s.truePositives(), s.falsePositives(), s.falseNegatives()));
        }

        public String toJson() {
            ObjectNode root = FairnoteJson.mapper().createObjectNode();
            put(root.putObject("negated"), negated);
            put(root.putObject("historical"), historical);
            put(root.putObject("hypothetical"), hypothetical);
            root.put("sentences", sentences);
            root.put("unlocated", unlocated);
            return root.toString();
        }

        private static void put(ObjectNode o, Score s) {
            o.put("precision", round(s.precision()));
            o.put("recall", round(s.recall()));
            o.put("f1", round(s.f1()));
        }

        private static double round(double v) {
            return Math.round(v * 10000) / 10000.0;
        }
    }

    /** One annotated row and what the engine said. */
    public record Row(int line, String condition, String sentence, String gold, String temporality,
            Assertion predicted) {
    }

    private ContextEvaluation() {
    }

    /** Evaluates the bundled context rules on {@code file}. */
    public static Result evaluate(Path file) throws IOException {
        return score(assess(file, new ContextEngine(BundledLexicons.contextRules().rules())));
    }

    /** Every row of the file with the engine's assertion. */
    public static List<Row> assess(Path file, ContextEngine engine) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new IOException(file + ": empty file");
            }
            String line;
            int lineNumber = 1;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length < 5) {
                    throw new IOException(file + ", line " + lineNumber + ": expected at least 5 tab-separated fields, found "
                            + f.length);
                }
                String condition = f[1].trim();
                String sentence = f[2];
                int[] span = locate(sentence, condition);
                Assertion predicted = span == null ? null
                        : engine.assertionOf(sentence, span[0], span[1], null);
                rows.add(new Row(lineNumber, condition, sentence, f[3].trim(), f[4].trim(), predicted));
            }
        }
        return rows;
    }

    static Result score(List<Row> rows) {
        int[] neg = new int[3];
        int[] hist = new int[3];
        int[] hyp = new int[3];
        int unlocated = 0;
        for (Row r : rows) {
            Assertion p = r.predicted() == null ? Assertion.AFFIRMED : r.predicted();
            if (r.predicted() == null) {
                unlocated++;
            }
            count(neg, r.gold().equalsIgnoreCase("Negated"), p == Assertion.NEGATED);
            count(hist, r.temporality().equalsIgnoreCase("Historical"), p == Assertion.HISTORICAL);
            count(hyp, r.temporality().equalsIgnoreCase("Not particular"), p == Assertion.HYPOTHETICAL);
        }
        return new Result(new Score(neg[0], neg[1], neg[2]), new Score(hist[0], hist[1], hist[2]),
                new Score(hyp[0], hyp[1], hyp[2]), rows.size(), unlocated);
    }

    private static void count(int[] c, boolean gold, boolean predicted) {
        if (gold && predicted) {
            c[0]++;
        } else if (predicted) {
            c[1]++;
        } else if (gold) {
            c[2]++;
        }
    }

    /**
     * Finds {@code phrase} in {@code sentence} ignoring case, whitespace runs and punctuation spacing;
     * returns [start, end) in the sentence or null.
     */
    static int[] locate(String sentence, String phrase) {
        StringBuilder norm = new StringBuilder();
        List<Integer> map = new ArrayList<>();
        for (int i = 0; i < sentence.length(); i++) {
            char c = sentence.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                norm.append(Character.toLowerCase(c));
                map.add(i);
            }
        }
        StringBuilder target = new StringBuilder();
        for (int i = 0; i < phrase.length(); i++) {
            char c = phrase.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                target.append(Character.toLowerCase(c));
            }
        }
        if (target.length() == 0) {
            return null;
        }
        int at = norm.indexOf(target.toString());
        if (at < 0) {
            return null;
        }
        return new int[] {map.get(at), map.get(at + target.length() - 1) + 1};
    }
}
