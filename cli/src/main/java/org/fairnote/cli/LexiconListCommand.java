package org.fairnote.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fairnote.Category;
import org.fairnote.Screener;
import org.fairnote.lexicon.LexiconEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fairnote lexicon list [--json]}: the entries in use (bundled, plus --lexicon, minus --disable). */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the lexicon entries in use; --json prints a JSON array of the entries.")
public final class LexiconListCommand extends BaseCommand {

    @Option(names = "--json", description = "JSON array of entries (id, category, severity, patterns, explanation,"
            + " suggestion, examples).")
    boolean json;

    @Option(names = "--category", paramLabel = "CATEGORY", description = "Only entries of this category.")
    Category category;

    @Mixin
    ScreenerOptions screenerOptions = new ScreenerOptions();

    public LexiconListCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() throws IOException {
        Screener screener = screenerOptions.build(ctx);
        List<LexiconEntry> entries = screener.entries().stream()
                .filter(e -> category == null || e.category() == category).toList();
        String out;
        if (json) {
            List<Map<String, Object>> maps = entries.stream().map(LexiconCommand::toMap).toList();
            out = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(maps) + "\n";
        } else {
            StringBuilder sb = new StringBuilder();
            int width = entries.stream().mapToInt(e -> e.id().length()).max().orElse(2);
            for (LexiconEntry e : entries) {
                sb.append(String.format(Locale.ROOT, "%-" + width + "s  %-21s  %-6s  %s%n", e.id(), e.category(),
                        e.severity(), String.join(" | ", e.patterns())));
            }
            sb.append(entries.size()).append(" entries");
            if (category == null) {
                sb.append(" (");
                boolean first = true;
                for (Category c : Category.values()) {
                    long n = entries.stream().filter(e -> e.category() == c).count();
                    sb.append(first ? "" : ", ").append(c).append(' ').append(n);
                    first = false;
                }
                sb.append(')');
            }
            sb.append("; versions ").append(screener.versions()).append('\n');
            out = sb.toString();
        }
        ctx.out().write(out.getBytes(StandardCharsets.UTF_8));
        ctx.out().flush();
        return ExitCodes.OK;
    }
}
