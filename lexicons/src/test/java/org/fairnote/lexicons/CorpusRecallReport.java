package org.fairnote.lexicons;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.fairnote.Category;
import org.fairnote.Finding;
import org.fairnote.Screener;
import org.junit.jupiter.api.Test;

/**
 * On-demand report of the lexicon-only screener (bundled lexicons, context rules and sections, no
 * model) on the TRAINING notes of {@code models/corpus}: span-level precision and recall per
 * category (as in {@code models/EvaluateModel}: a flag is correct when it overlaps a labelled span
 * of its category; a labelled span is found when a flag of its category overlaps it), every missed
 * labelled span with whatever non-affirmed or other-category finding overlaps it, and every false
 * flag with its rule id. The test split's notes are skipped unread.
 *
 * <p>Run with {@code mvn -B -q -pl lexicons -am test -Dtest=CorpusRecallReport -Dsurefire.failIfNoSpecifiedTests=false
 * -Dfairnote.report=true}; the report goes to {@code lexicons/target/corpus-report.txt} and the summary to
 * stdout. Or run {@link #main} with the lexicon resources on the class path (args: corpus dir, out file).
 */
class CorpusRecallReport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void report() throws IOException {
        assumeTrue(Boolean.getBoolean("fairnote.report"), "set -Dfairnote.report=true to write the corpus report");
        Path corpus = Path.of(System.getProperty("fairnote.corpus", "../models/corpus"));
        run(corpus, Path.of("target/corpus-report.txt"), System.out);
    }

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args.length > 0 ? args[0] : "models/corpus");
        Path out = Path.of(args.length > 1 ? args[1] : "lexicons/target/corpus-report.txt");
        run(corpus, out, System.out);
    }

    static Screener lexiconOnly() {
        return BundledLexicons.addContext(Screener.builder()).addLexicons(BundledLexicons.lexicons()).build();
    }

    record Span(int start, int end, Category category) {
        boolean overlaps(Finding f) {
            return start < f.end() && f.start() < end;
        }
    }

    record Note(String id, String text, List<Span> spans) {
    }

    static List<Note> trainNotes(Path corpus) throws IOException {
        Set<String> test = new HashSet<>();
        for (JsonNode id : MAPPER.readTree(corpus.resolve("split.json").toFile()).get("test")) {
            test.add(id.asText());
        }
        List<Note> notes = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(corpus, "notes-*.jsonl")) {
            ds.forEach(files::add);
        }
        files.sort(null);
        for (Path f : files) {
            try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode n = MAPPER.readTree(line);
                    String id = n.get("id").asText();
                    if (test.contains(id)) {
                        continue; // held-out: never read further
                    }
                    List<Span> spans = new ArrayList<>();
                    for (JsonNode s : n.path("spans")) {
                        spans.add(new Span(s.get("start").asInt(), s.get("end").asInt(),
                                Category.valueOf(s.get("category").asText())));
                    }
                    notes.add(new Note(id, n.get("text").asText(), spans));
                }
            }
        }
        return notes;
    }

    static void run(Path corpus, Path out, PrintStream summary) throws IOException {
        Screener screener = lexiconOnly();
        List<Note> notes = trainNotes(corpus);
        Map<Category, int[]> counts = new EnumMap<>(Category.class); // predCorrect, pred, goldFound, gold
        Map<Category, List<String>> misses = new EnumMap<>(Category.class);
        Map<Category, List<String>> falseFlags = new EnumMap<>(Category.class);
        Map<String, int[]> byRule = new TreeMap<>(); // rule -> correct, wrong
        for (Category c : Category.values()) {
            counts.put(c, new int[4]);
            misses.put(c, new ArrayList<>());
            falseFlags.put(c, new ArrayList<>());
        }
        for (Note note : notes) {
            List<Finding> all = screener.screen(note.text()).findings();
            List<Finding> flags = all.stream().filter(Finding::isFlag).toList();
            for (Finding f : flags) {
                int[] k = counts.get(f.category());
                k[1]++;
                boolean ok = note.spans().stream().anyMatch(s -> s.category() == f.category() && s.overlaps(f));
                int[] r = byRule.computeIfAbsent(f.ruleId(), x -> new int[2]);
                if (ok) {
                    k[0]++;
                    r[0]++;
                } else {
                    r[1]++;
                    falseFlags.get(f.category()).add(note.id() + " [" + f.ruleId() + "] \"" + f.text() + "\"  in: "
                            + sentence(note.text(), f.start(), f.end()));
                }
            }
            for (Span s : note.spans()) {
                int[] k = counts.get(s.category());
                k[3]++;
                boolean found = flags.stream().anyMatch(f -> f.category() == s.category() && s.overlaps(f));
                if (found) {
                    k[2]++;
                } else {
                    StringBuilder why = new StringBuilder();
                    for (Finding f : all) {
                        if (s.overlaps(f)) {
                            why.append(" {").append(f.category()).append('/').append(f.assertion()).append(' ')
                                    .append(f.ruleId()).append('}');
                        }
                    }
                    misses.get(s.category()).add(note.id() + " \"" + note.text().substring(s.start(), s.end())
                            + "\"" + why + "  in: " + sentence(note.text(), s.start(), s.end()));
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(table(counts, notes.size()));
        for (Category c : Category.values()) {
            sb.append("\n== MISSED ").append(c).append(" (").append(misses.get(c).size()).append(")\n");
            misses.get(c).forEach(m -> sb.append(m).append('\n'));
        }
        for (Category c : Category.values()) {
            sb.append("\n== FALSE FLAGS ").append(c).append(" (").append(falseFlags.get(c).size()).append(")\n");
            falseFlags.get(c).forEach(m -> sb.append(m).append('\n'));
        }
        sb.append("\n== RULES (correct/wrong)\n");
        byRule.forEach((r, k) -> sb.append(String.format(Locale.ROOT, "%-45s %3d %3d%n", r, k[0], k[1])));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, sb.toString(), StandardCharsets.UTF_8);
        summary.print(table(counts, notes.size()));
        summary.println("report: " + out.toAbsolutePath());
    }

    static String table(Map<Category, int[]> counts, int notes) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Lexicon-only on %d training notes%n", notes));
        sb.append(String.format(Locale.ROOT, "%-24s %6s %6s %6s %6s %6s%n", "category", "P", "R", "F1", "flags",
                "spans"));
        int[] tot = new int[4];
        for (Map.Entry<Category, int[]> e : counts.entrySet()) {
            int[] k = e.getValue();
            for (int i = 0; i < 4; i++) {
                tot[i] += k[i];
            }
            sb.append(row(e.getKey().name(), k));
        }
        sb.append(row("micro", tot));
        return sb.toString();
    }

    private static String row(String name, int[] k) {
        double p = k[1] == 0 ? 0 : (double) k[0] / k[1];
        double r = k[3] == 0 ? 0 : (double) k[2] / k[3];
        double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return String.format(Locale.ROOT, "%-24s %6.3f %6.3f %6.3f %6d %6d%n", name, p, r, f, k[1], k[3]);
    }

    private static String sentence(String text, int start, int end) {
        int a = start;
        while (a > 0 && text.charAt(a - 1) != '\n' && !(a >= 2 && ".!?".indexOf(text.charAt(a - 2)) >= 0
                && text.charAt(a - 1) == ' ')) {
            a--;
        }
        int b = end;
        while (b < text.length() && text.charAt(b) != '\n' && ".!?".indexOf(text.charAt(b)) < 0) {
            b++;
        }
        if (b < text.length() && text.charAt(b) != '\n') {
            b++;
        }
        return text.substring(a, b).strip();
    }
}
