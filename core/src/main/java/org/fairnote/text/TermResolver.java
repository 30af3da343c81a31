package org.fairnote.text;

/**
 * Gives each token the ids the matcher needs, and may replace one word by several tokens (a
 * contraction, a joined compound). Implementations are immutable and thread-safe; per-call state
 * lives in the {@link Scratch} they create.
 */
public interface TermResolver {

    /** Mutable state of one thread (a stemmer, a memo), kept between calls; never shared between threads. */
    interface Scratch {
    }

    Scratch newScratch();

    /**
     * Resolves the last token of {@code tokens}, a word, whose original text is
     * {@code text[start(i), end(i))}. May drop it and append expansion tokens instead.
     */
    void resolveLast(TokenBuffer tokens, CharSequence text, Scratch scratch);

    /** Resolves a punctuation token (its term is one char). */
    void resolvePunct(TokenBuffer tokens, int i);

    /** A resolver that knows no terms. */
    TermResolver NONE = new TermResolver() {
        @Override
        public Scratch newScratch() {
            return null;
        }

        @Override
        public void resolveLast(TokenBuffer tokens, CharSequence text, Scratch scratch) {
        }

        @Override
        public void resolvePunct(TokenBuffer tokens, int i) {
        }
    };
}
