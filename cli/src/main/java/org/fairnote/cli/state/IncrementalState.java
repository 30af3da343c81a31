package org.fairnote.cli.state;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The state of incremental runs ({@code --state FILE}): a content hash per note id and the versions
 * of the lexicons, rules and model that screened them. A note is screened again when it is new, its
 * content changed, or any version changed.
 *
 * <p>Crash safety. While a run goes on, screened notes are appended in batches to
 * {@code FILE.journal}, each batch line written only after the report output for those notes has
 * been flushed, and carrying the report's length at that point. A batch line is complete or ignored.
 * A later run with the same versions treats journaled notes as done (they are in a report already);
 * if it also writes the same report, it cuts the partial report back to the last batch's length and
 * appends to it: the interrupted run resumes. At the end the state file is rewritten atomically
 * (temp file, rename) and the journal deleted. The state keeps every id it has seen.
 *
 * <p>File format (JSON Lines): a header {@code {"fairnote-state":1,"versions":{...}}}, then
 * {@code {"id":...,"hash":...}} per note. The hash is Murmur3-128 of the note's UTF-16 text as UTF-8.
 */
public final class IncrementalState {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory JSON = MAPPER.getFactory();
    private static final HashFunction HASH = Hashing.murmur3_128();

    private final Path stateFile;
    private final Path journalFile;
    private final Map<String, String> versions;
    private final Map<String, String> known;
    private final List<String[]> pending = new ArrayList<>();
    private final String message;
    private final long resumeOffset;
    private final List<String[]> journaled;
    private Writer journal;

    private IncrementalState(Path stateFile, Map<String, String> versions, Map<String, String> known,
            String message, long resumeOffset, List<String[]> journaled) {
        this.stateFile = stateFile;
        this.journalFile = journalOf(stateFile);
        this.versions = versions;
        this.known = known;
        this.message = message;
        this.resumeOffset = resumeOffset;
        this.journaled = journaled;
    }

    public static Path journalOf(Path stateFile) {
        return stateFile.resolveSibling(stateFile.getFileName() + ".journal");
    }

    /** The content hash of a note. */
    public static String hash(String text) {
        return HASH.hashString(text, StandardCharsets.UTF_8).toString();
    }

    /**
     * Loads the state and any journal of an interrupted run.
     *
     * @param runKey identifies the report being written (format, path, options); a journal of a run
     *               with the same key is resumed into the same partial report
     */
    public static IncrementalState open(Path stateFile, Map<String, String> versions, String runKey)
            throws IOException {
        Map<String, String> known = new HashMap<>();
        String message = null;
        if (Files.exists(stateFile)) {
            try (BufferedReader r = Files.newBufferedReader(stateFile, StandardCharsets.UTF_8)) {
                String header = r.readLine();
                JsonNode h = header == null ? null : parse(header);
                if (h == null || !h.has("fairnote-state")) {
                    throw new IOException("not a Fairnote state file: " + stateFile);
                }
                if (!sameVersions(h.get("versions"), versions)) {
                    message = "lexicon, rule or model versions changed since the last run: every note is screened again";
                } else {
                    String line;
                    while ((line = r.readLine()) != null) {
                        JsonNode n = parse(line);
                        if (n != null && n.path("id").isTextual() && n.path("hash").isTextual()) {
                            known.put(n.get("id").asText(), n.get("hash").asText());
                        }
                    }
                }
            }
        }
        long offset = -1;
        List<String[]> journaled = new ArrayList<>();
        Path journal = journalOf(stateFile);
        if (Files.exists(journal)) {
            try (BufferedReader r = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
                String header = r.readLine();
                JsonNode h = header == null ? null : parse(header);
                if (h != null && sameVersions(h.get("versions"), versions)) {
                    boolean sameRun = runKey.equals(h.path("run").asText());
                    offset = sameRun ? 0 : -1;
                    String line;
                    while ((line = r.readLine()) != null) {
                        JsonNode n = parse(line); // a torn last line parses as null and is ignored
                        if (n == null || !n.path("notes").isArray()) {
                            continue;
                        }
                        for (JsonNode pair : n.get("notes")) {
                            known.put(pair.get(0).asText(), pair.get(1).asText());
                            journaled.add(new String[] {pair.get(0).asText(), pair.get(1).asText()});
                        }
                        if (sameRun) {
                            offset = n.path("offset").asLong();
                        }
                    }
                    message = sameRun
                            ? "resuming an interrupted run: " + journaled.size() + " notes already done"
                            : "an interrupted run had screened " + journaled.size() + " notes; they count as done";
                }
            }
        }
        return new IncrementalState(stateFile, versions, known, message, offset, journaled);
    }

    private static JsonNode parse(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean sameVersions(JsonNode node, Map<String, String> versions) {
        if (node == null || !node.isObject()) {
            return false;
        }
        Map<String, String> v = new TreeMap<>();
        node.fields().forEachRemaining(e -> v.put(e.getKey(), e.getValue().asText()));
        return v.equals(new TreeMap<>(versions));
    }

    /** A line for stderr about what was loaded, or null. */
    public String message() {
        return message;
    }

    /** Length to cut the partial report back to and append from, or -1 to start the report afresh. */
    public long resumeOffset() {
        return resumeOffset;
    }

    public int resumedNotes() {
        return journaled.size();
    }

    /** True when a note with this id and hash was screened before with the same versions. Thread-safe. */
    public boolean isUnchanged(String id, String hash) {
        return id != null && hash.equals(known.get(id));
    }

    /** Starts the journal of this run (rewritten whole, so no torn line of an earlier run remains). */
    public void startJournal(String runKey, long offset) throws IOException {
        Path tmp = journalFile.resolveSibling(journalFile.getFileName() + ".tmp");
        if (journalFile.toAbsolutePath().getParent() != null) {
            Files.createDirectories(journalFile.toAbsolutePath().getParent());
        }
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write(header(Map.of("journal", 1, "run", runKey)));
            if (!journaled.isEmpty()) {
                // carry the interrupted run's notes over, with the length of the report they are in
                w.write(batch(journaled, Math.max(0, offset)));
            }
        }
        move(tmp, journalFile);
        journal = Files.newBufferedWriter(journalFile, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** Records a screened note; written at the next checkpoint. */
    public void record(String id, String hash) {
        if (id != null) {
            pending.add(new String[] {id, hash});
        }
    }

    /** Writes the notes recorded since the last checkpoint with the report length after them. */
    public void checkpoint(long outputOffset) throws IOException {
        if (journal == null || pending.isEmpty()) {
            return;
        }
        journal.write(batch(pending, outputOffset));
        journal.flush();
        for (String[] p : pending) {
            known.put(p[0], p[1]);
        }
        pending.clear();
    }

    /** Writes the new state atomically and deletes the journal. Call after the report was committed. */
    public void commit() throws IOException {
        for (String[] p : pending) {
            known.put(p[0], p[1]);
        }
        pending.clear();
        Path tmp = stateFile.resolveSibling(stateFile.getFileName() + ".tmp");
        if (stateFile.toAbsolutePath().getParent() != null) {
            Files.createDirectories(stateFile.toAbsolutePath().getParent());
        }
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write(header(Map.of("fairnote-state", 1)));
            try (JsonGenerator g = JSON.createGenerator(w)) {
                g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
                g.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
                for (Map.Entry<String, String> e : new TreeMap<>(known).entrySet()) {
                    g.writeStartObject();
                    g.writeStringField("id", e.getKey());
                    g.writeStringField("hash", e.getValue());
                    g.writeEndObject();
                }
            }
            w.write('\n');
        }
        try (var ch = java.nio.channels.FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        move(tmp, stateFile);
        closeJournal();
        Files.deleteIfExists(journalFile);
    }

    /** Flushes and closes the journal, leaving it for a resumed run. */
    public void closeJournal() {
        if (journal != null) {
            try {
                journal.close();
            } catch (IOException ignored) {
                // best effort: the last batch may be torn, which a resumed run ignores
            }
            journal = null;
        }
    }

    private String header(Map<String, Object> first) throws IOException {
        Map<String, Object> h = new java.util.LinkedHashMap<>(first);
        h.put("versions", new TreeMap<>(versions));
        return MAPPER.writeValueAsString(h) + "\n";
    }

    private static String batch(List<String[]> notes, long offset) throws IOException {
        Map<String, Object> b = new java.util.LinkedHashMap<>();
        b.put("offset", offset);
        b.put("notes", notes);
        return MAPPER.writeValueAsString(b) + "\n";
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
