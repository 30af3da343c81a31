package org.fairnote.cli.input;

/**
 * One record read from an input: a note to screen, or a record that could not be read.
 *
 * @param source the input file (or {@code -} for stdin), for messages
 * @param line   1-based line where the record starts, or 0 for one-note-per-file inputs
 * @param id     the note id, or null when the record has none
 * @param text   the note text; null exactly when {@code error} is set
 * @param error  why the record could not be screened; never contains note text
 */
public record InputRecord(String source, long line, String id, String text, String error) {

    public static InputRecord note(String source, long line, String id, String text) {
        return new InputRecord(source, line, id, text, null);
    }

    public static InputRecord error(String source, long line, String id, String error) {
        return new InputRecord(source, line, id, null, error);
    }

    public boolean isError() {
        return error != null;
    }
}
