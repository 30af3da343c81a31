package org.fairnote.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.fairnote.Screener;
import org.fairnote.lexicon.Lexicon;
import org.fairnote.lexicons.BundledLexicons;
import org.fairnote.lexicons.LexiconReader;

/**
 * The bundled lexicons that are present on the class path. While the category lexicons are being
 * written some files may be missing; training and evaluation use those that exist and say which.
 */
public final class LexiconSupport {

    private static final String BASE = "/org/fairnote/lexicons/";

    private static final class Holder {
        static final List<Lexicon> AVAILABLE = load();
    }

    private LexiconSupport() {
    }

    /** The bundled category lexicons whose files exist, in category order. */
    public static List<Lexicon> available() {
        return Holder.AVAILABLE;
    }

    /** Names of the bundled lexicon files that are missing. */
    public static List<String> missing() {
        List<String> missing = new ArrayList<>();
        for (String f : BundledLexicons.LEXICON_FILES) {
            if (BundledLexicons.class.getResource(BASE + f) == null) {
                missing.add(f);
            }
        }
        return missing;
    }

    private static List<Lexicon> load() {
        List<Lexicon> out = new ArrayList<>();
        for (String f : BundledLexicons.LEXICON_FILES) {
            try (InputStream in = BundledLexicons.class.getResourceAsStream(BASE + f)) {
                if (in != null) {
                    out.add(LexiconReader.readLexicon(in, f));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(out);
    }

    /** Context rules and sections only: the screener for model-only runs. */
    public static Screener.Builder contextOnly() {
        return BundledLexicons.addContext(Screener.builder());
    }

    /** The available lexicons with context rules and sections, no model. */
    public static Screener.Builder lexiconsAndContext() {
        return contextOnly().addLexicons(available());
    }
}
