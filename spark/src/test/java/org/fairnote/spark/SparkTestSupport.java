package org.fairnote.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairnote.Finding;
import org.fairnote.Screener;
import org.fairnote.lexicons.BundledLexicons;
import org.fairnote.lexicons.LexiconReader;

/** Shared helpers of the Spark tests: a local[2] session, the screener, the corpora. */
final class SparkTestSupport {

    /** A note with a string id. */
    record Note(String id, String text) {
    }

    private static final List<String> TEST_LEXICONS = List.of("test-police.json", "test-sanction.json",
            "test-withholding.json", "test-stigmatising.json", "test-credibility.json");

    private static volatile ScreenerFactory factory;

    private SparkTestSupport() {
    }

    /** A local[2] session bound to loopback, UI off, scratch under target/. One per test class. */
    static SparkSession startSession(String appName) {
        return SparkScanJob.session("local[2]", appName);
    }

    /**
     * The screener the tests compare against: {@link Screener#createDefault()} when the bundled
     * lexicons load, else a builder with small test lexicons plus the bundled context rules and
     * sections (while the bundled lexicon files are still being written).
     */
    static ScreenerFactory screenerFactory() {
        if (factory == null) {
            synchronized (SparkTestSupport.class) {
                if (factory == null) {
                    factory = chooseFactory();
                }
            }
        }
        return factory;
    }

    private static ScreenerFactory chooseFactory() {
        try {
            Screener.createDefault();
            return ScreenerFactory.defaults();
        } catch (RuntimeException | LinkageError e) {
            // Only while a bundled lexicon file is not written yet; any other failure fails the tests.
            if (!missingBundledFile(e)) {
                throw e;
            }
            System.err.println("[fairnote-spark tests] a bundled lexicon file is missing (" + rootMessage(e)
                    + "); comparing against the test lexicons instead of Screener.createDefault()");
            return ScreenerFactory.of("fairnote-spark-test-lexicons", SparkTestSupport::testScreener);
        }
    }

    private static boolean missingBundledFile(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("bundled resource missing")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    static Screener screener() {
        return ScreenerHolder.get(screenerFactory());
    }

    static Screener testScreener() {
        Screener.Builder b = Screener.builder();
        for (String f : TEST_LEXICONS) {
            try (InputStream in = SparkTestSupport.class.getResourceAsStream(f)) {
                b.addLexicon(LexiconReader.readLexicon(in, f));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return BundledLexicons.addContext(b).build();
    }

    static ScreenOptions options() {
        return ScreenOptions.defaults().withScreener(screenerFactory());
    }

    static StructType noteSchema() {
        return DataTypes.createStructType(List.of(
                DataTypes.createStructField("id", DataTypes.StringType, true),
                DataTypes.createStructField("text", DataTypes.StringType, true)));
    }

    static Dataset<Row> dataset(SparkSession spark, List<Note> notes, int partitions) {
        List<Row> rows = new ArrayList<>();
        for (Note n : notes) {
            rows.add(RowFactory.create(n.id(), n.text()));
        }
        return spark.createDataFrame(rows, noteSchema()).repartition(partitions);
    }

    /** One line per finding, as Screener.screen gives it, sorted. */
    static List<String> expected(List<Note> notes, boolean withText) {
        Screener s = screener();
        List<String> out = new ArrayList<>();
        for (Note n : notes) {
            if (n.text() == null || n.text().isEmpty()) {
                continue;
            }
            for (Finding f : s.screen(n.text()).findings()) {
                out.add(line(n.id(), f.start(), f.end(), f.category().name(), f.assertion().name(),
                        f.severity().name(), f.confidence(), f.ruleId(), f.source().name(),
                        withText ? f.text() : null));
            }
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    /** The same lines from finding rows of FairnoteSpark.screen (error rows left out), sorted. */
    static List<String> lines(List<Row> rows, boolean withText) {
        List<String> out = new ArrayList<>();
        for (Row r : rows) {
            if (r.isNullAt(r.fieldIndex("error"))) {
                out.add(line(String.valueOf(r.<Object>getAs("id")), r.getAs("start"), r.getAs("end"),
                        r.getAs("category"), r.getAs("assertion"), r.getAs("severity"), r.getAs("confidence"),
                        r.getAs("ruleId"), r.getAs("source"), withText ? r.getAs("text") : null));
            }
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    static String line(String id, int start, int end, String category, String assertion, String severity,
            double confidence, String ruleId, String source, String text) {
        return id + "|" + start + "|" + end + "|" + category + "|" + assertion + "|" + severity + "|" + confidence
                + "|" + ruleId + "|" + source + (text == null ? "" : "|" + text);
    }

    /** Invented notes covering every category, each assertion, headings, CRLF and non-BMP chars. */
    static List<Note> inventedNotes() {
        List<String> texts = List.of(
                "Crisis plan.\nDo not convey to ED. Staff feel she is attention-seeking at night.",
                "She is not attention-seeking; she was frightened and asked for help.",
                "She said staff called her manipulative and a frequent flyer.",
                "Further calls to 999 and she will be arrested. A CBO will be sought.",
                "Previous crisis plan:\nPolice mentor to attend weekly sessions. This ended in 2022.",
                "Claims to have taken 20 tablets; alleges that staff ignored her.",
                "Mood low. Sleeping poorly. Walks the dog daily. No concerns about medication.",
                "Risk:\r\nNon-compliant with depot. There is a planned non-response to calls.\r\nReview in 4 weeks.",
                "Patient 😀 said the SIM officer 🚓 will review the care plan; she is manipulative.",
                "If she calls again she will be arrested.",
                "Should the police mentor ever be needed, the team will discuss it with her first.",
                "   ",
                "Ms Zoë Ørsted (née Łukasz) – attention seeker? No evidence of attention-seeking today.",
                "CPA care plan – Mr B, 52\nDiagnosis: recurrent depressive disorder.\nNeed 1: Mood.");
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            notes.add(new Note("inv-" + i, texts.get(i)));
        }
        return notes;
    }

    /**
     * Notes under examples/notes (when the folder exists and has any): each .txt or .md file is one
     * note with its file name as id; each .jsonl line with "id" and "text" is one note.
     */
    static List<Note> exampleNotes() {
        Path dir = Path.of(System.getProperty("fairnote.examples", "../examples/notes"));
        List<Note> notes = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return notes;
        }
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".txt") || name.endsWith(".md")) {
                    notes.add(new Note(dir.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8)));
                } else if (name.endsWith(".jsonl")) {
                    int k = 0;
                    for (String l : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                        k++;
                        if (l.isBlank()) {
                            continue;
                        }
                        com.fasterxml.jackson.databind.JsonNode n = mapper.readTree(l);
                        if (n.path("text").isTextual()) {
                            String id = n.hasNonNull("id") ? n.get("id").asText() : name + ":" + k;
                            notes.add(new Note(name + "/" + id, n.get("text").asText()));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return notes;
    }

    private static final String[] FLAGGED = {
        "Staff feel she is attention-seeking.", "He is manipulative towards staff.", "Known frequent flyer to ED.",
        "Non-compliant with medication.", "Further calls and she will be arrested.", "A CBO will be sought.",
        "Do not convey to ED.", "There is a planned non-response to calls.", "She claims to have taken 20 tablets.",
        "He alleges that he was assaulted.", "The police mentor will attend her CPA review.",
        "The SIM officer will co-facilitate sessions.", "She is a time waster.", "No MH assessment to be offered.",
        "Community protection notice to be served.", "Care will be withdrawn if she calls again.",
        "She was described as 'manipulative' by the ward.", "Seen as a frequent attender.",
    };
    private static final String[] CONTEXT = {
        "", "", "", "She is not ", "No evidence that ", "She said staff think ", "If needed, ",
        "Previously, ", "Her mother reports that ", "There is no suggestion that ",
    };
    private static final String[] NEUTRAL = {
        "Mood low but reactive.", "Sleeping 5 hours a night.", "Attends the allotment on Saturdays.",
        "Seen at home with her sister.", "Sertraline 100mg OD, reviewed in clinic.", "Denies thoughts of suicide.",
        "Protective factors: her children and her faith.", "Plan agreed with Sam.", "Bloods due in May.",
        "Discussed sleep hygiene.", "Care coordinator to visit fortnightly.", "Likes walking the dog 🐕.",
        "Crisis line number given.", "Physical health check booked.", "Reports feeling calmer this week.",
    };
    private static final String[] HEADINGS = {
        "Crisis plan:", "Risk assessment", "Previous crisis plan:", "History:", "Plan:", "What helps:",
    };

    /** A reproducible corpus of {@code n} notes mixing flagged, contextualised and neutral sentences. */
    static List<Note> generatedCorpus(int n, long seed) {
        Random r = new Random(seed);
        List<Note> notes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            int sentences = 2 + r.nextInt(14);
            String nl = r.nextInt(5) == 0 ? "\r\n" : "\n";
            for (int k = 0; k < sentences; k++) {
                int pick = r.nextInt(10);
                if (pick == 0) {
                    sb.append(HEADINGS[r.nextInt(HEADINGS.length)]).append(nl);
                    continue;
                }
                if (pick <= 3) {
                    String flagged = FLAGGED[r.nextInt(FLAGGED.length)];
                    String ctx = CONTEXT[r.nextInt(CONTEXT.length)];
                    sb.append(ctx.isEmpty() ? flagged : ctx + Character.toLowerCase(flagged.charAt(0))
                            + flagged.substring(1));
                } else {
                    sb.append(NEUTRAL[r.nextInt(NEUTRAL.length)]);
                }
                sb.append(r.nextInt(4) == 0 ? nl : " ");
            }
            notes.add(new Note("gen-" + i, sb.toString()));
        }
        return notes;
    }

    static long seed() {
        return Long.getLong("fairnote.seed", 20261122L);
    }
}
