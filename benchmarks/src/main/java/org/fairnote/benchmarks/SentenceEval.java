package org.fairnote.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Function;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.util.Span;
import org.fairnote.text.SentenceSplitter;
import org.fairnote.text.TokenBuffer;
import org.fairnote.text.Tokenizer;

/**
 * Boundary precision, recall and F1 of a sentence splitter on a labelled set of clinical note
 * snippets (format in {@code src/test/resources/org/fairnote/benchmarks/clinical-sentences.txt}).
 * A boundary is the char offset where a sentence other than the first starts (its first non-space
 * char); a predicted boundary counts only at exactly that offset.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar org.fairnote.benchmarks.SentenceEval [FILE]}
 * prints the table for Fairnote's SentenceSplitter and OpenNLP's SentenceDetectorME, and every error.
 */
public final class SentenceEval {

    /** The marker placed before the first char of every sentence but the first. */
    public static final char MARK = '\u00A6';

    public static final String DEFAULT_FILE = "benchmarks/src/test/resources/org/fairnote/benchmarks/clinical-sentences.txt";

    /** One snippet: its text and the gold boundary offsets. */
    public record Snippet(String text, TreeSet<Integer> boundaries) {
    }

    /** The counts and the errors of one splitter. */
    public record Result(String name, int truePositives, int falsePositives, int falseNegatives, List<String> errors) {
        public double precision() {
            return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
        }

        public double recall() {
            return truePositives + falseNegatives == 0 ? 1 : (double) truePositives / (truePositives + falseNegatives);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-40s P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d)", name, precision(),
                    recall(), f1(), truePositives, falsePositives, falseNegatives);
        }
    }

    private SentenceEval() {
    }

    public static List<Snippet> parse(String file) {
        List<Snippet> out = new ArrayList<>();
        String[] parts = file.replace("\r\n", "\n").split("(?m)^%%\\n?");
        for (int i = 1; i < parts.length; i++) {
            String raw = parts[i].endsWith("\n") ? parts[i].substring(0, parts[i].length() - 1) : parts[i];
            if (raw.isBlank()) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            TreeSet<Integer> bounds = new TreeSet<>();
            for (int k = 0; k < raw.length(); k++) {
                char c = raw.charAt(k);
                if (c == MARK) {
                    bounds.add(text.length());
                } else {
                    text.append(c);
                }
            }
            out.add(new Snippet(text.toString(), bounds));
        }
        return out;
    }

    public static List<Snippet> load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Fairnote's splitter: sentence starts are the start offsets of each sentence's first token. */
    public static TreeSet<Integer> fairnote(String text) {
        TokenBuffer tokens = Tokenizer.plain().tokenize(text);
        int[] bounds = new SentenceSplitter().split(text, tokens);
        TreeSet<Integer> out = new TreeSet<>();
        for (int k = 1; k + 1 < bounds.length; k++) {
            out.add(tokens.start(bounds[k]));
        }
        return out;
    }

    /** OpenNLP's SentenceDetectorME with the English model. */
    public static Function<String, TreeSet<Integer>> openNlp() {
        SentenceDetectorME detector = new SentenceDetectorME(OpenNlpSentences.model());
        return text -> {
            Span[] spans = detector.sentPosDetect(text);
            TreeSet<Integer> out = new TreeSet<>();
            for (int k = 1; k < spans.length; k++) {
                int s = spans[k].getStart();
                while (s < text.length() && Character.isWhitespace(text.charAt(s))) {
                    s++;
                }
                out.add(s);
            }
            return out;
        };
    }

    public static Result evaluate(String name, List<Snippet> snippets, Function<String, TreeSet<Integer>> splitter) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < snippets.size(); i++) {
            Snippet s = snippets.get(i);
            TreeSet<Integer> predicted = splitter.apply(s.text());
            for (int b : predicted) {
                if (s.boundaries().contains(b)) {
                    tp++;
                } else {
                    fp++;
                    errors.add("snippet " + (i + 1) + ": spurious split  " + context(s.text(), b));
                }
            }
            for (int b : s.boundaries()) {
                if (!predicted.contains(b)) {
                    fn++;
                    errors.add("snippet " + (i + 1) + ": missed boundary " + context(s.text(), b));
                }
            }
        }
        return new Result(name, tp, fp, fn, errors);
    }

    /** The text around an offset, with the offset shown as " || ", newlines as "\\n". */
    static String context(String text, int at) {
        String before = text.substring(Math.max(0, at - 35), at);
        String after = text.substring(at, Math.min(text.length(), at + 35));
        return ("\"" + before + " || " + after + "\"").replace("\n", "\\n");
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : DEFAULT_FILE);
        List<Snippet> snippets = load(file);
        int gold = snippets.stream().mapToInt(s -> s.boundaries().size()).sum();
        System.out.println(snippets.size() + " snippets, " + gold + " gold boundaries, from " + file);
        Result ours = evaluate("Fairnote SentenceSplitter", snippets, SentenceEval::fairnote);
        Result nlp = evaluate("OpenNLP SentenceDetectorME (en 1.3)", snippets, openNlp());
        System.out.println(ours);
        System.out.println(nlp);
        for (Result r : List.of(ours, nlp)) {
            System.out.println();
            System.out.println("Errors of " + r.name() + ":");
            r.errors().forEach(e -> System.out.println("  " + e));
        }
    }
}
