package org.fairnote.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.fairnote.Screener;
import org.fairnote.lexicon.FlagExample;
import org.fairnote.lexicon.LexiconEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fairnote lexicon show ID}: one entry in full. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one lexicon entry in full.")
public final class LexiconShowCommand extends BaseCommand {

    @Parameters(paramLabel = "ID", description = "Entry id, e.g. STIG-attention-seeking.")
    String id;

    @Option(names = "--json", description = "Print the entry as JSON.")
    boolean json;

    @Mixin
    ScreenerOptions screenerOptions = new ScreenerOptions();

    public LexiconShowCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() throws IOException {
        Screener screener = screenerOptions.build(ctx);
        LexiconEntry e = screener.entries().stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
        if (e == null) {
            List<String> near = screener.entries().stream().map(LexiconEntry::id)
                    .filter(x -> x.toLowerCase(Locale.ROOT).contains(id.toLowerCase(Locale.ROOT))).limit(10).toList();
            throw new UserException("no lexicon entry '" + id + "'" + (near.isEmpty() ? "" : "; did you mean " + near));
        }
        String out;
        if (json) {
            out = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(LexiconCommand.toMap(e))
                    + "\n";
        } else {
            StringBuilder sb = new StringBuilder();
            sb.append(e.id()).append('\n');
            sb.append("  category:    ").append(e.category()).append('\n');
            sb.append("  severity:    ").append(e.severity()).append('\n');
            sb.append("  defined in:  ").append(e.origin()).append('\n');
            sb.append("  patterns:\n");
            e.patterns().forEach(p -> sb.append("    ").append(p).append('\n'));
            if (!e.requires().isEmpty()) {
                sb.append("  requires (in the same sentence):\n");
                e.requires().forEach(p -> sb.append("    ").append(p).append('\n'));
            }
            if (!e.unless().isEmpty()) {
                sb.append("  unless (in the same sentence):\n");
                e.unless().forEach(p -> sb.append("    ").append(p).append('\n'));
            }
            sb.append("  why:         ").append(e.explanation()).append('\n');
            sb.append("  instead:     ").append(e.suggestion()).append('\n');
            if (!e.flagExamples().isEmpty()) {
                sb.append("  flags:\n");
                for (FlagExample f : e.flagExamples()) {
                    sb.append("    ").append(f.text()).append("   [").append(f.span()).append("]\n");
                }
            }
            if (!e.passExamples().isEmpty()) {
                sb.append("  does not flag:\n");
                e.passExamples().forEach(p -> sb.append("    ").append(p).append('\n'));
            }
            out = sb.toString();
        }
        ctx.out().write(out.getBytes(StandardCharsets.UTF_8));
        ctx.out().flush();
        return ExitCodes.OK;
    }
}
