package org.fairnote.lexicon;

import java.util.Objects;

/**
 * A sentence a lexicon entry must flag, and the exact span it must cover.
 *
 * @param text a whole sentence
 * @param span the text the finding must cover; it occurs in {@code text}
 */
public record FlagExample(String text, String span) {
    public FlagExample {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(span, "span");
    }
}
