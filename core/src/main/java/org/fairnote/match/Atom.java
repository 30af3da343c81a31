package org.fairnote.match;

/**
 * One step of an expanded pattern: a token test, or a gap of up to {@code gap} arbitrary tokens.
 *
 * @param kind what the step tests
 * @param text the term, stem source word, exact surface or punctuation char; empty otherwise
 * @param gap  for {@link Kind#GAP}, the most tokens it may skip
 */
public record Atom(Kind kind, String text, int gap) {

    public enum Kind {
        /** A normalised term (or one of its spelling variants). */
        WORD,
        /** Any token with the same Snowball stem as the word (or its spelling variants). */
        STEM,
        /** A token whose original text equals this, case-sensitive. */
        EXACT,
        /** A punctuation token. */
        PUNCT,
        /** A capitalised word. */
        CAP,
        /** A number. */
        NUM,
        /** Exactly one arbitrary token. */
        ANY,
        /** Zero to {@code gap} arbitrary tokens. */
        GAP
    }

    static Atom of(Kind kind, String text) {
        return new Atom(kind, text, 0);
    }

    /** True for the atoms that name real wording (not a class or a gap). */
    boolean isLexical() {
        return kind == Kind.WORD || kind == Kind.STEM || kind == Kind.EXACT;
    }
}
