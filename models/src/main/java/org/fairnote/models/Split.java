package org.fairnote.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The fixed train/test split by note, and the 5 cross-validation folds of the training notes.
 *
 * <p>A note is in the test split when {@code murmur3_32_fixed(seed 0)} of its UTF-8 id, read as an
 * unsigned number, is below 20 modulo 100 (about 20%); a training note's fold is
 * {@code murmur3_32_fixed(seed 1)} of its id modulo 5. The split depends only on the ids, so adding
 * notes never moves existing ones. It is stored in {@code models/corpus/split.json}; the test split
 * is never used for training or tuning.
 *
 * @param test  ids of test notes, sorted
 * @param folds per fold, the ids of its training notes, sorted
 */
public record Split(List<String> test, List<List<String>> folds) {

    public static final int TEST_PERCENT = 20;
    public static final int FOLDS = 5;
    public static final String FILE = "split.json";
    private static final HashFunction TEST_HASH = Hashing.murmur3_32_fixed(0);
    private static final HashFunction FOLD_HASH = Hashing.murmur3_32_fixed(1);

    public static boolean isTest(String id) {
        return Integer.toUnsignedLong(TEST_HASH.hashString(id, StandardCharsets.UTF_8).asInt()) % 100 < TEST_PERCENT;
    }

    public static int foldOf(String id) {
        return (int) (Integer.toUnsignedLong(FOLD_HASH.hashString(id, StandardCharsets.UTF_8).asInt()) % FOLDS);
    }

    /** Computes the split of these notes. */
    public static Split of(List<Note> notes) {
        TreeSet<String> test = new TreeSet<>();
        List<TreeSet<String>> folds = new ArrayList<>();
        for (int f = 0; f < FOLDS; f++) {
            folds.add(new TreeSet<>());
        }
        for (Note n : notes) {
            if (isTest(n.id())) {
                test.add(n.id());
            } else {
                folds.get(foldOf(n.id())).add(n.id());
            }
        }
        return new Split(List.copyOf(test), folds.stream().map(List::copyOf).toList());
    }

    public boolean inTest(Note n) {
        return test.contains(n.id());
    }

    public List<Note> testNotes(List<Note> notes) {
        return notes.stream().filter(n -> test.contains(n.id())).toList();
    }

    public List<Note> trainNotes(List<Note> notes) {
        return notes.stream().filter(n -> !test.contains(n.id())).toList();
    }

    /** Training notes in fold {@code f}. */
    public List<Note> fold(List<Note> notes, int f) {
        java.util.Set<String> ids = new java.util.HashSet<>(folds.get(f));
        return notes.stream().filter(n -> ids.contains(n.id())).toList();
    }

    /** Training notes outside fold {@code f}. */
    public List<Note> outsideFold(List<Note> notes, int f) {
        java.util.Set<String> ids = new java.util.HashSet<>(folds.get(f));
        return notes.stream().filter(n -> !test.contains(n.id()) && !ids.contains(n.id())).toList();
    }

    public String toJson() {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode o = m.createObjectNode();
        o.put("method", "test: murmur3_32_fixed(seed 0) of the UTF-8 note id, unsigned, mod 100 < "
                + TEST_PERCENT + "; folds of the training notes: murmur3_32_fixed(seed 1) mod " + FOLDS);
        ArrayNode t = o.putArray("test");
        test.forEach(t::add);
        ArrayNode fs = o.putArray("folds");
        for (List<String> f : folds) {
            ArrayNode a = fs.addArray();
            f.forEach(a::add);
        }
        try {
            return m.writeValueAsString(o) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Split read(Path file) {
        try {
            JsonNode o = new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
            List<String> test = new ArrayList<>();
            o.get("test").forEach(x -> test.add(x.asText()));
            List<List<String>> folds = new ArrayList<>();
            for (JsonNode f : o.get("folds")) {
                List<String> ids = new ArrayList<>();
                f.forEach(x -> ids.add(x.asText()));
                folds.add(List.copyOf(ids));
            }
            return new Split(List.copyOf(test), List.copyOf(folds));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read split file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The stored split of the corpus directory when {@code split.json} exists (checked against the
     * notes: a note the stored split does not know is placed by its hash), else the computed one.
     */
    public static Split forCorpus(Path corpusDir, List<Note> notes) {
        Path file = Files.isDirectory(corpusDir) ? corpusDir.resolve(FILE) : corpusDir.resolveSibling(FILE);
        Split computed = of(notes);
        if (!Files.exists(file)) {
            return computed;
        }
        Split stored = read(file);
        Map<String, Boolean> known = new TreeMap<>();
        stored.test.forEach(id -> known.put(id, true));
        stored.folds.forEach(f -> f.forEach(id -> known.put(id, false)));
        for (Note n : notes) {
            if (!known.containsKey(n.id())) {
                return computed; // a different or extended corpus: the hash rule places every note
            }
        }
        return stored;
    }
}
