package org.fairnote.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fairnote's rule-based SentenceSplitter against OpenNLP's SentenceDetectorME on the labelled
 * clinical snippets in {@code clinical-sentences.txt}. The floor guards against regressions; the
 * errors are printed (and listed by {@code SentenceEval}'s main) for whoever improves the splitter.
 */
class SentenceSplitAccuracyTest {

    /**
     * Measured 0.951 on the first 81 snippets when the set was written; 0.988 on all 146 after the
     * splitter fixes (the known misses are listed in benchmarks/README.md).
     */
    private static final double MIN_F1 = 0.97;

    private static List<SentenceEval.Snippet> snippets;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = SentenceSplitAccuracyTest.class.getResourceAsStream("clinical-sentences.txt")) {
            snippets = SentenceEval.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void labelledSetIsWellFormed() {
        assertTrue(snippets.size() >= 60, "at least 60 snippets, found " + snippets.size());
        for (SentenceEval.Snippet s : snippets) {
            assertTrue(s.text().indexOf(SentenceEval.MARK) < 0);
            for (int b : s.boundaries()) {
                assertTrue(b > 0 && b < s.text().length() && !Character.isWhitespace(s.text().charAt(b)),
                        "a boundary must sit before a sentence's first char: " + SentenceEval.context(s.text(), b));
            }
        }
        assertEquals("Pt. seen at home with her mother. She reports low mood for approx. three weeks.",
                snippets.get(0).text());
        assertEquals(List.of(34), List.copyOf(snippets.get(0).boundaries()));
    }

    @Test
    void fairnoteSplitterIsAccurateAndBeatsOpenNlp() {
        SentenceEval.Result ours = SentenceEval.evaluate("Fairnote SentenceSplitter", snippets, SentenceEval::fairnote);
        SentenceEval.Result nlp = SentenceEval.evaluate("OpenNLP SentenceDetectorME", snippets, SentenceEval.openNlp());
        System.out.println(ours);
        System.out.println(nlp);
        ours.errors().forEach(e -> System.out.println("  " + e));
        assertTrue(ours.f1() >= MIN_F1, "Fairnote splitter F1 " + ours.f1() + " fell below " + MIN_F1 + ": "
                + ours.errors());
        assertTrue(ours.f1() > nlp.f1(), ours + " vs " + nlp);
    }
}
