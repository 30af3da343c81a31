package org.fairnote.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fairnote.Assertion;
import org.fairnote.Category;
import org.fairnote.Finding;
import org.fairnote.Screener;
import org.fairnote.cli.eval.EvalNote;
import org.fairnote.cli.eval.Span;
import org.fairnote.cli.eval.SpanMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fairnote eval --gold gold.jsonl [--pred pred.jsonl]}: span-level P/R/F1 per category and
 * micro (overlap match, same category, AFFIRMED only) and note-level accuracy.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Score the screener (or saved predictions) against gold spans.",
            "Gold: JSONL {\"id\", \"text\", \"spans\": [{\"start\", \"end\", \"category\"}]}.",
            "Predictions: the JSONL report of `fairnote scan -f jsonl`, matched by id."})
public final class EvalCommand extends BaseCommand {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Option(names = "--gold", required = true, paramLabel = "FILE", description = "Gold annotations (JSONL).")
    Path gold;

    @Option(names = "--pred", paramLabel = "FILE",
            description = "Predictions (scan's JSONL report); default: screen the gold texts now.")
    Path pred;

    @Option(names = "--json", description = "Print the metrics as JSON.")
    boolean json;

    @Mixin
    ScreenerOptions screenerOptions = new ScreenerOptions();

    public EvalCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() throws IOException {
        Map<String, List<Span>> predicted = pred == null ? null : readPredictions(pred);
        Screener screener = predicted == null ? screenerOptions.build(ctx) : null;
        SpanMetrics metrics = new SpanMetrics();
        int[] missing = {0};
        forEachRecord(gold, "gold file", (n, where) -> {
            if (!n.path("text").isTextual()) {
                throw new UserException(where + ": no \"text\" string");
            }
            String id = n.path("id").isValueNode() && !n.path("id").isNull() ? n.get("id").asText() : null;
            String text = n.get("text").asText();
            List<Span> goldSpans = spans(n.path("spans"), where, text.length(), false);
            List<Span> p;
            if (predicted != null) {
                p = predicted.get(id);
                if (p == null) {
                    missing[0]++;
                    p = List.of();
                }
            } else {
                p = new ArrayList<>();
                for (Finding f : screener.screen(text).flags()) {
                    p.add(new Span(f.start(), f.end(), f.category()));
                }
            }
            metrics.add(new EvalNote(id, goldSpans, p));
        });
        if (missing[0] > 0) {
            ctx.err().println("fairnote: " + missing[0] + " gold notes have no predictions in " + pred
                    + "; counted as predicting nothing");
        }
        String report = json ? MAPPER.writeValueAsString(metrics.toMap()) + "\n" : metrics.table();
        ctx.out().write(report.getBytes(StandardCharsets.UTF_8));
        ctx.out().flush();
        return ExitCodes.OK;
    }

    private static JsonNode parse(String line, Path file, int number) {
        try {
            JsonNode n = MAPPER.readTree(line);
            if (n == null || !n.isObject()) {
                throw new UserException(file + ", line " + number + ": not a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw new UserException(file + ", line " + number + ": malformed JSON");
        }
    }

    /** Spans of a gold record, or the AFFIRMED findings of a prediction record. */
    private static List<Span> spans(JsonNode array, String where, int textLength, boolean prediction) {
        List<Span> out = new ArrayList<>();
        if (array.isMissingNode() || array.isNull()) {
            return out;
        }
        if (!array.isArray()) {
            throw new UserException(where + ": \"" + (prediction ? "findings" : "spans") + "\" is not an array");
        }
        for (JsonNode s : array) {
            if (!s.path("start").isInt() || !s.path("end").isInt() || !s.path("category").isTextual()) {
                throw new UserException(where + ": each span needs integer start and end and a category");
            }
            String assertion = s.path("assertion").asText(Assertion.AFFIRMED.name());
            if (!assertion.equals(Assertion.AFFIRMED.name())) {
                continue;
            }
            Category c;
            try {
                c = Category.parse(s.get("category").asText());
            } catch (IllegalArgumentException e) {
                throw new UserException(where + ": " + e.getMessage());
            }
            int start = s.get("start").asInt();
            int end = s.get("end").asInt();
            if (start < 0 || end <= start || textLength >= 0 && end > textLength) {
                throw new UserException(where + ": span [" + start + ", " + end + ") is outside the text");
            }
            out.add(new Span(start, end, c));
        }
        return out;
    }

    private static Map<String, List<Span>> readPredictions(Path file) throws IOException {
        Map<String, List<Span>> out = new HashMap<>();
        forEachRecord(file, "predictions file", (n, where) -> {
            if (!n.path("id").isValueNode() || n.path("id").isNull()) {
                return; // an error record without id cannot be matched
            }
            List<Span> spans = spans(n.path("findings"), where, -1, true);
            out.computeIfAbsent(n.get("id").asText(), k -> new ArrayList<>()).addAll(spans);
        });
        return out;
    }

    /** Each non-blank line of a JSONL file as a JSON object, with "FILE, line N" for messages. */
    private static void forEachRecord(Path file, String what, java.util.function.BiConsumer<JsonNode, String> action)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UserException(what + " not found: " + file);
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = r.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    action.accept(parse(line, file, number), file + ", line " + number);
                }
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw new UserException(file + " is not valid UTF-8");
        }
    }
}
