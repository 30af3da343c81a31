package org.fairnote.context;

import java.util.Objects;
import java.util.Set;
import org.fairnote.Assertion;
import org.fairnote.Category;
import org.fairnote.lexicon.Origin;

/**
 * A section heading as data, and the default assertion of findings under it (History →
 * HISTORICAL; Plan → AFFIRMED).
 *
 * @param id        stable id, e.g. {@code SEC-history}
 * @param pattern   the heading, in Fairnote's pattern syntax, matched at the start of a line
 * @param assertion      the default assertion in the section
 * @param onlyCategories if not empty, the categories the default applies to (a history section makes a
 *                       practice historical, but stigmatising wording in it is still the author's)
 * @param origin         where it was read from
 */
public record SectionRule(String id, String pattern, Assertion assertion, Set<Category> onlyCategories,
        Origin origin) {
    public SectionRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(assertion, "assertion");
        onlyCategories = onlyCategories == null ? Set.of() : Set.copyOf(onlyCategories);
        origin = origin == null ? Origin.UNKNOWN : origin;
    }

    /** True when the section's default applies to a finding of {@code category}. */
    public boolean appliesTo(Category category) {
        return onlyCategories.isEmpty() || onlyCategories.contains(category);
    }
}
