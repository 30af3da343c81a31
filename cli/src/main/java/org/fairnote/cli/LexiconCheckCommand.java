package org.fairnote.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fairnote.Finding;
import org.fairnote.Screener;
import org.fairnote.lexicon.FlagExample;
import org.fairnote.lexicon.Lexicon;
import org.fairnote.lexicon.LexiconEntry;
import org.fairnote.lexicon.LexiconException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code fairnote lexicon check FILE...}: validates user lexicons: the format (each error names file,
 * line and entry), that they compile together with the bundled lexicons (no duplicate ids), and that
 * every entry flags its flag examples with the exact span and does not flag its pass examples.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Validate user lexicon files: format, ids unique with the bundled ones, and every example.",
            "Exit status: 0 valid, 1 problems found, 2 a file cannot be read."})
public final class LexiconCheckCommand extends BaseCommand {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Lexicon files to check.")
    List<Path> files = new ArrayList<>();

    public LexiconCheckCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        int problems = 0;
        StringBuilder out = new StringBuilder();
        for (Path file : files) {
            if (!java.nio.file.Files.isRegularFile(file)) {
                throw new UserException("lexicon file not found: " + file);
            }
            List<String> found = check(file);
            if (found.isEmpty()) {
                out.append(file).append(": OK\n");
            } else {
                found.forEach(p -> out.append(p).append('\n'));
                problems += found.size();
            }
        }
        ctx.out().writeBytes(out.toString().getBytes(StandardCharsets.UTF_8));
        ctx.out().flush();
        return problems == 0 ? ExitCodes.OK : ExitCodes.FLAGS;
    }

    private List<String> check(Path file) {
        List<String> problems = new ArrayList<>();
        Lexicon lexicon;
        try {
            lexicon = org.fairnote.lexicons.LexiconReader.readLexicon(file);
        } catch (LexiconException e) {
            problems.add(e.getMessage());
            return problems;
        }
        Screener screener;
        try {
            screener = ScreenerOptions.base(ctx).addLexicon(lexicon).build();
        } catch (LexiconException e) {
            problems.add(e.getMessage());
            return problems;
        }
        for (LexiconEntry e : lexicon.entries()) {
            String where = e.origin() + ", entry '" + e.id() + "': ";
            for (FlagExample ex : e.flagExamples()) {
                List<Finding> mine = screener.screenUnmerged(ex.text()).findings().stream()
                        .filter(f -> f.ruleId().equals(e.id())).toList();
                if (mine.stream().noneMatch(f -> f.isFlag() && f.text().equals(ex.span()))) {
                    problems.add(where + "flag example not flagged with span \"" + ex.span() + "\": \"" + ex.text()
                            + "\"" + (mine.isEmpty() ? "" : "; found " + mine.stream()
                                    .map(f -> "\"" + f.text() + "\" " + f.assertion()).toList()));
                }
            }
            for (String pass : e.passExamples()) {
                boolean flagged = screener.screenUnmerged(pass).findings().stream()
                        .anyMatch(f -> f.ruleId().equals(e.id()) && f.isFlag());
                if (flagged) {
                    problems.add(where + "pass example is flagged: \"" + pass + "\"");
                }
            }
        }
        return problems;
    }
}
