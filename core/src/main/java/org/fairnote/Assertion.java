package org.fairnote;

/** How a note asserts a finding (TAXONOMY.md). Only {@link #AFFIRMED} findings are flags by default. */
public enum Assertion {
    /** The author uses the language, or the practice is in place or planned. */
    AFFIRMED,
    /** Explicitly denied or ruled out. */
    NEGATED,
    /** Possible, conditional or future-uncertain. */
    HYPOTHETICAL,
    /** A practice that has ended. */
    HISTORICAL,
    /** Someone else's words or view, reported or quoted. */
    REPORTED
}
