package org.fairnote.match;

/** A pattern is malformed; the message names the pattern and the position of the problem. */
public class PatternSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public PatternSyntaxException(String pattern, int position, String problem) {
        super("pattern \"" + pattern + "\"" + (position >= 0 ? " at position " + position : "") + ": " + problem);
    }
}
