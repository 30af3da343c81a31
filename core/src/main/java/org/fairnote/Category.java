package org.fairnote;

/** The five kinds of language Fairnote flags; defined in TAXONOMY.md. */
public enum Category {
    /** Police involvement in the delivery of planned, non-emergency therapeutic care. */
    POLICE_IN_CARE,
    /** Coercion, sanctions and punitive approaches, including threats. */
    SANCTION_OR_THREAT,
    /** Withholding, delaying or conditioning care as a management strategy. */
    CARE_WITHHOLDING,
    /** Pejorative, discriminatory or dismissive descriptions of the person. */
    STIGMATISING_LANGUAGE,
    /** Wording that casts doubt on the person's own account without clinical reason. */
    CREDIBILITY_DOUBT;

    /** Parses a category id, naming the valid ids when it is unknown. */
    public static Category parse(String id) {
        for (Category c : values()) {
            if (c.name().equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown category '" + id + "'; expected one of "
                + java.util.Arrays.toString(values()));
    }
}
