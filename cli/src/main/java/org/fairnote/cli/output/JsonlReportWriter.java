package org.fairnote.cli.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.fairnote.Finding;
import org.fairnote.json.FairnoteJson;

/**
 * One line per input record, in input order: {@code {"id":...,"findings":[...],"error":null}}, the
 * findings in core's JSON form ({@link FairnoteJson}); an error record is
 * {@code {"id":...,"line":...,"findings":[],"error":"..."}}. With redaction the findings have no
 * {@code text}.
 */
public final class JsonlReportWriter extends StreamReportWriter {

    private static final ObjectWriter FINDING = FairnoteJson.writer();
    private final boolean redact;
    private final JsonFactory factory = FairnoteJson.mapper().getFactory();

    public JsonlReportWriter(OutputTarget target, ReportOptions options) {
        super(target);
        this.redact = options.redact();
    }

    @Override
    public byte[] render(NoteResult r) {
        StringWriter sw = new StringWriter(256 + r.findings().size() * 400);
        try (JsonGenerator g = factory.createGenerator(sw)) {
            writeRecord(g, r, redact);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sw.append('\n');
        return sw.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Writes one record object; shared with other writers (brat's error file). */
    static void writeRecord(JsonGenerator g, NoteResult r, boolean redact) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", r.id());
        if (r.isError()) {
            g.writeNumberField("line", r.input().line());
        }
        g.writeArrayFieldStart("findings");
        if (!r.isError()) {
            for (Finding f : r.findings()) {
                if (redact) {
                    writeRedacted(g, f);
                } else {
                    FINDING.writeValue(g, f);
                }
            }
        }
        g.writeEndArray();
        g.writeStringField("error", r.input().error());
        g.writeEndObject();
    }

    private static void writeRedacted(JsonGenerator g, Finding f) throws IOException {
        g.writeStartObject();
        g.writeNumberField("start", f.start());
        g.writeNumberField("end", f.end());
        g.writeStringField("category", f.category().name());
        g.writeStringField("assertion", f.assertion().name());
        g.writeStringField("severity", f.severity().name());
        g.writeNumberField("confidence", f.confidence());
        g.writeStringField("ruleId", f.ruleId());
        g.writeStringField("source", f.source().name());
        g.writeEndObject();
    }
}
