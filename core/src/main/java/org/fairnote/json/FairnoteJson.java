package org.fairnote.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;
import org.fairnote.Finding;
import org.fairnote.Screening;

/**
 * The stable JSON form of {@link Screening} and {@link Finding}: field names exactly as the record
 * components, enums as their names, fields in a fixed order. One configured, thread-safe mapper.
 *
 * <pre>{@code
 * {"findings":[{"start":0,"end":19,"text":"Do not convey to ED","category":"CARE_WITHHOLDING",
 *   "assertion":"AFFIRMED","severity":"HIGH","confidence":1.0,"ruleId":"WITH-do-not-convey",
 *   "source":"LEXICON","explanation":"...","suggestion":"..."}],
 *  "versions":{"fairnote":"0.1.0","care-withholding":"2026.12.0"},"textLength":20}
 * }</pre>
 */
public final class FairnoteJson {

    @JsonPropertyOrder({"start", "end", "text", "category", "assertion", "severity", "confidence", "ruleId",
        "source", "explanation", "suggestion"})
    @JsonIgnoreProperties(value = {"flag"}, allowGetters = false)
    private abstract static class FindingMixin {
    }

    @JsonPropertyOrder({"findings", "versions", "textLength"})
    @JsonIgnoreProperties(value = {"flags"}, ignoreUnknown = false)
    private abstract static class ScreeningMixin {
    }

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addMixIn(Finding.class, FindingMixin.class)
            .addMixIn(Screening.class, ScreeningMixin.class)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private FairnoteJson() {
    }

    /** The shared mapper, configured for Fairnote's types. Do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static ObjectWriter writer() {
        return MAPPER.writer();
    }

    public static ObjectReader reader() {
        return MAPPER.reader();
    }

    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Screening screeningFromJson(String json) {
        try {
            return MAPPER.readValue(json, Screening.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Finding findingFromJson(String json) {
        try {
            return MAPPER.readValue(json, Finding.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
