package org.fairnote.context;

/** How a context trigger reaches its targets (NegEx/ConText). */
public enum Direction {
    /** Applies to targets after the trigger. */
    FORWARD,
    /** Applies to targets before the trigger. */
    BACKWARD,
    /** Applies on both sides. */
    BIDIRECTIONAL,
    /** Ends the scope of other triggers ("but", "however"). */
    TERMINATE,
    /** Looks like a trigger but is not one ("not only", "no increase"); hides the triggers inside it. */
    PSEUDO,
    /** Applies to targets enclosed between two matches of the trigger in one sentence (quotation marks). */
    ENCLOSING,
    /**
     * Opens its sentence (starts within the rule's scope of its first token) and applies to the
     * affirmed findings of the sentence before: "Police attended her CPA reviews. This stopped in 2022."
     */
    PREVIOUS_SENTENCE
}
