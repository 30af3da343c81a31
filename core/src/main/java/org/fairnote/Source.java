package org.fairnote;

/** What produced a finding. */
public enum Source {
    /** A lexicon entry's pattern matched. */
    LEXICON,
    /** A trained classifier predicted the span. */
    MODEL
}
