package org.fairnote.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.fairnote.Category;

/**
 * The canonical corpus form: JSON Lines, one note per line,
 * {@code {"id","type","text","spans":[{"start","end","category"}]}}. Offsets are UTF-16 char
 * indices, end exclusive. Only AFFIRMED spans are labelled.
 */
public final class Corpus {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Corpus() {
    }

    /** Reads every {@code *.jsonl} file of a directory (in file-name order), or one file. */
    public static List<Note> read(Path dirOrFile) {
        List<Note> notes = new ArrayList<>();
        for (Path f : files(dirOrFile)) {
            notes.addAll(readJsonl(f));
        }
        Set<String> ids = new HashSet<>();
        for (Note n : notes) {
            if (!ids.add(n.id())) {
                throw new IllegalArgumentException("duplicate note id '" + n.id() + "' in " + dirOrFile);
            }
        }
        return notes;
    }

    /** The JSONL files read by {@link #read}, sorted by name. */
    public static List<Path> files(Path dirOrFile) {
        if (!Files.isDirectory(dirOrFile)) {
            if (!Files.isRegularFile(dirOrFile)) {
                throw new IllegalArgumentException("no corpus at " + dirOrFile);
            }
            return List.of(dirOrFile);
        }
        try (Stream<Path> s = Files.list(dirOrFile)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
            if (files.isEmpty()) {
                throw new IllegalArgumentException("no *.jsonl files in " + dirOrFile);
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Note> readJsonl(Path file) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readJsonl(r, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static List<Note> readJsonl(Reader reader, String name) throws IOException {
        BufferedReader r = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<Note> notes = new ArrayList<>();
        String line;
        int lineNo = 0;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            try {
                notes.add(parse(line));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException(name + ":" + lineNo + ": " + e.getMessage(), e);
            }
        }
        return notes;
    }

    /** Parses one JSONL line. */
    public static Note parse(String line) throws IOException {
        JsonNode n = MAPPER.readTree(line);
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String id = required(n, "id").asText();
        String text = required(n, "text").asText();
        String type = n.hasNonNull("type") ? n.get("type").asText() : null;
        List<Note.Span> spans = new ArrayList<>();
        JsonNode arr = n.get("spans");
        if (arr != null && !arr.isNull()) {
            for (JsonNode s : arr) {
                int start = required(s, "start").asInt();
                int end = required(s, "end").asInt();
                Category c = Category.parse(required(s, "category").asText());
                spans.add(new Note.Span(start, end, c));
            }
        }
        return new Note(id, type, text, spans);
    }

    private static JsonNode required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return v;
    }

    /** One note as a JSONL line (no newline), fields in canonical order. */
    public static String toJson(Note note) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", note.id());
        if (note.type() != null) {
            o.put("type", note.type());
        }
        o.put("text", note.text());
        ArrayNode spans = o.putArray("spans");
        for (Note.Span s : note.spans()) {
            ObjectNode j = spans.addObject();
            j.put("start", s.start());
            j.put("end", s.end());
            j.put("category", s.category().name());
        }
        try {
            return MAPPER.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void writeJsonl(List<Note> notes, Writer w) throws IOException {
        for (Note n : notes) {
            w.write(toJson(n));
            w.write('\n');
        }
    }

    public static void writeJsonl(List<Note> notes, Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeJsonl(notes, w);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** SHA-256 over the bytes of the corpus files, in name order (file names included). */
    public static String sha256(Path dirOrFile) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path f : files(dirOrFile)) {
                md.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(Files.readAllBytes(f));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
