package org.fairnote.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fairnote.Screener;
import org.fairnote.lexicon.Lexicon;
import org.fairnote.lexicon.LexiconException;
import org.fairnote.lexicons.LexiconReader;
import picocli.CommandLine.Option;

/** How the screener is built: the bundled defaults, plus user lexicons, minus disabled entries. */
public final class ScreenerOptions {

    @Option(names = "--lexicon", paramLabel = "FILE",
            description = "Add a user lexicon file (format in lexicons/README.md); repeatable.")
    List<Path> lexicons = new ArrayList<>();

    @Option(names = "--disable", paramLabel = "ID", split = ",",
            description = "Leave out a lexicon entry by id; repeatable or comma-separated.")
    List<String> disabled = new ArrayList<>();

    /** Builds the screener; problems in the user's files or ids become a {@link UserException}. */
    public Screener build(CliContext ctx) {
        List<Lexicon> user = new ArrayList<>();
        for (Path f : lexicons) {
            user.add(readUserLexicon(f));
        }
        Screener.Builder b = base(ctx);
        try {
            user.forEach(b::addLexicon);
            b.disable(disabled);
            return b.build();
        } catch (LexiconException e) {
            throw new UserException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage() + " (see `fairnote lexicon list`)", e);
        }
    }

    /** Reads a user lexicon, turning format errors (which name file, line and entry) into user errors. */
    public static Lexicon readUserLexicon(Path file) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new UserException("lexicon file not found: " + file);
        }
        try {
            return LexiconReader.readLexicon(file);
        } catch (LexiconException e) {
            throw new UserException(e.getMessage(), e);
        } catch (java.io.UncheckedIOException e) {
            throw new UserException("cannot read lexicon " + file + ": " + e.getMessage(), e);
        }
    }

    /** The base builder: bundled defaults, failing with a clear message when they cannot load. */
    public static Screener.Builder base(CliContext ctx) {
        try {
            return ctx.baseScreener().get();
        } catch (LexiconException e) {
            throw new UserException("the bundled lexicons do not load: " + e.getMessage(), e);
        } catch (RuntimeException | ExceptionInInitializerError | NoClassDefFoundError e) {
            Throwable cause = e instanceof ExceptionInInitializerError && e.getCause() != null ? e.getCause() : e;
            throw new UserException("the bundled lexicons do not load: " + cause, e);
        }
    }
}
