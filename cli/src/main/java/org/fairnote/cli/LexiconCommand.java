package org.fairnote.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fairnote.lexicon.FlagExample;
import org.fairnote.lexicon.LexiconEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code fairnote lexicon list|show|check}: inspect the loaded entries and validate user lexicons. */
@Command(name = "lexicon", mixinStandardHelpOptions = true,
        description = "Inspect lexicon entries and validate user lexicon files.")
public final class LexiconCommand extends BaseCommand {

    @Spec
    CommandSpec spec;

    public LexiconCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(ctx.err());
        return ExitCodes.ERROR;
    }

    /** An entry as JSON: id, category, severity, patterns, requires, unless, explanation, suggestion, examples. */
    static Map<String, Object> toMap(LexiconEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("category", e.category().name());
        m.put("severity", e.severity().name());
        m.put("patterns", e.patterns());
        m.put("requires", e.requires());
        m.put("unless", e.unless());
        m.put("explanation", e.explanation());
        m.put("suggestion", e.suggestion());
        List<Map<String, String>> flag = new ArrayList<>();
        for (FlagExample f : e.flagExamples()) {
            Map<String, String> x = new LinkedHashMap<>();
            x.put("text", f.text());
            x.put("span", f.span());
            flag.add(x);
        }
        Map<String, Object> examples = new LinkedHashMap<>();
        examples.put("flag", flag);
        examples.put("pass", e.passExamples());
        m.put("examples", examples);
        return m;
    }
}
