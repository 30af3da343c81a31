package org.fairnote.benchmarks.peers;

/**
 * Finds literal phrases in a text: every occurrence, case-insensitive, on word boundaries (the
 * chars before and after are not letters, digits or '_'). Instances hold per-thread buffers and
 * are not thread-safe; build one per thread.
 */
public interface PhraseMatcher {

    /** Adds the matches in {@code text} to {@code hits} (not cleared first). */
    void find(String text, Hits hits);

    /** True when the matcher can report overlapping matches (all but the regex alternation). */
    default boolean reportsOverlaps() {
        return true;
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** True when {@code [start, end)} of {@code text} is bounded by non-word chars or the text ends. */
    static boolean onWordBoundaries(CharSequence text, int start, int end) {
        return (start == 0 || !isWordChar(text.charAt(start - 1)))
                && (end == text.length() || !isWordChar(text.charAt(end)));
    }
}
