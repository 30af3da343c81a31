package org.fairnote.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fairnote.Screener;
import org.fairnote.cli.input.InputFormat;
import org.fairnote.cli.input.Inputs;
import org.fairnote.cli.input.Limits;
import org.fairnote.cli.output.BratReportWriter;
import org.fairnote.cli.output.CsvReportWriter;
import org.fairnote.cli.output.HtmlReportWriter;
import org.fairnote.cli.output.JsonlReportWriter;
import org.fairnote.cli.output.OutputTarget;
import org.fairnote.cli.output.ReportOptions;
import org.fairnote.cli.output.ReportWriter;
import org.fairnote.cli.output.TextReportWriter;
import org.fairnote.cli.output.Totals;
import org.fairnote.cli.scan.Progress;
import org.fairnote.cli.scan.ScanRunner;
import org.fairnote.cli.state.IncrementalState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fairnote scan PATH...}: screens files, folders, CSV and JSONL and writes a report. */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Screen notes in .txt files and folders (one note per file), CSV or JSONL files.",
            "Exit status: 0 no flags, 1 flags at or above --fail-on, 2 usage or I/O error or records"
                + " that could not be screened."})
public final class ScanCommand extends BaseCommand {

    /** Report formats. */
    public enum Format { TEXT, JSONL, CSV, HTML, BRAT }

    /** Which flags make the exit status 1. */
    public enum FailOn { LOW, MEDIUM, HIGH, NEVER }

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "Files or folders; '-' reads stdin (JSONL unless --input-format).")
    List<String> paths = new ArrayList<>();

    @Option(names = "--input-format", paramLabel = "txt|csv|jsonl",
            description = "Input format; by default from the extension (.csv, .jsonl/.ndjson, else one note per file).")
    InputFormat inputFormat;

    @Option(names = "--id-field", defaultValue = "id", description = "JSONL id field (default: ${DEFAULT-VALUE}).")
    String idField;

    @Option(names = "--text-field", defaultValue = "text", description = "JSONL text field (default: ${DEFAULT-VALUE}).")
    String textField;

    @Option(names = "--id-column", defaultValue = "id", description = "CSV id column (default: ${DEFAULT-VALUE}).")
    String idColumn;

    @Option(names = "--text-column", defaultValue = "text",
            description = "CSV text column (default: ${DEFAULT-VALUE}).")
    String textColumn;

    @Option(names = {"-f", "--format"}, defaultValue = "text", paramLabel = "text|jsonl|csv|html|brat",
            description = "Report format (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE|DIR",
            description = "Report file (written atomically), or folder for brat; default stdout.")
    Path output;

    @Option(names = "--flags-only", description = "Report only AFFIRMED findings (flags).")
    boolean flagsOnly;

    @Option(names = "--redact", description = "No note text in any output: offsets, categories and rule ids only.")
    boolean redact;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", description = "Worker threads (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--state", paramLabel = "FILE",
            description = "Incremental mode: screen only new or changed notes; remembers content hashes and versions.")
    Path stateFile;

    @Mixin
    ScreenerOptions screenerOptions = new ScreenerOptions();

    @Option(names = "--fail-on", defaultValue = "LOW", paramLabel = "LOW|MEDIUM|HIGH|NEVER",
            description = "Exit 1 when a flag of this severity or higher is found (default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @Option(names = "--max-note-size", defaultValue = "4M", paramLabel = "SIZE",
            description = "Largest note, JSONL line or CSV field accepted, e.g. 512K, 4M (default: ${DEFAULT-VALUE}).")
    String maxNoteSize;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar and no summary on stderr.")
    boolean quiet;

    @Option(names = "--no-color", description = "No colours in the text report.")
    boolean noColor;

    public ScanCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() throws IOException {
        int maxNote;
        try {
            maxNote = Limits.parseSize(maxNoteSize);
        } catch (IllegalArgumentException e) {
            throw new UserException("--max-note-size: " + e.getMessage());
        }
        validate();
        Screener screener = screenerOptions.build(ctx);
        String outName = output == null ? "-" : output.toAbsolutePath().normalize().toString();
        String runKey = format + "|" + outName + "|redact=" + redact + "|flagsOnly=" + flagsOnly;

        IncrementalState state = null;
        if (stateFile != null) {
            try {
                state = IncrementalState.open(stateFile, screener.versions(), runKey);
            } catch (IOException e) {
                throw new UserException("cannot read state file " + stateFile + ": " + e.getMessage(), e);
            }
            if (state.message() != null && !quiet) {
                ctx.err().println("fairnote: " + state.message());
            }
        }
        long resumeAt = state == null ? -1 : state.resumeOffset();
        boolean resumable = format != Format.HTML;
        OutputTarget target = null;
        ReportWriter writer;
        ReportOptions options = new ReportOptions(redact, flagsOnly,
                format == Format.TEXT && output == null && ctx.stdoutTerminal() && !ctx.noColor() && !noColor);
        long start = System.nanoTime();
        try {
            if (format == Format.BRAT) {
                writer = new BratReportWriter(output, resumeAt >= 0);
            } else {
                target = output == null ? OutputTarget.stdout(ctx.out())
                        : OutputTarget.file(output, resumable ? resumeAt : -1);
                boolean resumed = target.isFile() && resumable && resumeAt > 0;
                writer = switch (format) {
                    case JSONL -> new JsonlReportWriter(target, options);
                    case CSV -> new CsvReportWriter(target, options, resumed);
                    case HTML -> new HtmlReportWriter(target, options);
                    default -> new TextReportWriter(target, options);
                };
            }
            if (state != null) {
                state.startJournal(runKey, Math.max(0, resumeAt));
            }
        } catch (IOException e) {
            if (target != null) {
                target.abandon(false);
            }
            throw new UserException("cannot write " + (output == null ? "the report" : output) + ": " + e, e);
        }

        Inputs.Options in = new Inputs.Options(inputFormat, idField, textField, idColumn, textColumn, maxNote);
        Totals totals;
        ScanRunner runner = new ScanRunner(screener, threads, flagsOnly, state, writer, ctx.err(), debug);
        try (Inputs inputs = new Inputs(paths, in, ctx.in());
                Progress ignored = ctx.stderrTerminal() && !quiet
                        ? new Progress(ctx.err(), runner::done, inputs::bytesRead, Inputs.totalBytes(paths)) : null) {
            totals = runner.run(inputs);
            writer.finish(totals);
            if (target != null) {
                target.commit();
            }
            if (state != null) {
                state.commit();
            }
        } catch (IOException | RuntimeException | Error e) {
            if (target != null) {
                target.abandon(state == null);
            }
            if (writer instanceof HtmlReportWriter html) {
                html.discard();
            }
            if (state != null) {
                state.closeJournal();
            }
            if (e instanceof IOException io) {
                throw new UserException("I/O error writing the report or state: " + io, io);
            }
            throw e;
        }
        double secs = (System.nanoTime() - start) / 1e9;
        if (!quiet) {
            ctx.err().println(totals.summaryLine(state != null, secs));
            ctx.err().flush();
        }
        return exitCode(totals);
    }

    private int exitCode(Totals totals) {
        if (totals.errored > 0) {
            return ExitCodes.ERROR;
        }
        if (totals.highest == null || failOn == FailOn.NEVER) {
            return ExitCodes.OK;
        }
        return totals.highest.ordinal() >= FailOn.valueOf(failOn.name()).ordinal() ? ExitCodes.FLAGS : ExitCodes.OK;
    }

    private void validate() {
        if (threads < 1) {
            throw new UserException("--threads must be at least 1");
        }
        for (String p : paths) {
            if (!p.equals("-") && !Files.exists(Path.of(p))) {
                throw new UserException("no such file or folder: " + p);
            }
        }
        if (format == Format.BRAT) {
            if (output == null) {
                throw new UserException("--format brat needs --output DIR (a folder for the .txt and .ann files)");
            }
            if (redact) {
                throw new UserException("--format brat writes copies of the notes, so it cannot be used with --redact;"
                        + " use --format jsonl or csv with --redact");
            }
            if (Files.exists(output) && !Files.isDirectory(output)) {
                throw new UserException("--output for brat must be a folder: " + output);
            }
        } else if (output != null && Files.isDirectory(output)) {
            throw new UserException("--output is a folder; give a file name for --format " + format.name()
                    .toLowerCase(java.util.Locale.ROOT));
        }
        if (stateFile != null && Files.isDirectory(stateFile)) {
            throw new UserException("--state must be a file, not a folder: " + stateFile);
        }
    }
}
