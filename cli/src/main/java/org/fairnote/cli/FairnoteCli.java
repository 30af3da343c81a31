package org.fairnote.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.fairnote.Screener;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code fairnote}: the command line. Each command is its own class; this wires them and handles errors. */
@Command(name = "fairnote", mixinStandardHelpOptions = true, versionProvider = FairnoteCli.Version.class,
        description = {"Screens mental-health notes for coercive, punitive and stigmatising language.",
            "Run `fairnote COMMAND --help` for a command's options."},
        commandListHeading = "%nCommands:%n")
public final class FairnoteCli implements Callable<Integer> {

    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    FairnoteCli(CliContext ctx) {
        this.ctx = ctx;
    }

    public static void main(String[] args) {
        int code = run(CliContext.system(), args);
        System.out.flush();
        System.exit(code);
    }

    /** Runs one command line; returns the exit status. */
    public static int run(CliContext ctx, String... args) {
        return commandLine(ctx).execute(args);
    }

    static CommandLine commandLine(CliContext ctx) {
        CommandLine cl = new CommandLine(new FairnoteCli(ctx));
        cl.addSubcommand("scan", new ScanCommand(ctx));
        cl.addSubcommand("explain", new ExplainCommand(ctx));
        cl.addSubcommand("eval", new EvalCommand(ctx));
        cl.addSubcommand("eval-context", new EvalContextCommand(ctx));
        cl.addSubcommand("train", new TrainCommand());
        CommandLine lexicon = new CommandLine(new LexiconCommand(ctx));
        lexicon.addSubcommand("list", new LexiconListCommand(ctx));
        lexicon.addSubcommand("show", new LexiconShowCommand(ctx));
        lexicon.addSubcommand("check", new LexiconCheckCommand(ctx));
        cl.addSubcommand("lexicon", lexicon);
        cl.addSubcommand("spark-scan", new SparkScanCommand(ctx));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(new PrintWriter(new OutputStreamWriter(ctx.out(), StandardCharsets.UTF_8), true));
        cl.setErr(ctx.err());
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> handle(ctx, ex, cmd));
        return cl;
    }

    private static int handle(CliContext ctx, Exception ex, CommandLine cmd) {
        boolean debug = cmd.getCommand() instanceof BaseCommand b && b.debug();
        PrintWriter err = ctx.err();
        if (ex instanceof UserException) {
            err.println("fairnote: " + ex.getMessage());
        } else {
            // messages of unexpected exceptions could quote input; show them only when asked
            err.println("fairnote: internal error (" + ex.getClass().getName() + ")"
                    + (debug ? ": " + ex.getMessage() : "; run with --debug for details"));
        }
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.ERROR;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(ctx.err());
        return ExitCodes.ERROR;
    }

    /** The engine and lexicon versions. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"fairnote " + Screener.ENGINE_VERSION};
        }
    }
}
