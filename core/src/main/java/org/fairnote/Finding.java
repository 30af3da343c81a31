package org.fairnote;

import java.util.Objects;

/**
 * One span of the screened text with a category and how the note asserts it.
 *
 * <p>{@code start} and {@code end} are UTF-16 {@code char} indices into the original text
 * (end exclusive), so {@code text.substring(start, end).equals(finding.text())}.
 *
 * @param start       first char of the span
 * @param end         one past the last char of the span
 * @param text        the original text of the span
 * @param category    what kind of language this is
 * @param assertion   how the note asserts it
 * @param severity    how much harm the wording does
 * @param confidence  0..1; 1 for a lexicon match with no context doubt
 * @param ruleId      the lexicon entry id or model label that produced it
 * @param source      lexicon or model
 * @param explanation why this wording harms, one sentence
 * @param suggestion  kinder wording or action; may be empty
 */
public record Finding(
        int start,
        int end,
        String text,
        Category category,
        Assertion assertion,
        Severity severity,
        double confidence,
        String ruleId,
        Source source,
        String explanation,
        String suggestion) {

    public Finding {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("invalid span [" + start + ", " + end + ")");
        }
        Objects.requireNonNull(text, "text");
        if (text.length() != end - start) {
            throw new IllegalArgumentException("text length " + text.length() + " does not match span ["
                    + start + ", " + end + ")");
        }
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(assertion, "assertion");
        Objects.requireNonNull(severity, "severity");
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be in 0..1, was " + confidence);
        }
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(source, "source");
        explanation = explanation == null ? "" : explanation;
        suggestion = suggestion == null ? "" : suggestion;
    }

    /** True when this finding is a flag: the note itself asserts it. */
    public boolean isFlag() {
        return assertion == Assertion.AFFIRMED;
    }

    /** The span's length in chars. */
    public int length() {
        return end - start;
    }

    /** True when the two spans share at least one char. */
    public boolean overlaps(Finding other) {
        return start < other.end && other.start < end;
    }
}
