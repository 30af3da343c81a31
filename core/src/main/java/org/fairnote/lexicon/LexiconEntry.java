package org.fairnote.lexicon;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;
import org.fairnote.Category;
import org.fairnote.Severity;

/**
 * One lexicon entry: patterns of one kind of harmful wording, why it harms, what to write instead,
 * and executable examples.
 *
 * @param id           stable id, unique across all loaded lexicons
 * @param category     category of every finding this entry produces
 * @param severity     severity of those findings
 * @param patterns     patterns in Fairnote's pattern syntax; a match of any is a match of the entry
 * @param requires     the entry fires only if one of these matches in the same sentence (empty: no condition)
 * @param unless       the entry does not fire if one of these matches in the same sentence
 * @param explanation  why the wording harms, one sentence
 * @param suggestion   kinder wording or action
 * @param flagExamples sentences the entry must flag
 * @param passExamples near misses the entry must not flag
 * @param origin       where the entry was read from, for error messages
 */
public record LexiconEntry(
        String id,
        Category category,
        org.fairnote.Severity severity,
        List<String> patterns,
        List<String> requires,
        List<String> unless,
        String explanation,
        String suggestion,
        List<FlagExample> flagExamples,
        List<String> passExamples,
        Origin origin) {

    public LexiconEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        patterns = ImmutableList.copyOf(patterns);
        requires = requires == null ? List.of() : ImmutableList.copyOf(requires);
        unless = unless == null ? List.of() : ImmutableList.copyOf(unless);
        explanation = explanation == null ? "" : explanation;
        suggestion = suggestion == null ? "" : suggestion;
        flagExamples = flagExamples == null ? List.of() : ImmutableList.copyOf(flagExamples);
        passExamples = passExamples == null ? List.of() : ImmutableList.copyOf(passExamples);
        origin = origin == null ? Origin.UNKNOWN : origin;
    }

    /** A minimal entry for programmatic use: no conditions and no examples. */
    public static LexiconEntry of(String id, Category category, Severity severity, String explanation,
            String suggestion, String... patterns) {
        return new LexiconEntry(id, category, severity, List.of(patterns), List.of(), List.of(), explanation,
                suggestion, List.of(), List.of(), Origin.UNKNOWN);
    }
}
