package org.fairnote.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fairnote.spark.SparkTestSupport.Note;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job end to end: files in, Spark output folders out, compared with the Screener. */
class SparkScanJobTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SparkTestSupport.startSession("SparkScanJobTest");
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SparkScanJob.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), SparkTestSupport.screenerFactory());
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<Note> notes() {
        List<Note> notes = new ArrayList<>(SparkTestSupport.inventedNotes());
        notes.addAll(SparkTestSupport.generatedCorpus(400, SparkTestSupport.seed() + 2));
        return notes;
    }

    private Path writeJsonl(List<Note> notes, String... extraLines) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Note n : notes) {
            ObjectNode o = JSON.createObjectNode();
            o.put("id", n.id());
            o.put("text", n.text());
            lines.add(JSON.writeValueAsString(o));
        }
        lines.addAll(List.of(extraLines));
        Path p = dir.resolve("notes.jsonl");
        Files.write(p, lines, StandardCharsets.UTF_8);
        return p;
    }

    /** Reads every part file of a Spark JSON output folder. */
    private static List<JsonNode> readJsonFolder(Path folder) throws IOException {
        assertTrue(Files.exists(folder.resolve("_SUCCESS")), "no _SUCCESS in " + folder);
        List<JsonNode> rows = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith("part-"))
                    .sorted(Comparator.naturalOrder()).toList()) {
                for (String l : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                    if (!l.isBlank()) {
                        rows.add(JSON.readTree(l));
                    }
                }
            }
        }
        return rows;
    }

    @Test
    void jsonlInJsonlOutEqualsTheScreener() throws IOException {
        List<Note> notes = notes();
        Path in = writeJsonl(notes, "{\"id\":\"no-text\"}", "{\"id\":\"empty\",\"text\":\"\"}", "not json at all");
        Path out = dir.resolve("findings.jsonl");
        Path summary = dir.resolve("summary.jsonl");
        Result r = run("--input", in.toString(), "--output", out.toString(), "--summary", summary.toString(),
                "--master", "local[2]", "--partitions", "3");
        assertEquals(0, r.code(), r.err());

        List<String> got = new ArrayList<>();
        Map<String, String> errors = new HashMap<>();
        for (JsonNode n : readJsonFolder(out)) {
            if (n.has("error")) {
                errors.put(n.path("id").isNull() || n.path("id").isMissingNode() ? "<null>" : n.get("id").asText(),
                        n.get("error").asText());
                continue;
            }
            // One object per finding with the Finding field names of FairnoteJson.
            assertEquals(List.of("id", "start", "end", "category", "assertion", "severity", "confidence", "ruleId",
                    "source", "text"), iterable(n));
            got.add(SparkTestSupport.line(n.get("id").asText(), n.get("start").asInt(), n.get("end").asInt(),
                    n.get("category").asText(), n.get("assertion").asText(), n.get("severity").asText(),
                    n.get("confidence").asDouble(), n.get("ruleId").asText(), n.get("source").asText(),
                    n.get("text").asText()));
        }
        got.sort(Comparator.naturalOrder());
        assertEquals(SparkTestSupport.expected(notes, true), got);
        // The malformed line has no id; rows without text are errors, not failures.
        assertEquals(Map.of("no-text", "text is null", "empty", "text is empty", "<null>", "text is null"), errors);

        List<JsonNode> perNote = readJsonFolder(summary);
        assertEquals(notes.size() + 3, perNote.size());
    }

    private static List<String> iterable(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void csvInParquetOutEqualsTheScreener() throws IOException {
        List<Note> notes = notes();
        StringBuilder csv = new StringBuilder("id,text\n");
        for (Note n : notes) {
            csv.append(n.id()).append(",\"").append(n.text().replace("\"", "\"\"")).append("\"\n");
        }
        Path in = dir.resolve("notes.csv");
        Files.writeString(in, csv, StandardCharsets.UTF_8);
        Path out = dir.resolve("findings.parquet");
        Result r = run("--input", in.toString(), "--output", out.toString(), "--coalesce", "1");
        assertEquals(0, r.code(), r.err());
        List<Row> rows = spark.read().parquet(out.toString()).collectAsList();
        assertEquals(SparkTestSupport.expected(notes, true), SparkTestSupport.lines(rows, true));
    }

    @Test
    void parquetInWithOtherColumnNames() throws IOException {
        List<Note> notes = SparkTestSupport.inventedNotes();
        Path in = dir.resolve("notes.parquet");
        SparkTestSupport.dataset(spark, notes, 2).withColumnRenamed("id", "note_id")
                .withColumnRenamed("text", "body").write().parquet(in.toString());
        Path out = dir.resolve("out.jsonl");
        Result r = run("--input", in.toString(), "--output", out.toString(), "--id-column", "note_id",
                "--text-column", "body", "--redact-text", "--flags-only");
        assertEquals(0, r.code(), r.err());
        List<JsonNode> rows = readJsonFolder(out);
        assertTrue(!rows.isEmpty());
        for (JsonNode n : rows) {
            assertTrue(!n.has("text") && "AFFIRMED".equals(n.get("assertion").asText()), n.toString());
        }
        long affirmed = SparkTestSupport.expected(notes, false).stream().filter(l -> l.contains("|AFFIRMED|")).count();
        assertEquals(affirmed, rows.size());
        // Existing output is kept unless --overwrite.
        Result exists = run("--input", in.toString(), "--output", out.toString(), "--id-column", "note_id",
                "--text-column", "body");
        assertEquals(2, exists.code());
        assertTrue(exists.err().contains("--overwrite"), exists.err());
        assertEquals(0, run("--input", in.toString(), "--output", out.toString(), "--id-column", "note_id",
                "--text-column", "body", "--overwrite").code());
    }

    @Test
    void badArgumentsExitTwo() {
        assertEquals(2, run("--output", "x.jsonl").code());
        assertEquals(2, run("--input", "missing.jsonl", "--output", "x.jsonl").code());
        assertEquals(2, run("--input", "pom.xml", "--output", "x.jsonl").code());
        assertEquals(2, run("--input", "pom.xml", "--input-format", "csv", "--output", "x.txt").code());
        assertEquals(2, run("--bogus").code());
        assertEquals(0, run("--help").code());
    }

    @Test
    void missingColumnExitsTwo() throws IOException {
        Path in = writeJsonl(SparkTestSupport.inventedNotes());
        Result r = run("--input", in.toString(), "--output", dir.resolve("o.jsonl").toString(), "--text-column",
                "body");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("body"), r.err());
    }
}
