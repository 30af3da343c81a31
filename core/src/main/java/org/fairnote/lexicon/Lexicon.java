package org.fairnote.lexicon;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;

/**
 * A named, versioned list of entries, usually one file.
 *
 * @param name    e.g. {@code stigmatising-language}
 * @param version reported in every screening's versions
 * @param entries the entries
 */
public record Lexicon(String name, String version, List<LexiconEntry> entries) {
    public Lexicon {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        entries = ImmutableList.copyOf(entries);
    }
}
