package org.fairnote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.fairnote.context.ContextRule;
import org.fairnote.context.Direction;
import org.fairnote.context.SectionRule;
import org.fairnote.lexicon.Lexicon;
import org.fairnote.lexicon.LexiconEntry;
import org.fairnote.lexicon.LexiconException;
import org.fairnote.lexicon.Origin;
import org.fairnote.testing.TestScreeners;
import org.junit.jupiter.api.Test;

class ScreenerTest {

    static final Screener SCREENER = TestScreeners.SMALL;

    private static Finding only(String text) {
        List<Finding> f = SCREENER.screen(text).findings();
        assertEquals(1, f.size(), () -> "findings of \"" + text + "\": " + f);
        Finding finding = f.get(0);
        assertEquals(finding.text(), text.substring(finding.start(), finding.end()));
        return finding;
    }

    @Test
    void findsHyphenSpaceAndJoinedVariants() {
        for (String v : List.of("attention-seeking", "attention seeking", "attentionseeking", "Attention\u2011Seeking",
                "attention-seeker", "ATTENTION SEEKING", "atten\u00ADtion-seeking")) {
            Finding f = only("She is " + v + " at night.");
            assertEquals("STIG-attention-seeking", f.ruleId());
            assertEquals(Assertion.AFFIRMED, f.assertion());
            assertEquals(v, f.text());
        }
    }

    @Test
    void contractionsAndOptionalWords() {
        assertEquals("Don't convey to ED", only("Don't convey to ED unless injured.").text());
        assertEquals("Not to be conveyed", only("Not to be conveyed.").text());
        assertEquals("do not take her to A&E", only("Crews: do not take her to A&E.").text());
    }

    @Test
    void negationInsideTheEntryKeepsItAffirmed() {
        Finding f = only("She is not to be conveyed to hospital.");
        assertEquals(Assertion.AFFIRMED, f.assertion());
    }

    @Test
    void aNegationInsideOneMatchDoesNotNegateTheNext() {
        List<Finding> f = SCREENER.screen("Do not convey to ED as she is attention seeking.").findings();
        assertEquals(2, f.size(), f::toString);
        assertTrue(f.stream().allMatch(x -> x.assertion() == Assertion.AFFIRMED), f::toString);
        // a negation outside every match still reaches past the first match
        List<Finding> g = SCREENER.screen("Never 'do not convey'; she is not attention seeking.").findings();
        assertEquals(Assertion.NEGATED, g.get(g.size() - 1).assertion(), g::toString);
    }

    @Test
    void negatedReportedHypotheticalAndQuoted() {
        assertEquals(Assertion.NEGATED, only("She is not attention-seeking.").assertion());
        assertEquals(Assertion.REPORTED, only("She said a nurse called her attention-seeking.").assertion());
        assertEquals(Assertion.REPORTED, only("Jo asked that 'attention-seeking' is dropped.").assertion());
        assertEquals(Assertion.AFFIRMED, only("If she calls again she will be arrested.").assertion());
        assertEquals(Assertion.AFFIRMED, only("She is not only attention-seeking but rude.").assertion());
        assertEquals(Assertion.AFFIRMED, only("She is not well but attention-seeking.").assertion());
    }

    @Test
    void caseSensitiveAbbreviationBeforeASurname() {
        assertEquals("PC Jones will attend", only("PC Jones will attend her reviews.").text());
        assertTrue(SCREENER.screen("PC: low mood, will attend clinic.").findings().isEmpty());
        assertTrue(SCREENER.screen("pc jones will attend.").findings().isEmpty());
    }

    @Test
    void sectionsSetADefaultAssertion() {
        String text = "History:\nShe was attention-seeking in 2019.\n\nPlan\nShe is attention-seeking.";
        List<Finding> f = SCREENER.screen(text).findings();
        assertEquals(2, f.size(), f::toString);
        assertEquals(Assertion.HISTORICAL, f.get(0).assertion());
        assertEquals(Assertion.AFFIRMED, f.get(1).assertion());
    }

    @Test
    void nullAndEmptyInput() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> SCREENER.screen(null));
        assertTrue(e.getMessage().contains("null"));
        Screening empty = SCREENER.screen("");
        assertTrue(empty.findings().isEmpty());
        assertEquals("1", empty.versions().get("test"));
    }

    @Test
    void malformedPatternNamesTheEntry() {
        LexiconEntry bad = new LexiconEntry("STIG-bad", Category.STIGMATISING_LANGUAGE, Severity.LOW,
                List.of("(unclosed"), List.of(), List.of(), "x", "y", List.of(), List.of(), new Origin("my.json", 7));
        LexiconException e = assertThrows(LexiconException.class,
                () -> Screener.builder().addLexicon(new Lexicon("l", "1", List.of(bad))).build());
        assertTrue(e.getMessage().contains("my.json, line 7"), e.getMessage());
        assertTrue(e.getMessage().contains("STIG-bad"), e.getMessage());
    }

    @Test
    void regexQuantifierAfterAGroupIsRejectedNotReadAsPunctuation() {
        for (String p : List.of("(her|his) (own )?solicitor", "[very]? manipulative", "(cry|crying)+ wolf")) {
            LexiconEntry e = LexiconEntry.of("X-regex", Category.CREDIBILITY_DOUBT, Severity.LOW, "e", "s", p);
            LexiconException x = assertThrows(LexiconException.class,
                    () -> Screener.builder().addLexicon(new Lexicon("l", "1", List.of(e))).build(), p);
            assertTrue(x.getMessage().contains("after a group is not an operator"), x.getMessage());
        }
        LexiconEntry question = LexiconEntry.of("X-q", Category.CREDIBILITY_DOUBT, Severity.LOW, "e", "s",
                "(genuine|real) ?");
        Screener s = Screener.builder().addLexicon(new Lexicon("l", "1", List.of(question))).build();
        assertEquals(1, s.screen("Is it genuine? Unclear.").findings().size());
    }

    @Test
    void duplicateIdsAndUnknownDisabledIdsAreRejected() {
        LexiconEntry a = LexiconEntry.of("X-1", Category.CREDIBILITY_DOUBT, Severity.LOW, "e", "s", "claims");
        assertThrows(LexiconException.class,
                () -> Screener.builder().addLexicon(new Lexicon("l", "1", List.of(a, a))).build());
        assertThrows(IllegalArgumentException.class,
                () -> Screener.builder().addLexicon(new Lexicon("l", "1", List.of(a))).disable("X-2").build());
        Screener none = Screener.builder().addLexicon(new Lexicon("l", "1", List.of(a))).disable("X-1").build();
        assertTrue(none.screen("She claims to be unwell.").findings().isEmpty());
    }

    @Test
    void overBroadPatternsAreRejected() {
        for (String p : List.of("@Cap", "{0,3}", "[not]", "x {0,2}", "'", "@Num @Cap", "")) {
            LexiconEntry e = LexiconEntry.of("X-broad", Category.CREDIBILITY_DOUBT, Severity.LOW, "e", "s", p);
            assertThrows(LexiconException.class,
                    () -> Screener.builder().addLexicon(new Lexicon("l", "1", List.of(e))).build(), p);
        }
    }

    @Test
    void explainNamesTheRuleThatSetTheAssertion() {
        List<Explanation> e = SCREENER.explain("She is not attention-seeking. Do not convey to ED.");
        assertEquals(2, e.size(), e::toString);
        assertEquals("NEG-not", e.get(0).assertionRule());
        assertEquals(Assertion.NEGATED, e.get(0).finding().assertion());
        assertEquals(null, e.get(1).assertionRule());
        assertTrue(e.get(0).describe().contains("because of NEG-not"), e.get(0).describe());
    }
}
