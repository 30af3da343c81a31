package org.fairnote.lexicon;

/**
 * A lexicon, context-rule or section file, or one of its entries, is malformed. The message names
 * the file, the line and the entry id where they are known.
 */
public class LexiconException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient Origin origin;
    private final String entryId;

    public LexiconException(Origin origin, String entryId, String problem) {
        this(origin, entryId, problem, null);
    }

    public LexiconException(Origin origin, String entryId, String problem, Throwable cause) {
        super(describe(origin, entryId) + problem, cause);
        this.origin = origin == null ? Origin.UNKNOWN : origin;
        this.entryId = entryId;
    }

    private static String describe(Origin origin, String entryId) {
        StringBuilder where = new StringBuilder();
        if (origin != null && origin != Origin.UNKNOWN) {
            where.append(origin);
        }
        if (entryId != null) {
            where.append(where.length() == 0 ? "" : ", ").append("entry '").append(entryId).append('\'');
        }
        return where.length() == 0 ? "" : where + ": ";
    }

    public Origin origin() {
        return origin;
    }

    /** The entry or rule id, or null when the problem is not in one entry. */
    public String entryId() {
        return entryId;
    }
}
