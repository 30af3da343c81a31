package org.fairnote.context;

import java.util.Objects;
import org.fairnote.Assertion;
import org.fairnote.lexicon.Origin;

/**
 * A section heading as data, and the default assertion of findings under it (History →
 * HISTORICAL; Plan → AFFIRMED).
 *
 * @param id        stable id, e.g. {@code SEC-history}
 * @param pattern   the heading, in Fairnote's pattern syntax, matched at the start of a line
 * @param assertion the default assertion in the section
 * @param origin    where it was read from
 */
public record SectionRule(String id, String pattern, Assertion assertion, Origin origin) {
    public SectionRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(assertion, "assertion");
        origin = origin == null ? Origin.UNKNOWN : origin;
    }
}
