package org.fairnote;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of screening one text: every finding, sorted by offset, with the versions of the
 * lexicons and model that produced it.
 *
 * @param findings   all findings (every assertion), sorted by start, then end, then category
 * @param versions   lexicon, context-rule and model names mapped to their versions
 * @param textLength length in chars of the screened text
 */
public record Screening(List<Finding> findings, Map<String, String> versions, int textLength) {

    public Screening {
        findings = ImmutableList.copyOf(Objects.requireNonNull(findings, "findings"));
        versions = ImmutableMap.copyOf(Objects.requireNonNull(versions, "versions"));
        if (textLength < 0) {
            throw new IllegalArgumentException("textLength must be >= 0, was " + textLength);
        }
    }

    /** The findings the note itself asserts ({@link Assertion#AFFIRMED}): what a reader should change. */
    public List<Finding> flags() {
        return findings.stream().filter(Finding::isFlag).collect(ImmutableList.toImmutableList());
    }

    /** True when at least one finding is a flag. */
    public boolean hasFlags() {
        return findings.stream().anyMatch(Finding::isFlag);
    }

    /** Number of flags per category; every category is present, zero when none. */
    public Map<Category, Integer> flagCounts() {
        Map<Category, Integer> counts = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            counts.put(c, 0);
        }
        for (Finding f : findings) {
            if (f.isFlag()) {
                counts.merge(f.category(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** The highest severity among the flags; empty when there are none. */
    public Optional<Severity> highestSeverity() {
        return findings.stream().filter(Finding::isFlag).map(Finding::severity).max(Enum::compareTo);
    }
}
