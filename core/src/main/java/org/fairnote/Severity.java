package org.fairnote;

/** How much harm a finding's wording does, weighed against the risk of a false flag. */
public enum Severity {
    LOW, MEDIUM, HIGH;

    /** Parses a severity name, naming the valid names when it is unknown. */
    public static Severity parse(String name) {
        for (Severity s : values()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + name + "'; expected LOW, MEDIUM or HIGH");
    }
}
