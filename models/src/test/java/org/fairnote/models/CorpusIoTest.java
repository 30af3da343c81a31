package org.fairnote.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.fairnote.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusIoTest {

    static final Path CORPUS = Path.of("corpus");

    static List<Note> corpus() {
        return Corpus.read(CORPUS);
    }

    @Test
    void corpusIsValid() {
        List<Note> notes = corpus();
        assertTrue(notes.size() >= 600, "notes: " + notes.size());
        for (Note n : notes) {
            for (Note.Span s : n.spans()) {
                String covered = n.textOf(s);
                assertEquals(covered.strip(), covered, n.id() + ": span has surrounding blanks");
            }
        }
    }

    /** The development set is never trained on: none of its notes may be in the training corpus. */
    @Test
    void devSetIsValidAndHeldOut() {
        List<Note> dev = Corpus.read(Path.of("dev"));
        assertTrue(dev.size() >= 100, "dev notes: " + dev.size());
        List<Note> notes = corpus();
        Set<String> ids = notes.stream().map(Note::id).collect(Collectors.toSet());
        Set<String> texts = notes.stream().map(Note::text).collect(Collectors.toSet());
        for (Note n : dev) {
            assertFalse(ids.contains(n.id()), n.id() + " is also in the training corpus");
            assertFalse(texts.contains(n.text()), n.id() + "'s text is also in the training corpus");
            for (Note.Span s : n.spans()) {
                String covered = n.textOf(s);
                assertEquals(covered.strip(), covered, n.id() + ": span has surrounding blanks");
            }
        }
    }

    @Test
    void jsonlRoundTrip(@TempDir Path dir) throws Exception {
        List<Note> notes = corpus();
        Path f = dir.resolve("all.jsonl");
        Corpus.writeJsonl(notes, f);
        assertEquals(notes, Corpus.read(f));
        StringWriter w = new StringWriter();
        Corpus.writeJsonl(notes.subList(0, 3), w);
        assertEquals(notes.subList(0, 3), Corpus.readJsonl(new StringReader(w.toString()), "mem"));
    }

    @Test
    void jsonlErrorsNameTheLine() {
        String bad = "{\"id\":\"a\",\"text\":\"abc\",\"spans\":[]}\n"
                + "{\"id\":\"b\",\"text\":\"abc\",\"spans\":[{\"start\":1,\"end\":9,\"category\":\"POLICE_IN_CARE\"}]}\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Corpus.readJsonl(new StringReader(bad), "x.jsonl"));
        assertTrue(e.getMessage().startsWith("x.jsonl:2:"), e.getMessage());
        String badCat = "{\"id\":\"a\",\"text\":\"abc\",\"spans\":[{\"start\":0,\"end\":1,\"category\":\"NOPE\"}]}";
        assertThrows(IllegalArgumentException.class, () -> Corpus.readJsonl(new StringReader(badCat), "y"));
    }

    @Test
    void bratRoundTripOfTheCorpus(@TempDir Path dir) {
        List<Note> notes = corpus();
        Brat.export(notes, dir);
        List<Note> back = Brat.importDir(dir);
        assertEquals(notes.size(), back.size());
        java.util.Map<String, Note> byId = new java.util.HashMap<>();
        back.forEach(n -> byId.put(n.id(), n));
        for (Note n : notes) {
            Note b = byId.get(n.id());
            assertEquals(n.text(), b.text(), n.id());
            assertEquals(n.spans(), b.spans(), n.id());
        }
    }

    @Test
    void bratHandlesLineBreaksAndAstralChars(@TempDir Path dir) throws Exception {
        String text = "\uD83D\uDE00 Plan: police\nmentor weekly. She 'claims' pain.";
        int ps = text.indexOf("police");
        int pe = text.indexOf(" weekly");
        int cs = text.indexOf("'claims'");
        Note n = new Note("n1", null, text, List.of(new Note.Span(ps, pe, Category.POLICE_IN_CARE),
                new Note.Span(cs, cs + 8, Category.CREDIBILITY_DOUBT)));
        Brat.export(List.of(n), dir);
        String ann = Files.readString(dir.resolve("n1.ann"));
        // code points: the emoji counts once; the line break splits the span into two fragments
        int cpStart = text.codePointCount(0, ps);
        assertTrue(ann.startsWith("T1\tPOLICE_IN_CARE " + cpStart + " " + (cpStart + 6) + ";"), ann);
        assertTrue(ann.contains("\tpolice mentor\n"), ann);
        assertEquals(List.of(n), Brat.importDir(dir));
    }

    @Test
    void bratImportRejectsBadLines() {
        assertThrows(IllegalArgumentException.class,
                () -> Brat.fromAnn("a", "abc", "T1\tPOLICE_IN_CARE 0 9\tabc\n", "a.ann"));
        assertThrows(IllegalArgumentException.class,
                () -> Brat.fromAnn("a", "abc", "T1\tPERSON 0 1\ta\n", "a.ann"));
        Note n = Brat.fromAnn("a", "abc", "R1\tRel Arg1:T1 Arg2:T2\n#1\tAnnotatorNotes T1\tx\n", "a.ann");
        assertEquals(0, n.spans().size());
    }

    @Test
    void splitIsStoredAndStable() {
        List<Note> notes = corpus();
        Split stored = Split.read(CORPUS.resolve(Split.FILE));
        assertEquals(Split.of(notes), stored, "split.json no longer matches the hash rule");
        // train-only notes (D-) were written with ids the hash keeps out of the test split
        long annotated = notes.stream().filter(n -> !n.id().startsWith(EvaluateModel.TRAIN_ONLY_PREFIX)).count();
        double share = (double) stored.test().size() / annotated;
        assertTrue(share > 0.15 && share < 0.25, "test share of the annotated notes " + share);
        assertTrue(stored.test().stream().noneMatch(id -> id.startsWith(EvaluateModel.TRAIN_ONLY_PREFIX)),
                "a train-only note is in the test split");
        // by id only: a subset of the notes keeps every note where it was
        Split sub = Split.of(notes.subList(0, 100));
        for (Note n : notes.subList(0, 100)) {
            assertEquals(stored.test().contains(n.id()), sub.test().contains(n.id()));
            assertEquals(Split.isTest(n.id()), stored.test().contains(n.id()));
        }
        for (int f = 0; f < Split.FOLDS; f++) {
            for (Note n : stored.fold(notes, f)) {
                assertEquals(f, Split.foldOf(n.id()));
            }
        }
        assertEquals(notes.size() - stored.test().size(),
                stored.folds().stream().mapToInt(List::size).sum());
    }
}
