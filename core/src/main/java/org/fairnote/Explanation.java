package org.fairnote;

/**
 * Why a finding is what it is: the finding (unmerged, with its own rule), and the context rule or
 * section heading that set its assertion.
 *
 * @param finding       the finding
 * @param assertionRule id of the context rule or section rule that set the assertion; null when it is
 *                      the default ({@link Assertion#AFFIRMED}, no trigger in scope)
 */
public record Explanation(Finding finding, String assertionRule) {

    /** One line for people: rule, category, assertion and what set it. */
    public String describe() {
        return finding.ruleId() + " (" + finding.source() + ", " + finding.category() + ") is " + finding.assertion()
                + (assertionRule == null ? " (no context trigger in scope)" : " because of " + assertionRule);
    }
}
