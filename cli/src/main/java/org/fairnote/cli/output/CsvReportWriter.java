package org.fairnote.cli.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.fairnote.Finding;

/**
 * One row per finding (RFC 4180, CRLF):
 * {@code id,start,end,category,assertion,severity,confidence,ruleId,source,text,suggestion,error}. An
 * error record is one row with only {@code id} and {@code error}. With redaction {@code text} is
 * empty. Cells starting with {@code = + - @} get a leading {@code '} so spreadsheets do not run them
 * as formulas.
 */
public final class CsvReportWriter extends StreamReportWriter {

    public static final String HEADER =
            "id,start,end,category,assertion,severity,confidence,ruleId,source,text,suggestion,error\r\n";

    private final boolean redact;

    public CsvReportWriter(OutputTarget target, ReportOptions options, boolean resumed) throws IOException {
        super(target);
        this.redact = options.redact();
        if (!resumed) {
            out.write(HEADER.getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Override
    public byte[] render(NoteResult r) {
        StringBuilder sb = new StringBuilder();
        if (r.isError()) {
            cell(sb, r.id()).append(",,,,,,,,,,,");
            cell(sb, r.input().error()).append("\r\n");
        } else {
            for (Finding f : r.findings()) {
                cell(sb, r.id()).append(',').append(f.start()).append(',').append(f.end()).append(',')
                        .append(f.category()).append(',').append(f.assertion()).append(',').append(f.severity())
                        .append(',').append(String.format(Locale.ROOT, "%.3f", f.confidence())).append(',');
                cell(sb, f.ruleId()).append(',').append(f.source()).append(',');
                cell(sb, redact ? "" : f.text()).append(',');
                cell(sb, f.suggestion()).append(",\r\n");
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Appends a CSV cell, quoted when needed. */
    static StringBuilder cell(StringBuilder sb, String value) {
        if (value == null || value.isEmpty()) {
            return sb;
        }
        String v = value;
        char c0 = v.charAt(0);
        if (c0 == '=' || c0 == '+' || c0 == '-' || c0 == '@' || c0 == '\t' || c0 == '\r') {
            v = "'" + v;
        }
        boolean quote = false;
        for (int i = 0; i < v.length() && !quote; i++) {
            char c = v.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            return sb.append(v);
        }
        return sb.append('"').append(v.replace("\"", "\"\"")).append('"');
    }
}
