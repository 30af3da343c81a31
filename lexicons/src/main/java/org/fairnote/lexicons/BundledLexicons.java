package org.fairnote.lexicons;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.fairnote.Screener;
import org.fairnote.lexicon.Lexicon;
import org.fairnote.spi.ScreenerDefaults;

/**
 * The lexicons, context rules and section headings bundled in this module, and the
 * {@link ScreenerDefaults} that adds them to {@link Screener#createDefault()}. Loaded once per
 * class loader.
 */
public final class BundledLexicons implements ScreenerDefaults {

    /** Resource names of the category lexicons, in category order. */
    public static final List<String> LEXICON_FILES = List.of(
            "police-in-care.json",
            "sanction-or-threat.json",
            "care-withholding.json",
            "stigmatising-language.json",
            "credibility-doubt.json");

    public static final String CONTEXT_RULES_FILE = "context-rules.json";
    public static final String SECTIONS_FILE = "sections.json";

    private static final String BASE = "/org/fairnote/lexicons/";

    private static final class Lexicons {
        static final List<Lexicon> ALL = LEXICON_FILES.stream()
                .map(f -> load(f, in -> LexiconReader.readLexicon(in, f))).toList();
    }

    private static final class Context {
        static final LexiconReader.ContextRules RULES = load(CONTEXT_RULES_FILE,
                in -> LexiconReader.readContextRules(in, CONTEXT_RULES_FILE));
        static final LexiconReader.SectionRules SECTIONS = load(SECTIONS_FILE,
                in -> LexiconReader.readSectionRules(in, SECTIONS_FILE));
    }

    /** The bundled category lexicons. */
    public static List<Lexicon> lexicons() {
        return Lexicons.ALL;
    }

    public static LexiconReader.ContextRules contextRules() {
        return Context.RULES;
    }

    public static LexiconReader.SectionRules sectionRules() {
        return Context.SECTIONS;
    }

    /** Adds the bundled context rules and sections (no lexicons): for the standalone context engine. */
    public static Screener.Builder addContext(Screener.Builder builder) {
        return builder.addContextRules(contextRules().rules()).version(contextRules().name(), contextRules().version())
                .addSectionRules(sectionRules().rules()).version(sectionRules().name(), sectionRules().version());
    }

    @Override
    public void apply(Screener.Builder builder) {
        builder.addLexicons(lexicons());
        addContext(builder);
    }

    private interface Parse<T> {
        T apply(InputStream in);
    }

    private static <T> T load(String file, Parse<T> parse) {
        try (InputStream in = BundledLexicons.class.getResourceAsStream(BASE + file)) {
            if (in == null) {
                throw new IllegalStateException("bundled resource missing: " + BASE + file);
            }
            return parse.apply(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
