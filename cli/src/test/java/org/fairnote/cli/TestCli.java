package org.fairnote.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.fairnote.Screener;
import org.fairnote.lexicons.BundledLexicons;
import org.fairnote.lexicons.LexiconReader;

/** Runs the CLI in-process with small test lexicons and the bundled context rules. */
final class TestCli {

    record Result(int code, String out, String err) {
    }

    private TestCli() {
    }

    static Path resource(String name) {
        try {
            return Path.of(TestCli.class.getResource(name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Test lexicons (stigma, withholding) plus the bundled context rules; no other bundled data. */
    static Supplier<Screener.Builder> testScreener() {
        return () -> {
            Screener.Builder b = Screener.builder()
                    .addLexicon(LexiconReader.readLexicon(resource("test-stigma.json")))
                    .addLexicon(LexiconReader.readLexicon(resource("test-withholding.json")));
            try (InputStream in = BundledLexicons.class.getResourceAsStream("/org/fairnote/lexicons/"
                    + BundledLexicons.CONTEXT_RULES_FILE)) {
                LexiconReader.ContextRules rules = LexiconReader.readContextRules(in, BundledLexicons.CONTEXT_RULES_FILE);
                b.addContextRules(rules.rules()).version(rules.name(), rules.version());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return b;
        };
    }

    static Result run(String... args) {
        return run(new byte[0], testScreener(), args);
    }

    static Result runWithStdin(String stdin, String... args) {
        return run(stdin.getBytes(StandardCharsets.UTF_8), testScreener(), args);
    }

    static Result run(byte[] stdin, Supplier<Screener.Builder> base, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintWriter(err, true),
                new ByteArrayInputStream(stdin), base, false, false, false);
        int code = FairnoteCli.run(ctx, args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString());
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path p, String content) {
        try {
            Files.createDirectories(p.toAbsolutePath().getParent());
            return Files.writeString(p, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
