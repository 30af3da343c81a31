package org.fairnote.lexicons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fairnote.Assertion;
import org.fairnote.Category;
import org.fairnote.Finding;
import org.fairnote.Screener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The category-aware behaviours of the context engine, on the full default screener. */
class ContextBehaviourTest {
    private static final Screener SCREENER = Screener.createDefault();

    private static List<Finding> of(String text, Category category) {
        return SCREENER.screen(text).findings().stream().filter(f -> f.category() == category).toList();
    }

    @Test
    void aConditionalThreatStaysAnAffirmedThreat() {
        List<Finding> f = of("If she calls again she will be arrested.", Category.SANCTION_OR_THREAT);
        assertFalse(f.isEmpty(), "no threat found");
        assertTrue(f.stream().allMatch(Finding::isFlag), f::toString);
    }

    @Test
    void aNegatedInstructionThatIsTheWithholdingStaysAffirmed() {
        for (String text : List.of("She is not to be conveyed.", "Crisis team: do not attend.",
                "Staff should not engage with her when she rings.")) {
            List<Finding> f = of(text, Category.CARE_WITHHOLDING);
            assertFalse(f.isEmpty(), () -> "no withholding found in: " + text);
            assertTrue(f.stream().allMatch(Finding::isFlag), () -> text + " -> " + f);
        }
    }

    @Test
    void aTermQuotedToRejectItIsReported() {
        List<Finding> f = of("Joe asked that 'frequent flyer' is never used.", Category.STIGMATISING_LANGUAGE);
        assertFalse(f.isEmpty(), "the quoted term should still be found");
        assertTrue(f.stream().noneMatch(Finding::isFlag), f::toString);
        assertEquals(Assertion.REPORTED, f.get(0).assertion());
    }

    @Test
    void aNegationInsideAQuotationGovernsNothingOutsideIt() {
        List<Finding> f = of("She \"can't cope\" apparently.", Category.CREDIBILITY_DOUBT);
        assertTrue(f.stream().anyMatch(x -> x.text().equals("apparently") && x.isFlag()), f::toString);
        List<Finding> g = of("He said \"I will not\" be attention seeking again.", Category.STIGMATISING_LANGUAGE);
        assertTrue(g.stream().noneMatch(x -> x.assertion() == Assertion.NEGATED), g::toString);
        List<Finding> h = of("She was not attention seeking, in my view.", Category.STIGMATISING_LANGUAGE);
        assertEquals(Assertion.NEGATED, h.get(0).assertion(), h::toString);
    }

    @Test
    void aNegationThatIsAnotherMatchsWordingGovernsNothingElse() {
        List<Finding> f = of("Do not convey to ED as she is attention seeking.", Category.STIGMATISING_LANGUAGE);
        assertEquals(1, f.size(), f::toString);
        assertTrue(f.get(0).isFlag(), f::toString);
        List<Finding> g = of("Not for admission, not for HTT.", Category.CARE_WITHHOLDING);
        assertEquals(2, g.size(), g::toString);
        assertTrue(g.stream().allMatch(Finding::isFlag), g::toString);
        List<Finding> h = of("Crews not to convey and police to attend her CPA reviews.", Category.POLICE_IN_CARE);
        assertTrue(h.stream().allMatch(Finding::isFlag) && !h.isEmpty(), h::toString);
        // a trigger that ends the match still reaches past it: "if he refuses" stays conditional
        List<Finding> k = of("Smoking breaks to be withdrawn if he refuses his depot.", Category.STIGMATISING_LANGUAGE);
        assertTrue(k.stream().noneMatch(Finding::isFlag), k::toString);
        // and a target overlapping the match still sees its triggers
        List<Finding> m = of("The police will not attend her mental health appointments.", Category.POLICE_IN_CARE);
        assertTrue(m.stream().noneMatch(Finding::isFlag), m::toString);
    }

    @Test
    void aTriggerInAGapOfTheMatchStillApplies() {
        List<Finding> f = of("Police will no longer attend her CPA reviews.", Category.POLICE_IN_CARE);
        assertFalse(f.isEmpty(), "no police finding");
        assertEquals(Assertion.HISTORICAL, f.get(0).assertion(), f::toString);
        // "no" inside "no longer" stays hidden by it: the longer trigger, in the gap, governs
        List<Finding> g = of("Police no longer attend her reviews.", Category.POLICE_IN_CARE);
        assertFalse(g.isEmpty(), "no police finding");
        assertEquals(Assertion.HISTORICAL, g.get(0).assertion(), g::toString);
    }

    @Test
    void staffViewsAreTheAuthorsOwn() {
        List<Finding> f = of("Staff feel she is attention-seeking.", Category.STIGMATISING_LANGUAGE);
        assertFalse(f.isEmpty(), "no finding");
        assertTrue(f.get(0).isFlag(), f::toString);
    }

    @Test
    void presentingComplaintIsNotPolice() {
        assertTrue(of("PC: low mood and poor sleep for two weeks.", Category.POLICE_IN_CARE).isEmpty());
        assertTrue(of("PC - thoughts of self-harm.", Category.POLICE_IN_CARE).isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "She is not attention-seeking.|STIGMATISING_LANGUAGE|NEGATED",
        "She told me a nurse called her a time waster.|STIGMATISING_LANGUAGE|REPORTED",
        "She said staff had called her manipulative.|STIGMATISING_LANGUAGE|REPORTED",
        "Previously under SIM; this ended in 2022.|POLICE_IN_CARE|HISTORICAL",
        "There is no police involvement in her care plan.|POLICE_IN_CARE|NEGATED",
        "No evidence of drug-seeking behaviour.|STIGMATISING_LANGUAGE|NEGATED",
    })
    void triggerFamilies(String text, Category category, Assertion expected) {
        List<Finding> f = of(text, category);
        assertFalse(f.isEmpty(), () -> "nothing of " + category + " found in: " + text);
        assertTrue(f.stream().allMatch(x -> x.assertion() == expected), () -> text + " -> " + f);
    }

    @Test
    void aPreviousPlanSectionMakesItsInstructionsHistorical() {
        String note = "Previous plan (no longer in use):\nDo not convey to ED.\n\nCurrent plan:\nDo not convey to ED.";
        List<Finding> f = of(note, Category.CARE_WITHHOLDING);
        assertEquals(2, f.size(), f::toString);
        assertEquals(Assertion.HISTORICAL, f.get(0).assertion());
        assertEquals(Assertion.AFFIRMED, f.get(1).assertion());
    }
}
