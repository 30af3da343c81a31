package org.fairnote.lexicon;

/**
 * Where a piece of data (a lexicon entry, a context rule) was read from, so errors can name it.
 *
 * @param file the file or resource name
 * @param line the 1-based line of the item, or 0 when unknown
 */
public record Origin(String file, int line) {
    public static final Origin UNKNOWN = new Origin("<code>", 0);

    @Override
    public String toString() {
        return line > 0 ? file + ", line " + line : file;
    }
}
