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
    void clauseEndAbbreviationEndsASentenceBeforeACommonStarter() {
        assertEquals(List.of("Seen at 10 a.m.", "She was calm."), sentences("Seen at 10 a.m. She was calm."));
        assertEquals(List.of("Offered tablets, creams etc.", "She declined."),
                sentences("Offered tablets, creams etc. She declined."));
        assertEquals(List.of("Reviewed at 3 p.m.", "Staff report good engagement.", "Plan: continue."),
                sentences("Reviewed at 3 p.m. Staff report good engagement. Plan: continue."));
        assertEquals(List.of("Olanzapine reduced to 5 mg.", "The team will review."),
                sentences("Olanzapine reduced to 5 mg. The team will review."));
        // a capitalised word that is not a sentence starter continues the sentence
        assertEquals(List.of("Seen at 10 a.m. Monday in clinic."), sentences("Seen at 10 a.m. Monday in clinic."));
        // lower-case notes: only a subject after the abbreviation starts a sentence
        assertEquals(List.of("seen at 10 a.m.", "she was calm.", "slept approx. four hours."),
                sentences("seen at 10 a.m. she was calm. slept approx. four hours."));
    }

    @Test
    void titlesNeverEndASentenceBeforeACapital() {
        assertEquals(List.of("Seen by Dr. Patel.", "Mr. Jones and Mrs. Shah attended.", "Prof. Brown agreed."),
                sentences("Seen by Dr. Patel. Mr. Jones and Mrs. Shah attended. Prof. Brown agreed."));
        assertEquals(List.of("Admitted to St. Ann's ward.", "She lives on Mill St.", "She moved there last year."),
                sentences("Admitted to St. Ann's ward. She lives on Mill St. She moved there last year."));
        assertEquals(List.of("Care coordinator: J. Smith.", "Dr. A. Khan reviewed."),
                sentences("Care coordinator: J. Smith. Dr. A. Khan reviewed."));
    }

    @Test
    void noAsAnAnswerEndsASentence() {
        assertEquals(List.of("Any thoughts of self-harm?", "No.", "She denies plans."),
                sentences("Any thoughts of self-harm? No. She denies plans."));
        assertEquals(List.of("Lives at flat No. 5 with her son.", "No. of calls this week: 3."),
                sentences("Lives at flat No. 5 with her son. No. of calls this week: 3."));
        assertEquals(List.of("Hospital No. A12345 on the letter."), sentences("Hospital No. A12345 on the letter."));
    }

    @Test
    void questionOrExclamationInsideQuotesBeforeLowerCaseDoesNotEnd() {
        assertEquals(List.of("She asked \"why me?\" and cried."), sentences("She asked \"why me?\" and cried."));
        assertEquals(List.of("\"Why does nobody believe me?\" she asked.", "Reassured."),
                sentences("\"Why does nobody believe me?\" she asked. Reassured."));
        assertEquals(List.of("He said \"Stop!\" and left the room."), sentences("He said \"Stop!\" and left the room."));
        // before a capital, the sentence ends after the closing quote, not before it
        assertEquals(List.of("She shouted \"Get out!\"", "Staff withdrew."),
                sentences("She shouted \"Get out!\" Staff withdrew."));
        assertEquals(List.of("Really?!", "She was surprised."), sentences("Really?! She was surprised."));
        // a query mark before a word is not an end
        assertEquals(List.of("Impression: ?BPAD, ?psychosis.", "Review."),
                sentences("Impression: ?BPAD, ?psychosis. Review."));
    }

    @Test
    void shortLineEndingInAFunctionWordContinues() {
        assertEquals(List.of("Plan agreed with\nDr Patel and the team."),
                sentences("Plan agreed with\nDr Patel and the team."));
        assertEquals(List.of("Spoke with her\nGP this morning.", "Seen by Dr\nPatel later."),
                sentences("Spoke with her\nGP this morning. Seen by Dr\nPatel later."));
        assertEquals(List.of("Seen by Dr.\nPatel today.", "Took approx.\n20 tablets."),
                sentences("Seen by Dr.\nPatel today. Took approx.\n20 tablets."));
        // a short line ending in a content word is still a heading
        assertEquals(List.of("Risk management", "Low risk today."), sentences("Risk management\nLow risk today."));
        assertEquals(List.of("Seen at 10 a.m.", "Mental state stable."), sentences("Seen at 10 a.m.\nMental state stable."));
    }

    @Test
    void fullStopBeforeLowerCaseEndsUnlessAfterAbbreviationNumberOrInitial() {
        assertEquals(List.of("pt seen today.", "no concerns re self harm.", "plan to review."),
                sentences("pt seen today. no concerns re self harm. plan to review."));
        assertEquals(List.of("given 2.5mg.", "she settled.", "mood (4/10).", "slept well... then woke."),
                sentences("given 2.5mg. she settled. mood (4/10). slept well... then woke."));
        assertEquals(List.of("pulse 96. temp 37.2, e.g. fine, t.d.s. dosing, vitamin d. levels ok."),
                sentences("pulse 96. temp 37.2, e.g. fine, t.d.s. dosing, vitamin d. levels ok."));
        assertEquals(List.of("said she felt \"flat\".", "no plans."), sentences("said she felt \"flat\". no plans."));
    }

    @Test
    void lowerCaseSubjectOrVerbAfterAUnitOrNumberStartsASentence() {
        assertEquals(List.of("slept approx. 5 hrs.", "ate well.", "bmi 23.", "no concerns re eating."),
                sentences("slept approx. 5 hrs. ate well. bmi 23. no concerns re eating."));
        // after a subject abbreviation the verb continues; an auxiliary never starts a sentence
        assertEquals(List.of("pt. seen at home.", "clinic appt at 10 a.m. was cancelled."),
                sentences("pt. seen at home. clinic appt at 10 a.m. was cancelled."));
    }

    @Test
    void emptyText() {
        assertEquals(List.of(), sentences(""));
    }
}
