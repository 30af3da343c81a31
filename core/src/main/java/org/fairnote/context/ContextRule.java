package org.fairnote.context;

import java.util.Objects;
import java.util.Set;
import org.fairnote.Assertion;
import org.fairnote.Category;
import org.fairnote.lexicon.Origin;

/**
 * A ConText trigger as data: a pattern, the assertion it sets and how far it reaches.
 *
 * @param id                stable id, e.g. {@code NEG-denies}
 * @param pattern           the trigger, in Fairnote's pattern syntax
 * @param assertion         the assertion it sets; null for TERMINATE and PSEUDO
 * @param direction         which targets it reaches
 * @param maxScope          the most tokens between trigger and target
 * @param onlyCategories    if not empty, the categories it applies to
 * @param exceptCategories  categories it never applies to
 * @param origin            where it was read from
 */
public record ContextRule(
        String id,
        String pattern,
        Assertion assertion,
        Direction direction,
        int maxScope,
        Set<Category> onlyCategories,
        Set<Category> exceptCategories,
        Origin origin) {

    /** Scope when a rule does not set one. */
    public static final int DEFAULT_SCOPE = 8;

    public ContextRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(direction, "direction");
        boolean needsAssertion = direction != Direction.TERMINATE && direction != Direction.PSEUDO;
        if (needsAssertion && assertion == null) {
            throw new IllegalArgumentException("context rule " + id + ": direction " + direction + " needs an assertion");
        }
        if (needsAssertion && assertion == Assertion.AFFIRMED) {
            throw new IllegalArgumentException("context rule " + id + ": a trigger cannot set AFFIRMED");
        }
        if (maxScope <= 0) {
            throw new IllegalArgumentException("context rule " + id + ": maxScope must be positive, was " + maxScope);
        }
        onlyCategories = onlyCategories == null ? Set.of() : Set.copyOf(onlyCategories);
        exceptCategories = exceptCategories == null ? Set.of() : Set.copyOf(exceptCategories);
        origin = origin == null ? Origin.UNKNOWN : origin;
    }

    /** A rule for code and tests. */
    public static ContextRule of(String id, String pattern, Assertion assertion, Direction direction) {
        return new ContextRule(id, pattern, assertion, direction, DEFAULT_SCOPE, Set.of(), Set.of(), Origin.UNKNOWN);
    }

    /** True when the rule may change a finding of {@code category} (null: a target of no category). */
    public boolean appliesTo(Category category) {
        if (category == null) {
            return onlyCategories.isEmpty();
        }
        return (onlyCategories.isEmpty() || onlyCategories.contains(category)) && !exceptCategories.contains(category);
    }
}
