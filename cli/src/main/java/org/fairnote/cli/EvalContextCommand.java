package org.fairnote.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fairnote.lexicons.ContextEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fairnote eval-context FILE}: scores the bundled context rules as a ConText engine on NegEx/ConText data. */
@Command(name = "eval-context", mixinStandardHelpOptions = true,
        description = "Evaluate the bundled context rules (negated, historical, hypothetical) on a NegEx/ConText"
                + " annotated file; see org.fairnote.lexicons.ContextEvaluation.")
public final class EvalContextCommand extends BaseCommand {

    @Parameters(paramLabel = "FILE", description = "The annotated sentences file.")
    Path file;

    @Option(names = "--json", description = "Print the scores as JSON.")
    boolean json;

    public EvalContextCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UserException("file not found: " + file);
        }
        ContextEvaluation.Result result;
        try {
            result = ContextEvaluation.evaluate(file);
        } catch (IOException e) {
            throw new UserException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String out = json ? result.toJson() : result.table();
        ctx.out().write((out.endsWith("\n") ? out : out + "\n").getBytes(StandardCharsets.UTF_8));
        ctx.out().flush();
        return ExitCodes.OK;
    }
}
