package org.fairnote.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.fairnote.Screener;
import org.fairnote.Screening;
import org.fairnote.cli.input.InputRecord;
import org.fairnote.cli.input.Utf8;
import org.fairnote.cli.output.NoteResult;
import org.fairnote.cli.output.TextReportWriter;
import org.fairnote.json.FairnoteJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fairnote explain "text"} or {@code fairnote explain -}: findings with explanations, for a quick check. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Screen one text given as arguments, or '-' for stdin, and explain every finding.",
            "Exit status: 0 no flags, 1 flags, 2 error."})
public final class ExplainCommand extends BaseCommand {

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The text (words are joined with spaces), or '-'.")
    List<String> words = new ArrayList<>();

    @Option(names = "--json", description = "Print the screening as JSON (core's format).")
    boolean json;

    @Option(names = "--unmerged", description = "One finding per matching entry, without merging overlaps.")
    boolean unmerged;

    @Mixin
    ScreenerOptions screenerOptions = new ScreenerOptions();

    public ExplainCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() throws IOException {
        String text;
        if (words.size() == 1 && words.get(0).equals("-")) {
            try {
                text = Utf8.decode(ctx.in().readAllBytes());
            } catch (Utf8.InvalidUtf8Exception e) {
                throw new UserException("stdin is not valid UTF-8: " + e.getMessage());
            }
        } else {
            text = String.join(" ", words);
        }
        Screener screener = screenerOptions.build(ctx);
        Screening s = unmerged ? screener.screenUnmerged(text) : screener.screen(text);
        if (json) {
            ctx.out().write((FairnoteJson.toJson(s) + "\n").getBytes(StandardCharsets.UTF_8));
        } else if (s.findings().isEmpty()) {
            ctx.out().write("No findings.\n".getBytes(StandardCharsets.UTF_8));
        } else {
            NoteResult r = new NoteResult(InputRecord.note("-", 0, "text", text), s, s.findings(), null, false);
            boolean color = ctx.stdoutTerminal() && !ctx.noColor();
            ctx.out().write(TextReportWriter.format(r, false, color).getBytes(StandardCharsets.UTF_8));
        }
        ctx.out().flush();
        return s.hasFlags() ? ExitCodes.FLAGS : ExitCodes.OK;
    }
}
