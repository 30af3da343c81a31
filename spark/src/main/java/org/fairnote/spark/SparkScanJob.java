package org.fairnote.spark;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Screens a file or folder of notes on Spark and writes the findings: a job for {@code spark-submit}
 * on a cluster, and for local use ({@code ./fairnote spark-scan}), where it starts an embedded
 * {@code local[*]} Spark bound to loopback with the UI off. Usage: {@link #USAGE}.
 *
 * <p>Exit status: 0 done, 1 the job failed, 2 bad arguments. Notes that cannot be screened become
 * error rows (column {@code error}); they do not fail the job.
 */
public final class SparkScanJob {

    static final String USAGE = String.join("\n",
            "Usage: SparkScanJob --input NOTES --output FINDINGS [options]",
            "  --input PATH          notes: .parquet, .csv (with a header row) or .jsonl/.json/.ndjson;",
            "                        a file, a folder or a glob",
            "  --output PATH         findings: .parquet or .jsonl/.json (Spark's JSON output folder,",
            "                        one object per finding)",
            "  --master URL          Spark master; default: the one spark-submit gives, else local[*]",
            "  --id-column NAME      default id",
            "  --text-column NAME    default text",
            "  --summary PATH        also write one row per note (.parquet or .jsonl)",
            "  --input-format F      parquet, csv or jsonl, when the extension does not say",
            "  --output-format F     parquet or jsonl, when the extension does not say",
            "  --partitions N        repartition the notes into N partitions before screening",
            "  --coalesce N          write at most N files per output",
            "  --redact-text         leave out the matched text (offsets only)",
            "  --flags-only          only AFFIRMED findings",
            "  --overwrite           replace existing output folders",
            "  --help");

    /** System property: scratch folder for local runs (spark.local.dir). */
    public static final String LOCAL_DIR_PROPERTY = "fairnote.spark.localDir";

    private SparkScanJob() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Parsed command line. */
    record Args(String input, String output, String master, String idColumn, String textColumn, String summary,
            String inputFormat, String outputFormat, int partitions, int coalesce, boolean redactText,
            boolean flagsOnly, boolean overwrite) {
    }

    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** Runs the job; returns the exit status. Reuses an active SparkSession (and leaves it running). */
    public static int run(String[] argv, PrintStream out, PrintStream err) {
        return run(argv, out, err, ScreenerFactory.defaults());
    }

    /** Like {@link #run(String[], PrintStream, PrintStream)} with another screener. */
    public static int run(String[] argv, PrintStream out, PrintStream err, ScreenerFactory screener) {
        Args a;
        try {
            a = parse(argv);
            if (a == null) {
                out.println(USAGE);
                return 0;
            }
        } catch (UsageException e) {
            err.println("spark-scan: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        String requested = a.master() != null ? a.master() : System.getProperty("spark.master", "local[*]");
        if (requested.startsWith("local")) {
            quietLocalLogging(); // before any Spark class initialises log4j
        }
        boolean ownSession = SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty();
        String master = a.master() != null ? a.master()
                : System.getProperty("spark.master", ownSession ? "local[*]" : null);
        boolean local = master != null ? master.startsWith("local")
                : SparkSession.active().sparkContext().isLocal();
        if (local) {
            // Local paths are the driver's own: say what is wrong before starting Spark.
            String problem = checkLocalPaths(a);
            if (problem != null) {
                err.println("spark-scan: " + problem);
                return 2;
            }
        }
        SparkSession spark = null;
        try {
            spark = ownSession ? session(master, "fairnote spark-scan") : SparkSession.active();
            ScreenOptions options = ScreenOptions.defaults().withScreener(screener).withRedactText(a.redactText()).withFlagsOnly(a.flagsOnly());
            Dataset<Row> notes = read(spark, a.input(), a.inputFormat());
            if (a.partitions() > 0) {
                notes = notes.repartition(a.partitions());
            }
            SaveMode mode = a.overwrite() ? SaveMode.Overwrite : SaveMode.ErrorIfExists;
            write(FairnoteSpark.screen(notes, a.idColumn(), a.textColumn(), options), a.output(), a.outputFormat(),
                    a.coalesce(), mode);
            out.println("spark-scan: findings written to " + a.output());
            if (a.summary() != null) {
                write(FairnoteSpark.summarise(notes, a.idColumn(), a.textColumn(), options), a.summary(), null,
                        a.coalesce(), mode);
                out.println("spark-scan: per-note summary written to " + a.summary());
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("spark-scan: " + e.getMessage());
            return 2;
        } catch (Exception e) { // Spark's AnalysisException is checked in Java's eyes
            err.println("spark-scan: job failed: " + e);
            return 1;
        } finally {
            if (ownSession && spark != null) {
                spark.stop();
            }
        }
    }

    private static String checkLocalPaths(Args a) {
        if (isLocalPath(a.input()) && !a.input().contains("*") && !Files.exists(Path.of(a.input()))) {
            return "input not found: " + a.input();
        }
        if (!a.overwrite()) {
            for (String o : a.summary() == null ? List.of(a.output()) : List.of(a.output(), a.summary())) {
                if (isLocalPath(o) && Files.exists(Path.of(o))) {
                    return "output exists: " + o + " (use --overwrite to replace it)";
                }
            }
        }
        return null;
    }

    private static boolean isLocalPath(String path) {
        return !path.contains("://");
    }

    /**
     * A session for this master; for a local master, bound to 127.0.0.1 with the UI off, few
     * shuffle partitions and scratch under {@value #LOCAL_DIR_PROPERTY} when that property is set.
     */
    public static SparkSession session(String master, String appName) {
        SparkConf conf = new SparkConf().setAppName(appName);
        if (master != null) {
            conf.setMaster(master);
        }
        if (master != null && master.startsWith("local")) {
            localConf(conf, System.getProperty(LOCAL_DIR_PROPERTY));
        }
        return SparkSession.builder().config(conf).getOrCreate();
    }

    /** The settings of a local run: loopback, no UI, small shuffles, optional scratch folder. */
    public static SparkConf localConf(SparkConf conf, String localDir) {
        conf.setIfMissing("spark.driver.host", "127.0.0.1")
                .setIfMissing("spark.driver.bindAddress", "127.0.0.1")
                .setIfMissing("spark.ui.enabled", "false")
                .setIfMissing("spark.ui.showConsoleProgress", "false")
                .setIfMissing("spark.sql.shuffle.partitions", "4")
                .setIfMissing("spark.sql.adaptive.enabled", "true");
        if (localDir != null) {
            conf.setIfMissing("spark.local.dir", localDir)
                    .setIfMissing("spark.sql.warehouse.dir", Paths.get(localDir, "warehouse").toUri().toString());
        }
        return conf;
    }

    private static void quietLocalLogging() {
        // Before any Spark class touches log4j: WARN and above, to stderr. A user's own
        // -Dlog4j2.configurationFile wins.
        if (System.getProperty("log4j2.configurationFile") == null
                && System.getProperty("log4j.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "org/fairnote/spark/log4j2-local.properties");
        }
    }

    static Dataset<Row> read(SparkSession spark, String input, String format) {
        String f = format != null ? format : formatOf(input, true)
                .orElseThrow(() -> new IllegalArgumentException("cannot tell the input format of '" + input
                        + "' from its name: use .parquet, .csv or .jsonl, or --input-format"));
        DataFrameReader r = spark.read();
        return switch (f) {
            case "parquet" -> r.parquet(input);
            case "csv" -> r.option("header", "true").option("multiLine", "true").option("escape", "\"")
                    .option("mode", "PERMISSIVE").csv(input);
            case "jsonl" -> r.option("mode", "PERMISSIVE").json(input);
            default -> throw new IllegalArgumentException("unknown input format '" + f + "'");
        };
    }

    static void write(Dataset<Row> rows, String output, String format, int coalesce, SaveMode mode) {
        String f = format != null ? format : formatOf(output, false)
                .orElseThrow(() -> new IllegalArgumentException("cannot tell the output format of '" + output
                        + "' from its name: use .parquet or .jsonl, or --output-format"));
        Dataset<Row> r = coalesce > 0 ? rows.coalesce(coalesce) : rows;
        switch (f) {
            case "parquet" -> r.write().mode(mode).parquet(output);
            case "jsonl" -> r.write().mode(mode).json(output);
            default -> throw new IllegalArgumentException("unknown output format '" + f + "'");
        }
    }

    static Optional<String> formatOf(String path, boolean input) {
        String name = path.toLowerCase(Locale.ROOT);
        while (name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.endsWith(".gz") || name.endsWith(".bz2") || name.endsWith(".zst")) {
            name = name.substring(0, name.lastIndexOf('.'));
        }
        if (name.endsWith(".parquet")) {
            return Optional.of("parquet");
        }
        if (name.endsWith(".jsonl") || name.endsWith(".json") || name.endsWith(".ndjson")) {
            return Optional.of("jsonl");
        }
        if (input && name.endsWith(".csv")) {
            return Optional.of("csv");
        }
        return Optional.empty();
    }

    static Args parse(String[] argv) throws UsageException {
        String input = null;
        String output = null;
        String master = null;
        String id = "id";
        String text = "text";
        String summary = null;
        String inFormat = null;
        String outFormat = null;
        int partitions = 0;
        int coalesce = 0;
        boolean redact = false;
        boolean flagsOnly = false;
        boolean overwrite = false;
        for (int i = 0; i < argv.length; i++) {
            String arg = argv[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--redact-text" -> redact = true;
                case "--flags-only" -> flagsOnly = true;
                case "--overwrite" -> overwrite = true;
                case "--input", "--output", "--master", "--id-column", "--text-column", "--summary",
                        "--input-format", "--output-format", "--partitions", "--coalesce" -> {
                    if (value == null) {
                        if (i + 1 >= argv.length) {
                            throw new UsageException(arg + " needs a value");
                        }
                        value = argv[++i];
                    }
                    switch (arg) {
                        case "--input" -> input = value;
                        case "--output" -> output = value;
                        case "--master" -> master = value;
                        case "--id-column" -> id = value;
                        case "--text-column" -> text = value;
                        case "--summary" -> summary = value;
                        case "--input-format" -> inFormat = format(value, "parquet", "csv", "jsonl");
                        case "--output-format" -> outFormat = format(value, "parquet", "jsonl");
                        case "--partitions" -> partitions = positive(arg, value);
                        case "--coalesce" -> coalesce = positive(arg, value);
                        default -> throw new AssertionError(arg);
                    }
                }
                default -> throw new UsageException("unknown argument '" + argv[i] + "'");
            }
        }
        if (input == null || output == null) {
            throw new UsageException("--input and --output are required");
        }
        if (inFormat == null && formatOf(input, true).isEmpty()) {
            throw new UsageException("cannot tell the input format of '" + input
                    + "': use .parquet, .csv or .jsonl, or --input-format");
        }
        if (outFormat == null && formatOf(output, false).isEmpty()) {
            throw new UsageException("cannot tell the output format of '" + output
                    + "': use .parquet or .jsonl, or --output-format");
        }
        if (summary != null && formatOf(summary, false).isEmpty()) {
            throw new UsageException("cannot tell the format of --summary '" + summary + "': use .parquet or .jsonl");
        }
        return new Args(input, output, master, id, text, summary, inFormat, outFormat, partitions, coalesce, redact,
                flagsOnly, overwrite);
    }

    private static String format(String value, String... allowed) throws UsageException {
        String v = value.toLowerCase(Locale.ROOT);
        if ("json".equals(v) || "ndjson".equals(v)) {
            v = "jsonl";
        }
        for (String a : allowed) {
            if (a.equals(v)) {
                return v;
            }
        }
        throw new UsageException("unknown format '" + value + "'; expected one of " + String.join(", ", allowed));
    }

    private static int positive(String arg, String value) throws UsageException {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(arg + " must be a positive integer, was '" + value + "'");
    }
}
