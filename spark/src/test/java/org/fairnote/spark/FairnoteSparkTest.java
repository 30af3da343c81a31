package org.fairnote.spark;

import static org.fairnote.spark.SparkTestSupport.dataset;
import static org.fairnote.spark.SparkTestSupport.expected;
import static org.fairnote.spark.SparkTestSupport.lines;
import static org.fairnote.spark.SparkTestSupport.options;
import static org.fairnote.spark.SparkTestSupport.screener;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairnote.Category;
import org.fairnote.Screening;
import org.fairnote.spark.SparkTestSupport.Note;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FairnoteSparkTest {

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkTestSupport.startSession("FairnoteSparkTest");
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void sessionIsLocalOnLoopbackWithoutUi() {
        assertEquals("local[2]", spark.sparkContext().master());
        assertEquals("127.0.0.1", spark.conf().get("spark.driver.bindAddress"));
        assertEquals("false", spark.conf().get("spark.ui.enabled"));
        assertTrue(spark.sparkContext().uiWebUrl().isEmpty());
        assertTrue(spark.conf().get("spark.local.dir").contains("target"), spark.conf().get("spark.local.dir"));
    }

    @Test
    void inventedAndExampleNotesEqualTheScreener() {
        List<Note> notes = new ArrayList<>(SparkTestSupport.inventedNotes());
        notes.addAll(SparkTestSupport.exampleNotes());
        List<String> want = expected(notes, true);
        assertFalse(want.isEmpty(), "the notes should produce findings");
        List<Row> got = FairnoteSpark.screen(dataset(spark, notes, 3), "id", "text", options()).collectAsList();
        assertEquals(want, lines(got, true));
        // Every assertion comes through, not only flags.
        assertTrue(got.stream().anyMatch(r -> !"AFFIRMED".equals(r.getAs("assertion"))));
    }

    @Test
    void generatedCorpusEqualsTheScreenerAndBuildsOneScreenerPerJvm() {
        List<Note> notes = SparkTestSupport.generatedCorpus(3000, SparkTestSupport.seed());
        List<String> want = expected(notes, true);
        assertTrue(want.size() > 1000, "generated corpus should be rich in findings: " + want.size());
        Dataset<Row> findings = FairnoteSpark.screen(dataset(spark, notes, 6), "id", "text", options());
        assertEquals(want, lines(findings.collectAsList(), true));
        // Six partitions on two executor threads in one JVM: the screener was built once.
        assertEquals(1, ScreenerHolder.builds(SparkTestSupport.screenerFactory().key()));
    }

    @Test
    void findingColumnsAndTypes() {
        Dataset<Row> findings = FairnoteSpark.screen(dataset(spark, SparkTestSupport.inventedNotes(), 2), "id",
                "text", options());
        assertEquals(List.of("id", "start", "end", "category", "assertion", "severity", "confidence", "ruleId",
                "source", "text", "error"), Arrays.asList(findings.columns()));
        StructType s = findings.schema();
        assertEquals(DataTypes.IntegerType, s.apply("start").dataType());
        assertEquals(DataTypes.DoubleType, s.apply("confidence").dataType());
        for (Row r : findings.collectAsList()) {
            assertNull(r.getAs("error"));
            Category.parse(r.getAs("category"));
            org.fairnote.Source.valueOf(r.getAs("source")); // LEXICON or MODEL: the default screener has the model
        }
    }

    @Test
    void redactedAndFlagsOnly() {
        List<Note> notes = SparkTestSupport.inventedNotes();
        Dataset<Row> findings = FairnoteSpark.screen(dataset(spark, notes, 2), "id", "text",
                options().withRedactText(true).withFlagsOnly(true));
        assertFalse(Arrays.asList(findings.columns()).contains("text"));
        List<String> want = new ArrayList<>();
        for (String l : expected(notes, false)) {
            if (l.contains("|AFFIRMED|")) {
                want.add(l);
            }
        }
        assertEquals(want, lines(findings.collectAsList(), false));
    }

    @Test
    void badRowsBecomeErrorRows() {
        List<Note> notes = new ArrayList<>(SparkTestSupport.inventedNotes().subList(0, 4));
        notes.add(new Note("null-text", null));
        notes.add(new Note("empty-text", ""));
        notes.add(new Note(null, "Do not convey to ED."));
        List<Row> rows = FairnoteSpark.screen(dataset(spark, notes, 3), "id", "text", options()).collectAsList();
        Map<String, String> errors = new HashMap<>();
        for (Row r : rows) {
            if (!r.isNullAt(r.fieldIndex("error"))) {
                errors.put(r.getAs("id"), r.getAs("error"));
                assertTrue(r.isNullAt(r.fieldIndex("start")));
                assertTrue(r.isNullAt(r.fieldIndex("category")));
            }
        }
        assertEquals(Map.of("null-text", "text is null", "empty-text", "text is empty"), errors);
        assertEquals(expected(notes, true), lines(rows, true));
    }

    @Test
    void nonStringTextColumnGivesErrorRowsAndKeepsIdType() {
        StructType schema = DataTypes.createStructType(List.of(
                DataTypes.createStructField("note_id", DataTypes.LongType, true),
                DataTypes.createStructField("body", DataTypes.IntegerType, true)));
        Dataset<Row> notes = spark.createDataFrame(List.of(RowFactory.create(1L, 42), RowFactory.create(2L, null)),
                schema);
        List<Row> rows = FairnoteSpark.screen(notes, "note_id", "body", options()).collectAsList();
        assertEquals(DataTypes.LongType, FairnoteSpark.screen(notes, "note_id", "body", options()).schema()
                .apply("id").dataType());
        assertEquals(2, rows.size());
        Map<Long, String> errors = new HashMap<>();
        rows.forEach(r -> errors.put(r.getAs("id"), r.getAs("error")));
        assertEquals("text column 'body' is of type int, not string", errors.get(1L));
        assertEquals("text is null", errors.get(2L));

        List<Row> summary = FairnoteSpark.summarise(notes, "note_id", "body", options()).collectAsList();
        assertEquals(2, summary.size());
        summary.forEach(r -> assertTrue(r.isNullAt(r.fieldIndex("flags"))));
    }

    @Test
    void missingColumnIsRejectedAtOnce() {
        Dataset<Row> notes = dataset(spark, SparkTestSupport.inventedNotes(), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FairnoteSpark.screen(notes, "id", "note_text", options()));
        assertTrue(e.getMessage().contains("note_text"), e.getMessage());
    }

    @Test
    void summaryHasOneRowPerNoteMatchingTheScreener() {
        List<Note> notes = new ArrayList<>(SparkTestSupport.inventedNotes());
        notes.addAll(SparkTestSupport.generatedCorpus(300, SparkTestSupport.seed() + 1));
        notes.add(new Note("null-text", null));
        notes.add(new Note("empty-text", ""));
        List<Row> rows = FairnoteSpark.summarise(dataset(spark, notes, 4), "id", "text", options()).collectAsList();
        assertEquals(notes.size(), rows.size());
        Map<String, Row> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.getAs("id"), r));
        for (Note n : notes) {
            Row r = byId.get(n.id());
            if (n.text() == null || n.text().isEmpty()) {
                assertEquals(n.text() == null ? "text is null" : "text is empty", r.getAs("error"));
                assertTrue(r.isNullAt(r.fieldIndex("flags")));
                continue;
            }
            Screening s = screener().screen(n.text());
            assertNull(r.getAs("error"), n.id());
            assertEquals(n.text().length(), (int) r.getAs("textLength"));
            assertEquals(s.findings().size(), (int) r.getAs("findings"), n.id());
            assertEquals(s.flags().size(), (int) r.getAs("flags"), n.id());
            for (Category c : Category.values()) {
                assertEquals(s.flagCounts().get(c), r.<Integer>getAs(c.name()), n.id() + " " + c);
            }
            assertEquals(s.highestSeverity().map(Enum::name).orElse(null), r.getAs("highestSeverity"), n.id());
        }
    }
}
