package org.fairnote.cli.output;

import java.nio.charset.StandardCharsets;
import org.fairnote.Assertion;
import org.fairnote.Category;
import org.fairnote.Finding;

/**
 * Human-readable report: per note with findings (or an error), each finding with category,
 * assertion, severity, rule, the matched text in context, explanation and suggestion. Notes without
 * findings are not listed (the summary on stderr counts them). Colours only when asked (stdout is a
 * terminal and NO_COLOR is unset).
 */
public final class TextReportWriter extends StreamReportWriter {

    static final int CONTEXT = 40;

    private final boolean redact;
    private final boolean color;

    public TextReportWriter(OutputTarget target, ReportOptions options) {
        super(target);
        this.redact = options.redact();
        this.color = options.color();
    }

    @Override
    public byte[] render(NoteResult r) {
        if (!r.isError() && r.findings().isEmpty()) {
            return new byte[0];
        }
        return format(r, redact, color).getBytes(StandardCharsets.UTF_8);
    }

    /** The text block of one note; also used by {@code explain}. */
    public static String format(NoteResult r, boolean redact, boolean color) {
        StringBuilder sb = new StringBuilder();
        sb.append(style(color, "1", "== " + (r.id() == null ? "(no id)" : r.id())));
        if (r.input().line() > 0) {
            sb.append(" (").append(r.input().source()).append(", line ").append(r.input().line()).append(')');
        }
        if (r.isError()) {
            sb.append(": ").append(style(color, "31", "ERROR: " + r.input().error())).append('\n');
            return sb.toString();
        }
        long flags = r.findings().stream().filter(Finding::isFlag).count();
        sb.append(": ").append(flags).append(flags == 1 ? " flag" : " flags");
        long others = r.findings().size() - flags;
        if (others > 0) {
            sb.append(", ").append(others).append(others == 1 ? " other finding" : " other findings");
        }
        sb.append('\n');
        int n = 0;
        for (Finding f : r.findings()) {
            n++;
            boolean flag = f.isFlag();
            String head = f.category() + " · " + f.assertion() + " · " + f.severity() + " · " + f.ruleId()
                    + " · chars " + f.start() + "-" + f.end();
            sb.append("  ").append(n).append(". ").append(style(color, flag ? categoryColor(f.category()) : "2", head))
                    .append('\n');
            if (!redact) {
                sb.append("     ").append(context(r.text(), f, color)).append('\n');
            }
            if (!f.explanation().isEmpty()) {
                sb.append("     Why: ").append(f.explanation()).append('\n');
            }
            if (!f.suggestion().isEmpty()) {
                sb.append("     Instead: ").append(f.suggestion()).append('\n');
            }
            if (f.assertion() != Assertion.AFFIRMED) {
                sb.append(style(color, "2", "     (not a flag: the note does not assert it)")).append('\n');
            }
        }
        sb.append('\n');
        return sb.toString();
    }

    /** The matched text with up to 40 chars either side, on one line. */
    static String context(String text, Finding f, boolean color) {
        int from = Math.max(0, f.start() - CONTEXT);
        int to = Math.min(text.length(), f.end() + CONTEXT);
        String before = oneLine(text.substring(from, f.start()));
        String match = oneLine(text.substring(f.start(), f.end()));
        String after = oneLine(text.substring(f.end(), to));
        return (from > 0 ? "…" : "") + before + (color ? "\u001b[1;4m" + match + "\u001b[0m" : "[" + match + "]")
                + after + (to < text.length() ? "…" : "");
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ");
    }

    private static String categoryColor(Category c) {
        return switch (c) {
            case POLICE_IN_CARE -> "1;34";
            case SANCTION_OR_THREAT -> "1;31";
            case CARE_WITHHOLDING -> "1;35";
            case STIGMATISING_LANGUAGE -> "1;33";
            case CREDIBILITY_DOUBT -> "1;36";
        };
    }

    private static String style(boolean color, String code, String s) {
        return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
