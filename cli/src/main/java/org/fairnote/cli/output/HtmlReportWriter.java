package org.fairnote.cli.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeSet;
import org.fairnote.Category;
import org.fairnote.Finding;
import org.fairnote.Severity;

/**
 * One self-contained HTML file (inline CSS and SVG, no scripts, no network): totals per category and
 * severity, a bar chart, a table of the notes with most flags, errors, and each note with findings,
 * its spans highlighted with tooltips (explanation, suggestion) and a numbered list for printing.
 *
 * <p>Streams: note sections go to a temporary file as they come and are copied into the report at
 * the end, so memory holds only the top-notes table and the first errors.
 */
public final class HtmlReportWriter implements ReportWriter {

    static final int TOP_NOTES = 500;
    static final int MAX_ERRORS = 1000;

    private record Ranked(long flags, long seq, String id, String anchor) {
    }

    private final OutputTarget target;
    private final boolean redact;
    private final Path bodyFile;
    private final OutputStream body;
    private final PriorityQueue<Ranked> top = new PriorityQueue<>(
            Comparator.comparingLong(Ranked::flags).thenComparing(Ranked::seq, Comparator.reverseOrder()));
    private final List<String[]> errors = new ArrayList<>();
    private final List<String> versions = new ArrayList<>();
    private long seq;
    private long notesWithFindings;

    public HtmlReportWriter(OutputTarget target, ReportOptions options) throws IOException {
        this.target = target;
        this.redact = options.redact();
        Path dir = target.isFile() ? target.path().getParent() : null;
        this.bodyFile = dir != null ? Files.createTempFile(dir, ".fairnote-html-", ".tmp")
                : Files.createTempFile("fairnote-html-", ".tmp");
        this.body = new BufferedOutputStream(Files.newOutputStream(bodyFile), 1 << 16);
    }

    @Override
    public boolean resumable() {
        return false;
    }

    @Override
    public Object render(NoteResult r) {
        if (r.isError() || r.findings().isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        long flags = r.findings().stream().filter(Finding::isFlag).count();
        sb.append("<h3>").append(esc(r.id() == null ? "(no id, line " + r.input().line() + ")" : r.id()))
                .append(" <small>").append(flags).append(flags == 1 ? " flag" : " flags");
        if (r.findings().size() > flags) {
            sb.append(", ").append(r.findings().size() - flags).append(" not asserted");
        }
        sb.append("</small></h3>\n");
        if (!redact) {
            sb.append("<div class=\"text\">");
            highlight(sb, r.text(), r.findings());
            sb.append("</div>\n");
        }
        sb.append("<ol class=\"findings\">\n");
        for (Finding f : r.findings()) {
            sb.append("<li class=\"").append(f.isFlag() ? "flag" : "other").append("\"><span class=\"cat c-")
                    .append(f.category()).append("\">").append(f.category()).append("</span> ")
                    .append(f.assertion()).append(" · ").append(f.severity()).append(" · <code>")
                    .append(esc(f.ruleId())).append("</code> · chars ").append(f.start()).append('–').append(f.end());
            if (!redact) {
                sb.append(" · <q>").append(esc(f.text())).append("</q>");
            }
            if (!f.explanation().isEmpty()) {
                sb.append("<br><b>Why:</b> ").append(esc(f.explanation()));
            }
            if (!f.suggestion().isEmpty()) {
                sb.append("<br><b>Instead:</b> ").append(esc(f.suggestion()));
            }
            sb.append("</li>\n");
        }
        sb.append("</ol>\n</section>\n");
        return new Object[] {flags, sb.toString()};
    }

    /** Writes the text with each finding's span in a {@code <mark>} whose title explains it. */
    static void highlight(StringBuilder sb, String text, List<Finding> findings) {
        TreeSet<Integer> cuts = new TreeSet<>();
        cuts.add(0);
        cuts.add(text.length());
        for (Finding f : findings) {
            cuts.add(f.start());
            cuts.add(f.end());
        }
        Integer prev = null;
        for (int cut : cuts) {
            if (prev != null && cut > prev) {
                String piece = esc(text.substring(prev, cut));
                Finding cover = null;
                StringBuilder title = new StringBuilder();
                for (Finding f : findings) {
                    if (f.start() <= prev && f.end() >= cut) {
                        if (cover == null || f.isFlag() && !cover.isFlag()) {
                            cover = f;
                        }
                        if (title.length() > 0) {
                            title.append("\n\n");
                        }
                        title.append(f.category()).append(" (").append(f.assertion()).append(", ")
                                .append(f.severity()).append(", ").append(f.ruleId()).append(")");
                        if (!f.explanation().isEmpty()) {
                            title.append("\nWhy: ").append(f.explanation());
                        }
                        if (!f.suggestion().isEmpty()) {
                            title.append("\nInstead: ").append(f.suggestion());
                        }
                    }
                }
                if (cover == null) {
                    sb.append(piece);
                } else {
                    sb.append("<mark class=\"c-").append(cover.category()).append(cover.isFlag() ? "" : " other")
                            .append("\" title=\"").append(esc(title.toString())).append("\">").append(piece)
                            .append("</mark>");
                }
            }
            prev = cut;
        }
    }

    @Override
    public void write(NoteResult r, Object rendered) throws IOException {
        if (r.isError()) {
            if (errors.size() < MAX_ERRORS) {
                errors.add(new String[] {r.id(), r.input().source(), Long.toString(r.input().line()),
                        r.input().error()});
            }
            return;
        }
        if (versions.isEmpty() && r.screening() != null) {
            for (Map.Entry<String, String> v : r.screening().versions().entrySet()) {
                versions.add(v.getKey() + " " + v.getValue());
            }
        }
        Object[] parts = (Object[]) (rendered != null ? rendered : render(r));
        if (parts == null) {
            return;
        }
        seq++;
        notesWithFindings++;
        String anchor = "n" + seq;
        long flags = (Long) parts[0];
        if (flags > 0) {
            top.add(new Ranked(flags, seq, r.id() == null ? "(line " + r.input().line() + ")" : r.id(), anchor));
            if (top.size() > TOP_NOTES) {
                top.poll();
            }
        }
        body.write(("<section class=\"note\" id=\"" + anchor + "\">\n").getBytes(StandardCharsets.UTF_8));
        body.write(((String) parts[1]).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public long checkpoint() throws IOException {
        body.flush();
        return target.flush();
    }

    @Override
    public void finish(Totals t) throws IOException {
        body.close();
        OutputStream out = target.stream();
        StringBuilder sb = new StringBuilder(16 * 1024);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Fairnote report</title>\n<style>\n").append(CSS).append("</style></head><body>\n")
                .append("<h1>Fairnote report</h1>\n<p class=\"meta\">")
                .append(esc(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)))
                .append(" · ").append(esc(String.join(", ", versions)));
        if (redact) {
            sb.append(" · redacted: no note text");
        }
        sb.append("</p>\n<h2>Totals</h2>\n<table class=\"totals\"><tr><th>notes read</th><th>screened</th>")
                .append("<th>unchanged</th><th>errors</th><th>flagged notes</th><th>flags</th></tr><tr><td>")
                .append(t.read).append("</td><td>").append(t.screened).append("</td><td>").append(t.unchanged)
                .append("</td><td>").append(t.errored).append("</td><td>").append(t.flaggedNotes)
                .append("</td><td>").append(t.flags()).append("</td></tr></table>\n");
        sb.append("<table class=\"totals\"><tr><th>severity</th>");
        for (Severity s : Severity.values()) {
            sb.append("<th>").append(s).append("</th>");
        }
        sb.append("</tr><tr><td>flags</td>");
        for (Severity s : Severity.values()) {
            sb.append("<td>").append(t.flagsBySeverity.get(s)).append("</td>");
        }
        sb.append("</tr></table>\n<h2>Flags by category</h2>\n");
        chart(sb, t);
        sb.append("<h2>Notes by number of flags</h2>\n");
        List<Ranked> ranked = new ArrayList<>(top);
        ranked.sort(top.comparator().reversed());
        if (ranked.isEmpty()) {
            sb.append("<p>No note has a flag.</p>\n");
        } else {
            if (t.flaggedNotes > ranked.size()) {
                sb.append("<p>The ").append(ranked.size()).append(" notes with most flags of ").append(t.flaggedNotes)
                        .append(".</p>\n");
            }
            sb.append("<table class=\"notes\"><tr><th>note</th><th>flags</th></tr>\n");
            for (Ranked r : ranked) {
                sb.append("<tr><td><a href=\"#").append(r.anchor()).append("\">").append(esc(r.id()))
                        .append("</a></td><td>").append(r.flags()).append("</td></tr>\n");
            }
            sb.append("</table>\n");
        }
        if (!errors.isEmpty()) {
            sb.append("<h2>Records not screened</h2>\n<table class=\"notes\"><tr><th>id</th><th>input</th>")
                    .append("<th>line</th><th>error</th></tr>\n");
            for (String[] e : errors) {
                sb.append("<tr><td>").append(esc(e[0] == null ? "" : e[0])).append("</td><td>").append(esc(e[1]))
                        .append("</td><td>").append(e[2]).append("</td><td>").append(esc(e[3])).append("</td></tr>\n");
            }
            sb.append("</table>\n");
            if (t.errored > errors.size()) {
                sb.append("<p>… and ").append(t.errored - errors.size()).append(" more.</p>\n");
            }
        }
        sb.append("<h2>Notes with findings (").append(notesWithFindings).append(")</h2>\n");
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        Files.copy(bodyFile, out);
        Files.deleteIfExists(bodyFile);
        out.write("</body></html>\n".getBytes(StandardCharsets.UTF_8));
        target.flush();
    }

    /** Deletes the temporary file when the run fails. */
    public void discard() {
        try {
            body.close();
            Files.deleteIfExists(bodyFile);
        } catch (IOException ignored) {
            // best effort
        }
    }

    private static void chart(StringBuilder sb, Totals t) {
        long max = Math.max(1, t.flagsByCategory.values().stream().mapToLong(Long::longValue).max().orElse(1));
        int rowH = 28;
        int width = 640;
        int labelW = 200;
        sb.append("<svg class=\"chart\" role=\"img\" aria-label=\"Flags by category\" width=\"").append(width)
                .append("\" height=\"").append(rowH * Category.values().length + 4).append("\" viewBox=\"0 0 ")
                .append(width).append(' ').append(rowH * Category.values().length + 4).append("\">\n");
        int y = 2;
        for (Category c : Category.values()) {
            long n = t.flagsByCategory.get(c);
            long w = Math.round((width - labelW - 60) * (double) n / max);
            sb.append("<text x=\"0\" y=\"").append(y + 18).append("\" font-size=\"12\">").append(c).append("</text>")
                    .append("<rect class=\"c-").append(c).append("\" x=\"").append(labelW).append("\" y=\"").append(y + 4)
                    .append("\" width=\"").append(Math.max(w, n > 0 ? 2 : 0)).append("\" height=\"").append(rowH - 8)
                    .append("\"/><text x=\"").append(labelW + w + 6).append("\" y=\"").append(y + 18)
                    .append("\" font-size=\"12\">").append(n).append("</text>\n");
            y += rowH;
        }
        sb.append("</svg>\n");
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;margin:2em auto;max-width:60em;\
            padding:0 1em;color:#1b1b1b;line-height:1.45}
            h1{font-size:1.6em}h2{font-size:1.25em;border-bottom:1px solid #ccc;margin-top:1.6em}
            h3{font-size:1.05em;margin:0 0 .4em}h3 small{font-weight:normal;color:#555}
            .meta{color:#555;font-size:.9em}
            table{border-collapse:collapse;margin:.6em 0}th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left}
            .note{border:1px solid #ddd;border-radius:4px;padding:.8em 1em;margin:1em 0;page-break-inside:avoid}
            .text{white-space:pre-wrap;font-family:Georgia,serif;background:#fafafa;padding:.6em;border-radius:3px}
            mark{padding:0 .1em;border-radius:2px;cursor:help}
            mark.other{background:none!important;border-bottom:2px dashed #888}
            .findings li{margin:.3em 0}.findings li.other{color:#555}
            .cat{font-size:.8em;font-weight:bold;padding:.05em .4em;border-radius:3px}
            .c-POLICE_IN_CARE{background:#cfe0ff;fill:#4a7bd0}
            .c-SANCTION_OR_THREAT{background:#ffc9c9;fill:#d04a4a}
            .c-CARE_WITHHOLDING{background:#ecd0ff;fill:#9a4ad0}
            .c-STIGMATISING_LANGUAGE{background:#ffe7a8;fill:#d0a02a}
            .c-CREDIBILITY_DOUBT{background:#c9f2ee;fill:#2aa69a}
            @media print{body{max-width:none;margin:0}a{color:inherit;text-decoration:none}\
            mark{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
            """;
}
