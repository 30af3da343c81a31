package org.fairnote.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.ThreadParams;

/** The benchmark corpora (one per note size, built once per JVM) and the per-thread state every benchmark uses. */
public final class Notes {

    /** Chars of notes per corpus: larger than the L2/L3 caches, so the text streams from memory as it would. */
    public static final long CORPUS_CHARS = 16L * 1024 * 1024;

    private static final Map<Integer, List<String>> CACHE = new ConcurrentHashMap<>();
    private static final Map<Integer, List<String>> VARIED_CACHE = new ConcurrentHashMap<>();

    /** Which notes a benchmark screens. */
    public enum Kind {
        /** {@link #of}: the generated notes. */
        GENERATED,
        /** {@link #varied}: the same kind of notes with many rare words in their neutral prose. */
        VARIED;

        public List<String> notes(int noteChars) {
            return this == GENERATED ? of(noteChars) : varied(noteChars);
        }
    }

    private Notes() {
    }

    /** The notes of about {@code noteChars} chars each, from the default seed. */
    public static List<String> of(int noteChars) {
        return CACHE.computeIfAbsent(noteChars, n -> NoteCorpus.notes(NoteCorpus.DEFAULT_SEED, n, CORPUS_CHARS));
    }

    /** Notes of about {@code noteChars} chars with rare words in their neutral prose ({@link NoteCorpus#variedNotes}). */
    public static List<String> varied(int noteChars) {
        return VARIED_CACHE.computeIfAbsent(noteChars,
                n -> NoteCorpus.variedNotes(NoteCorpus.DEFAULT_SEED, n, CORPUS_CHARS));
    }

    /**
     * Bytes screened, reported by JMH as a rate next to ops/s: "bytes" in the results is bytes per
     * second (the notes are ASCII, so chars = bytes); divide by 10^6 for MB/s.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    /** Walks the notes round-robin; each thread starts at a different note. */
    @State(Scope.Thread)
    public static class Cursor {
        private int next;

        @Setup(Level.Trial)
        public void start(ThreadParams thread) {
            next = thread.getThreadIndex() * 7919;
        }

        public String next(List<String> notes, Bytes bytes) {
            if (next >= notes.size()) {
                next %= notes.size();
            }
            String note = notes.get(next++);
            bytes.bytes += note.length();
            return note;
        }
    }
}
