package org.fairnote.match;

/**
 * A parsed pattern.
 *
 * @param source   the pattern as written
 * @param anchored true when it must start at the start of a sentence ({@code ^})
 * @param body     its items
 */
public record Pattern(String source, boolean anchored, PatternItem.Sequence body) {
}
