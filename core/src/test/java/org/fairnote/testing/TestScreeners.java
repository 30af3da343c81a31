package org.fairnote.testing;

import java.util.List;
import java.util.Set;
import org.fairnote.Assertion;
import org.fairnote.Category;
import org.fairnote.Screener;
import org.fairnote.Severity;
import org.fairnote.context.ContextRule;
import org.fairnote.context.Direction;
import org.fairnote.context.SectionRule;
import org.fairnote.lexicon.Lexicon;
import org.fairnote.lexicon.LexiconEntry;
import org.fairnote.lexicon.Origin;

/** A small screener exercising every pattern feature and context direction, for core's tests. */
public final class TestScreeners {
    private TestScreeners() {
    }

    public static final Screener SMALL = Screener.builder()
            .addLexicon(new Lexicon("test", "1", List.of(
                    LexiconEntry.of("STIG-attention-seeking", Category.STIGMATISING_LANGUAGE, Severity.HIGH,
                            "Frames distress as a bid for attention.", "in distress and asking for support",
                            "attention seek~", "attention seeker~"),
                    LexiconEntry.of("WITH-do-not-convey", Category.CARE_WITHHOLDING, Severity.HIGH,
                            "Withholds conveyance as a strategy.", "Assess need at each contact.",
                            "(do not|not to be) (convey~|transport~|take~) [her|him|them] [to] [(ed|a&e|hospital)]"),
                    LexiconEntry.of("POL-pc-attend", Category.POLICE_IN_CARE, Severity.HIGH,
                            "Police delivering planned care.", "Involve police only in emergencies.",
                            "=PC @Cap {0,3} attend~"),
                    LexiconEntry.of("SAN-arrest", Category.SANCTION_OR_THREAT, Severity.HIGH,
                            "A threat of arrest.", "Offer support instead.", "(will|may|could) be arrest~"))))
            .addContextRules(List.of(
                    new ContextRule("NEG-not", "(not|no|never)", Assertion.NEGATED, Direction.FORWARD, 6, Set.of(),
                            Set.of(), Origin.UNKNOWN),
                    new ContextRule("HYP-if", "if", Assertion.HYPOTHETICAL, Direction.FORWARD, 6, Set.of(),
                            Set.of(Category.SANCTION_OR_THREAT), Origin.UNKNOWN),
                    new ContextRule("REP-said", "(she|he) said", Assertion.REPORTED, Direction.FORWARD, 10, Set.of(),
                            Set.of(), Origin.UNKNOWN),
                    new ContextRule("REP-quoted", "'", Assertion.REPORTED, Direction.ENCLOSING, 12, Set.of(), Set.of(),
                            Origin.UNKNOWN),
                    ContextRule.of("TERM-but", "but", null, Direction.TERMINATE),
                    ContextRule.of("PSEUDO-not-only", "not only", null, Direction.PSEUDO)))
            .addSectionRules(List.of(
                    new SectionRule("SEC-history", "history", Assertion.HISTORICAL, Set.of(), Origin.UNKNOWN),
                    new SectionRule("SEC-plan", "plan", Assertion.AFFIRMED, Set.of(), Origin.UNKNOWN)))
            .build();
}

