package org.fairnote.spark;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.fairnote.Category;
import org.fairnote.Finding;
import org.fairnote.Screener;
import org.fairnote.Screening;

/**
 * Screens a Spark {@link Dataset} of notes with Fairnote.
 *
 * <p>Each partition is screened with {@code mapPartitions}; the {@link Screener} is built once per
 * executor JVM, lazily, by {@link ScreenerHolder} (only the small {@link ScreenerFactory} travels with
 * the task). A note that cannot be screened (null or empty text, a text column that is not a string,
 * an unexpected error) becomes an error row; it never fails the job.
 *
 * <pre>{@code
 * Dataset<Row> notes = spark.read().parquet("notes.parquet");
 * Dataset<Row> findings = FairnoteSpark.screen(notes, "note_id", "note_text");
 * findings.filter("assertion = 'AFFIRMED'").write().parquet("findings.parquet");
 * Dataset<Row> perNote = FairnoteSpark.summarise(notes, "note_id", "note_text");
 * }</pre>
 */
public final class FairnoteSpark {

    /** Output column names of {@link #screen}. */
    public static final String ID = "id";
    public static final String START = "start";
    public static final String END = "end";
    public static final String CATEGORY = "category";
    public static final String ASSERTION = "assertion";
    public static final String SEVERITY = "severity";
    public static final String CONFIDENCE = "confidence";
    public static final String RULE_ID = "ruleId";
    public static final String SOURCE = "source";
    public static final String TEXT = "text";
    public static final String ERROR = "error";

    /** Output column names of {@link #summarise} besides id, one count column per {@link Category} name, and error. */
    public static final String TEXT_LENGTH = "textLength";
    public static final String FINDINGS = "findings";
    public static final String FLAGS = "flags";
    public static final String HIGHEST_SEVERITY = "highestSeverity";

    private FairnoteSpark() {
    }

    /** {@link #screen(Dataset, String, String, ScreenOptions)} with {@link ScreenOptions#defaults()}. */
    public static Dataset<Row> screen(Dataset<Row> notes, String idColumn, String textColumn) {
        return screen(notes, idColumn, textColumn, ScreenOptions.defaults());
    }

    /**
     * One row per finding: {@code id, start, end, category, assertion, severity, confidence, ruleId,
     * source, text, error} ({@code text} left out when {@link ScreenOptions#redactText()}). Findings are
     * exactly those of {@link Screener#screen} (every assertion, unless
     * {@link ScreenOptions#flagsOnly()}), in its order. {@code id} keeps the id column's type. A note
     * that cannot be screened gives one row with its id and {@code error} set, the rest null; on
     * finding rows {@code error} is null. A note without findings gives no row (see
     * {@link #summarise} for one row per note).
     *
     * @throws IllegalArgumentException when a column does not exist
     */
    public static Dataset<Row> screen(Dataset<Row> notes, String idColumn, String textColumn,
            ScreenOptions options) {
        Objects.requireNonNull(options, "options");
        Dataset<Row> input = project(notes, idColumn, textColumn);
        StructType schema = findingSchema(input.schema().apply(0).dataType(), options.redactText());
        return input.mapPartitions(new ScreenPartition(options, textProblem(input, textColumn)),
                Encoders.row(schema));
    }

    /** {@link #summarise(Dataset, String, String, ScreenOptions)} with {@link ScreenOptions#defaults()}. */
    public static Dataset<Row> summarise(Dataset<Row> notes, String idColumn, String textColumn) {
        return summarise(notes, idColumn, textColumn, ScreenOptions.defaults());
    }

    /**
     * One row per note: {@code id, textLength, findings} (all assertions), {@code flags} (affirmed),
     * one column per category named by its id ({@code POLICE_IN_CARE} ...) counting its flags,
     * {@code highestSeverity} among the flags (null when none) and {@code error} (null unless the
     * note could not be screened; then the counts are null).
     *
     * @throws IllegalArgumentException when a column does not exist
     */
    public static Dataset<Row> summarise(Dataset<Row> notes, String idColumn, String textColumn,
            ScreenOptions options) {
        Objects.requireNonNull(options, "options");
        Dataset<Row> input = project(notes, idColumn, textColumn);
        StructType schema = summarySchema(input.schema().apply(0).dataType());
        return input.mapPartitions(new SummarisePartition(options, textProblem(input, textColumn)),
                Encoders.row(schema));
    }

    /** The schema of {@link #screen}'s output for an id column of this type. */
    public static StructType findingSchema(DataType idType, boolean redactText) {
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField(ID, idType, true));
        f.add(DataTypes.createStructField(START, DataTypes.IntegerType, true));
        f.add(DataTypes.createStructField(END, DataTypes.IntegerType, true));
        f.add(DataTypes.createStructField(CATEGORY, DataTypes.StringType, true));
        f.add(DataTypes.createStructField(ASSERTION, DataTypes.StringType, true));
        f.add(DataTypes.createStructField(SEVERITY, DataTypes.StringType, true));
        f.add(DataTypes.createStructField(CONFIDENCE, DataTypes.DoubleType, true));
        f.add(DataTypes.createStructField(RULE_ID, DataTypes.StringType, true));
        f.add(DataTypes.createStructField(SOURCE, DataTypes.StringType, true));
        if (!redactText) {
            f.add(DataTypes.createStructField(TEXT, DataTypes.StringType, true));
        }
        f.add(DataTypes.createStructField(ERROR, DataTypes.StringType, true));
        return DataTypes.createStructType(f);
    }

    /** The schema of {@link #summarise}'s output for an id column of this type. */
    public static StructType summarySchema(DataType idType) {
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField(ID, idType, true));
        f.add(DataTypes.createStructField(TEXT_LENGTH, DataTypes.IntegerType, true));
        f.add(DataTypes.createStructField(FINDINGS, DataTypes.IntegerType, true));
        f.add(DataTypes.createStructField(FLAGS, DataTypes.IntegerType, true));
        for (Category c : Category.values()) {
            f.add(DataTypes.createStructField(c.name(), DataTypes.IntegerType, true));
        }
        f.add(DataTypes.createStructField(HIGHEST_SEVERITY, DataTypes.StringType, true));
        f.add(DataTypes.createStructField(ERROR, DataTypes.StringType, true));
        return DataTypes.createStructType(f);
    }

    private static Dataset<Row> project(Dataset<Row> notes, String idColumn, String textColumn) {
        Objects.requireNonNull(notes, "notes");
        return notes.select(column(notes, idColumn).as(ID), column(notes, textColumn).as(TEXT));
    }

    private static Column column(Dataset<Row> notes, String name) {
        Objects.requireNonNull(name, "column name");
        if (!List.of(notes.columns()).contains(name)) {
            throw new IllegalArgumentException("no column '" + name + "' in " + List.of(notes.columns()));
        }
        return notes.col("`" + name.replace("`", "``") + "`");
    }

    /** Null when the text column is a string; else the error every row gets. */
    private static String textProblem(Dataset<Row> input, String textColumn) {
        DataType t = input.schema().apply(1).dataType();
        return t.equals(DataTypes.StringType) ? null
                : "text column '" + textColumn + "' is of type " + t.simpleString() + ", not string";
    }

    /** Why a note cannot be screened, or null when it can. */
    static String problem(Row row, String typeProblem) {
        if (row.isNullAt(1)) {
            return "text is null";
        }
        if (typeProblem != null) {
            return typeProblem;
        }
        if (row.getString(1).isEmpty()) {
            return "text is empty";
        }
        return null;
    }

    static String describe(RuntimeException e) {
        return "screening failed: " + e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** Turns rows lazily into output rows, a note at a time, so a partition is never held in memory. */
    private abstract static class LazyPartition implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        final ScreenOptions options;
        final String typeProblem;

        LazyPartition(ScreenOptions options, String typeProblem) {
            this.options = options;
            this.typeProblem = typeProblem;
        }

        abstract void emit(Screener screener, Row note, ArrayDeque<Row> out);

        @Override
        public Iterator<Row> call(Iterator<Row> notes) {
            return new Iterator<>() {
                private final ArrayDeque<Row> pending = new ArrayDeque<>();
                private Screener screener;

                @Override
                public boolean hasNext() {
                    while (pending.isEmpty() && notes.hasNext()) {
                        if (screener == null) {
                            screener = ScreenerHolder.get(options.screenerFactory());
                        }
                        emit(screener, notes.next(), pending);
                    }
                    return !pending.isEmpty();
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return pending.poll();
                }
            };
        }
    }

    private static final class ScreenPartition extends LazyPartition {
        private static final long serialVersionUID = 1L;

        ScreenPartition(ScreenOptions options, String typeProblem) {
            super(options, typeProblem);
        }

        @Override
        void emit(Screener screener, Row note, ArrayDeque<Row> out) {
            Object id = note.get(0);
            String error = problem(note, typeProblem);
            Screening screening = null;
            if (error == null) {
                try {
                    screening = screener.screen(note.getString(1));
                } catch (RuntimeException e) {
                    error = describe(e);
                }
            }
            boolean text = !options.redactText();
            if (error != null) {
                out.add(text ? RowFactory.create(id, null, null, null, null, null, null, null, null, null, error)
                        : RowFactory.create(id, null, null, null, null, null, null, null, null, error));
                return;
            }
            for (Finding f : screening.findings()) {
                if (options.flagsOnly() && !f.isFlag()) {
                    continue;
                }
                out.add(text
                        ? RowFactory.create(id, f.start(), f.end(), f.category().name(), f.assertion().name(),
                                f.severity().name(), f.confidence(), f.ruleId(), f.source().name(), f.text(), null)
                        : RowFactory.create(id, f.start(), f.end(), f.category().name(), f.assertion().name(),
                                f.severity().name(), f.confidence(), f.ruleId(), f.source().name(), null));
            }
        }
    }

    private static final class SummarisePartition extends LazyPartition {
        private static final long serialVersionUID = 1L;
        private static final int WIDTH = 6 + Category.values().length;

        SummarisePartition(ScreenOptions options, String typeProblem) {
            super(options, typeProblem);
        }

        @Override
        void emit(Screener screener, Row note, ArrayDeque<Row> out) {
            Object[] v = new Object[WIDTH];
            v[0] = note.get(0);
            String error = problem(note, typeProblem);
            if (error == null) {
                try {
                    Screening s = screener.screen(note.getString(1));
                    v[1] = s.textLength();
                    v[2] = s.findings().size();
                    Map<Category, Integer> counts = s.flagCounts();
                    int flags = 0;
                    int i = 4;
                    for (Category c : Category.values()) {
                        int n = counts.get(c);
                        flags += n;
                        v[i++] = n;
                    }
                    v[3] = flags;
                    v[i] = s.highestSeverity().map(Enum::name).orElse(null);
                } catch (RuntimeException e) {
                    error = describe(e);
                    java.util.Arrays.fill(v, 1, WIDTH, null);
                }
            }
            v[WIDTH - 1] = error;
            out.add(RowFactory.create(v));
        }
    }
}
