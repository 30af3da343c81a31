package org.fairnote.match;

import java.util.List;

/** The parsed form of a pattern, before it is expanded and compiled. */
public sealed interface PatternItem {

    /** One normalised word; with {@code inflected}, any word with the same Snowball stem. */
    record Word(String term, boolean inflected) implements PatternItem {
    }

    /** One token whose original text equals {@code surface}, case-sensitive. */
    record Exact(String surface) implements PatternItem {
    }

    /** One punctuation token; {@code '} stands for any quote mark. */
    record Punct(char c) implements PatternItem {
    }

    /** Any word starting with a capital letter. */
    record Capitalised() implements PatternItem {
    }

    /** Any number. */
    record Number() implements PatternItem {
    }

    /** Between {@code min} and {@code max} arbitrary tokens. */
    record Gap(int min, int max) implements PatternItem {
    }

    /** Items in order. */
    record Sequence(List<PatternItem> items) implements PatternItem {
    }

    /** One of several sequences. */
    record Choice(List<Sequence> options) implements PatternItem {
    }

    /** A sequence that may be absent. */
    record Optional(Sequence body) implements PatternItem {
    }
}
