package org.fairnote.lexicons;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.fairnote.Assertion;
import org.fairnote.Category;
import org.fairnote.Severity;
import org.fairnote.context.ContextRule;
import org.fairnote.context.Direction;
import org.fairnote.context.SectionRule;
import org.fairnote.lexicon.FlagExample;
import org.fairnote.lexicon.Lexicon;
import org.fairnote.lexicon.LexiconEntry;
import org.fairnote.lexicon.LexiconException;
import org.fairnote.lexicon.Origin;
import org.fairnote.match.PatternParser;

/**
 * Reads lexicon, context-rule and section files (JSON, format in lexicons/README.md) and validates
 * them: unknown keys, missing fields, unknown categories, severities or assertions, malformed or
 * over-broad patterns and duplicate ids are rejected with the file, line and entry id.
 */
public final class LexiconReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> FILE_KEYS = Set.of("lexicon", "version", "category", "description", "entries");
    private static final Set<String> ENTRY_KEYS = Set.of("id", "severity", "patterns", "requires", "unless",
            "explanation", "suggestion", "examples", "note");
    private static final Set<String> RULE_FILE_KEYS = Set.of("name", "version", "description", "rules");
    private static final Set<String> RULE_KEYS = Set.of("id", "pattern", "patterns", "assertion", "direction",
            "maxScope", "onlyCategories", "exceptCategories", "examples", "note");
    private static final Set<String> SECTION_KEYS = Set.of("id", "pattern", "patterns", "assertion",
            "onlyCategories", "examples", "note");

    private LexiconReader() {
    }

    /** Reads a lexicon file from disk. */
    public static Lexicon readLexicon(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return readLexicon(in, file.toString());
        } catch (IOException e) {
            throw new LexiconException(new Origin(file.toString(), 0), null, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads a lexicon from a stream; {@code name} is used in error messages. */
    public static Lexicon readLexicon(InputStream in, String name) {
        List<Located> items = new ArrayList<>();
        ObjectNode root = readRoot(in, name, "entries", items);
        checkKeys(root, FILE_KEYS, new Origin(name, 1), null);
        String lexicon = requiredText(root, "lexicon", new Origin(name, 1), null);
        String version = requiredText(root, "version", new Origin(name, 1), null);
        String categoryName = requiredText(root, "category", new Origin(name, 1), null);
        Category category;
        try {
            category = Category.parse(categoryName);
        } catch (IllegalArgumentException e) {
            throw new LexiconException(new Origin(name, 1), null, e.getMessage());
        }
        List<LexiconEntry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Located item : items) {
            LexiconEntry entry = readEntry(item, category, name);
            if (!ids.add(entry.id())) {
                throw new LexiconException(entry.origin(), entry.id(), "duplicate entry id");
            }
            entries.add(entry);
        }
        if (entries.isEmpty()) {
            throw new LexiconException(new Origin(name, 1), null, "has no entries");
        }
        return new Lexicon(lexicon, version, entries);
    }

    private static LexiconEntry readEntry(Located item, Category category, String file) {
        Origin origin = new Origin(file, item.line);
        JsonNode n = item.node;
        if (!n.isObject()) {
            throw new LexiconException(origin, null, "an entry must be a JSON object");
        }
        String id = requiredText(n, "id", origin, null);
        checkKeys(n, ENTRY_KEYS, origin, id);
        Severity severity;
        try {
            severity = Severity.parse(requiredText(n, "severity", origin, id));
        } catch (IllegalArgumentException e) {
            throw new LexiconException(origin, id, e.getMessage());
        }
        List<String> patterns = textList(n, "patterns", origin, id, true);
        List<String> requires = textList(n, "requires", origin, id, false);
        List<String> unless = textList(n, "unless", origin, id, false);
        for (List<String> list : List.of(patterns, requires, unless)) {
            for (String p : list) {
                checkPattern(p, origin, id);
            }
        }
        String explanation = requiredText(n, "explanation", origin, id);
        String suggestion = requiredText(n, "suggestion", origin, id);
        List<FlagExample> flags = new ArrayList<>();
        List<String> passes = new ArrayList<>();
        JsonNode examples = n.get("examples");
        if (examples == null || !examples.isObject()) {
            throw new LexiconException(origin, id, "needs \"examples\": {\"flag\": [...], \"pass\": [...]}");
        }
        checkKeys(examples, Set.of("flag", "pass"), origin, id);
        JsonNode flag = examples.get("flag");
        if (flag == null || !flag.isArray() || flag.isEmpty()) {
            throw new LexiconException(origin, id, "needs at least one examples.flag sentence");
        }
        for (JsonNode f : flag) {
            if (!f.isObject() || !f.path("text").isTextual() || !f.path("span").isTextual()) {
                throw new LexiconException(origin, id, "each examples.flag item is {\"text\": ..., \"span\": ...}");
            }
            String text = f.get("text").asText();
            String span = f.get("span").asText();
            if (span.isEmpty() || !text.contains(span)) {
                throw new LexiconException(origin, id, "example span \"" + span + "\" does not occur in its text");
            }
            flags.add(new FlagExample(text, span));
        }
        passes.addAll(textList(examples, "pass", origin, id, true));
        return new LexiconEntry(id, category, severity, patterns, requires, unless, explanation, suggestion, flags,
                passes, origin);
    }

    /** A context-rule file and its version. */
    public record ContextRules(String name, String version, List<ContextRule> rules) {
    }

    /** A section file and its version. */
    public record SectionRules(String name, String version, List<SectionRule> rules) {
    }

    public static ContextRules readContextRules(InputStream in, String file) {
        List<Located> items = new ArrayList<>();
        ObjectNode root = readRoot(in, file, "rules", items);
        checkKeys(root, RULE_FILE_KEYS, new Origin(file, 1), null);
        String name = requiredText(root, "name", new Origin(file, 1), null);
        String version = requiredText(root, "version", new Origin(file, 1), null);
        List<ContextRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Located item : items) {
            Origin origin = new Origin(file, item.line);
            JsonNode n = item.node;
            String id = requiredText(n, "id", origin, null);
            checkKeys(n, RULE_KEYS, origin, id);
            if (!ids.add(id)) {
                throw new LexiconException(origin, id, "duplicate rule id");
            }
            Direction direction;
            try {
                direction = Direction.valueOf(requiredText(n, "direction", origin, id));
            } catch (IllegalArgumentException e) {
                throw new LexiconException(origin, id, "unknown direction; expected one of "
                        + java.util.Arrays.toString(Direction.values()));
            }
            Assertion assertion = n.has("assertion") ? assertion(n, origin, id) : null;
            int scope = n.path("maxScope").asInt(ContextRule.DEFAULT_SCOPE);
            Set<Category> only = categories(n, "onlyCategories", origin, id);
            Set<Category> except = categories(n, "exceptCategories", origin, id);
            List<String> patterns = n.has("patterns") ? textList(n, "patterns", origin, id, true)
                    : List.of(requiredText(n, "pattern", origin, id));
            int k = 0;
            for (String p : patterns) {
                checkPattern(p, origin, id, false);
                String ruleId = patterns.size() == 1 ? id : id + "#" + (++k);
                try {
                    rules.add(new ContextRule(ruleId, p, assertion, direction, scope, only, except, origin));
                } catch (IllegalArgumentException e) {
                    throw new LexiconException(origin, id, e.getMessage());
                }
            }
        }
        return new ContextRules(name, version, rules);
    }

    public static SectionRules readSectionRules(InputStream in, String file) {
        List<Located> items = new ArrayList<>();
        ObjectNode root = readRoot(in, file, "rules", items);
        checkKeys(root, RULE_FILE_KEYS, new Origin(file, 1), null);
        String name = requiredText(root, "name", new Origin(file, 1), null);
        String version = requiredText(root, "version", new Origin(file, 1), null);
        List<SectionRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Located item : items) {
            Origin origin = new Origin(file, item.line);
            JsonNode n = item.node;
            String id = requiredText(n, "id", origin, null);
            checkKeys(n, SECTION_KEYS, origin, id);
            if (!ids.add(id)) {
                throw new LexiconException(origin, id, "duplicate rule id");
            }
            Assertion assertion = assertion(n, origin, id);
            Set<Category> only = categories(n, "onlyCategories", origin, id);
            List<String> patterns = n.has("patterns") ? textList(n, "patterns", origin, id, true)
                    : List.of(requiredText(n, "pattern", origin, id));
            int k = 0;
            for (String p : patterns) {
                checkPattern(p, origin, id);
                rules.add(new SectionRule(patterns.size() == 1 ? id : id + "#" + (++k), p, assertion, only, origin));
            }
        }
        return new SectionRules(name, version, rules);
    }

    private static Assertion assertion(JsonNode n, Origin origin, String id) {
        String a = requiredText(n, "assertion", origin, id);
        try {
            return Assertion.valueOf(a);
        } catch (IllegalArgumentException e) {
            throw new LexiconException(origin, id, "unknown assertion '" + a + "'; expected one of "
                    + java.util.Arrays.toString(Assertion.values()));
        }
    }

    private static Set<Category> categories(JsonNode n, String field, Origin origin, String id) {
        Set<Category> out = EnumSet.noneOf(Category.class);
        for (String c : textList(n, field, origin, id, false)) {
            try {
                out.add(Category.parse(c));
            } catch (IllegalArgumentException e) {
                throw new LexiconException(origin, id, e.getMessage());
            }
        }
        return out;
    }

    private static void checkPattern(String p, Origin origin, String id) {
        checkPattern(p, origin, id, true);
    }

    private static void checkPattern(String p, Origin origin, String id, boolean requireWord) {
        try {
            PatternParser.parse(p, requireWord);
        } catch (IllegalArgumentException e) {
            throw new LexiconException(origin, id, e.getMessage(), e);
        }
    }

    private record Located(JsonNode node, int line) {
    }

    /** Reads the root object, recording the line of each item of the array field {@code arrayField}. */
    private static ObjectNode readRoot(InputStream in, String file, String arrayField, List<Located> items) {
        try (JsonParser p = new JsonFactory().setCodec(MAPPER).createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new LexiconException(new Origin(file, line(p.currentLocation())), null,
                        "must be a JSON object");
            }
            ObjectNode root = MAPPER.createObjectNode();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                if (field.equals(arrayField)) {
                    if (t != JsonToken.START_ARRAY) {
                        throw new LexiconException(new Origin(file, line(p.currentLocation())), null,
                                "\"" + arrayField + "\" must be an array");
                    }
                    ArrayNode array = root.putArray(field);
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        int line = line(p.currentLocation());
                        JsonNode node = p.readValueAsTree();
                        array.add(node);
                        items.add(new Located(node, line));
                    }
                } else {
                    root.set(field, p.readValueAsTree());
                }
            }
            if (!root.has(arrayField)) {
                throw new LexiconException(new Origin(file, 1), null, "has no \"" + arrayField + "\" array");
            }
            return root;
        } catch (JsonParseException e) {
            throw new LexiconException(new Origin(file, line(e.getLocation())), null,
                    "malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : location.getLineNr();
    }

    private static void checkKeys(JsonNode n, Set<String> allowed, Origin origin, String id) {
        Iterator<String> names = n.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!allowed.contains(key)) {
                throw new LexiconException(origin, id, "unknown key \"" + key + "\"; allowed: " + allowed);
            }
        }
    }

    private static String requiredText(JsonNode n, String field, Origin origin, String id) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new LexiconException(origin, id, "needs a non-empty text \"" + field + "\"");
        }
        return v.asText();
    }

    private static List<String> textList(JsonNode n, String field, Origin origin, String id, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new LexiconException(origin, id, "needs a non-empty array \"" + field + "\"");
            }
            return List.of();
        }
        if (!v.isArray() || required && v.isEmpty()) {
            throw new LexiconException(origin, id, "\"" + field + "\" must be a non-empty array of texts");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isTextual() || item.asText().isBlank()) {
                throw new LexiconException(origin, id, "\"" + field + "\" must contain only non-empty texts");
            }
            out.add(item.asText());
        }
        return out;
    }
}
