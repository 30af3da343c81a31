package org.fairnote.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NoteCorpusTest {
    private static final Pattern LONG_WORD = Pattern.compile("\\b[a-z]{5,}\\b");

    @Test
    void variedNotesAreReproducibleAndFullOfWordsTheGeneratedNotesNeverUse() {
        List<String> generated = NoteCorpus.notes(11, NoteCorpus.SMALL, 200_000);
        List<String> varied = NoteCorpus.variedNotes(11, NoteCorpus.SMALL, 200_000);
        assertEquals(varied, NoteCorpus.variedNotes(11, NoteCorpus.SMALL, 200_000));

        Set<String> known = new HashSet<>();
        for (String note : generated) {
            Matcher m = LONG_WORD.matcher(note);
            while (m.find()) {
                known.add(m.group());
            }
        }
        int words = 0;
        int unseen = 0;
        Set<String> distinctUnseen = new HashSet<>();
        for (String note : varied) {
            assertTrue(note.length() <= NoteCorpus.SMALL, "a note longer than asked");
            Matcher m = LONG_WORD.matcher(note);
            while (m.find()) {
                words++;
                if (!known.contains(m.group())) {
                    unseen++;
                    distinctUnseen.add(m.group());
                }
            }
        }
        // 30 % of the neutral sentences' long words (most sentences are neutral), drawn from 50,000 words
        double share = (double) unseen / words;
        assertTrue(share > 0.15 && share < 0.35, "share of rare words " + share);
        assertTrue(distinctUnseen.size() > 0.8 * unseen, "rare words repeat too often: " + distinctUnseen.size()
                + " distinct of " + unseen);
    }

    @Test
    void variedNotesKeepTheirFlaggedWording() {
        List<String> varied = NoteCorpus.variedNotes(12, NoteCorpus.SMALL, 100_000);
        var screener = Lexicons.screener(Lexicons.bundled(), Lexicons.Size.DEFAULT);
        long flags = varied.stream().mapToLong(n -> screener.screen(n).flags().size()).sum();
        assertTrue(flags > varied.size(), "hit sentences are left as written, so most notes carry flags: " + flags
                + " flags in " + varied.size() + " notes");
    }
}
