package org.fairnote.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    private static List<String> sentences(String text) {
        TokenBuffer t = Tokenizer.plain().tokenize(text);
        int[] b = new SentenceSplitter().split(text, t);
        List<String> out = new ArrayList<>();
        for (int k = 0; k + 1 < b.length; k++) {
            out.add(text.substring(t.start(b[k]), t.end(b[k + 1] - 1)));
        }
        return out;
    }

    @Test
    void abbreviationsTimesAndDosesDoNotEndSentences() {
        assertEquals(List.of("Pt. seen by Dr. Patel at 14.30 and given approx. 2.5mg lorazepam.",
                "She settled, e.g. slept."),
                sentences("Pt. seen by Dr. Patel at 14.30 and given approx. 2.5mg lorazepam. She settled, e.g. slept."));
    }

    @Test
    void bulletsNumberedItemsAndHeadings() {
        assertEquals(List.of("Crisis plan:", "- Call HTT", "- Do not convey to ED", "1. Review weekly",
                "Risk management", "Low risk today."),
                sentences("Crisis plan:\n- Call HTT\n- Do not convey to ED\n1. Review weekly\nRisk management\nLow risk today."));
    }

    @Test
    void lineBreaksInsideASentenceAreJoined() {
        assertEquals(List.of("She was seen by the team\nand settled well."),
                sentences("She was seen by the team\nand settled well."));
    }

    @Test
    void questionAndExclamationEndSentences() {
        assertEquals(List.of("Is she safe?", "Yes!", "Good."), sentences("Is she safe? Yes! Good."));
    }

    @Test
    void emptyText() {
        assertEquals(List.of(), sentences(""));
    }
}
