package org.fairnote.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.fairnote.Screener;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The real default screener end to end (skipped while the bundled lexicons do not load). */
class DefaultsEndToEndTest {

    static Supplier<Screener.Builder> defaults() {
        try {
            Screener.createDefault();
        } catch (RuntimeException | Error e) {
            Assumptions.abort("default screener does not load yet: " + e);
        }
        return () -> Screener.builder().withDefaults();
    }

    @Test
    void scanCorpusAndListLexicons() throws Exception {
        Supplier<Screener.Builder> base = defaults();
        Path corpus = Path.of("../models/corpus/notes-c.jsonl");
        Assumptions.assumeTrue(Files.exists(corpus));
        TestCli.Result r = TestCli.run(new byte[0], base, "scan", corpus.toString(), "-f", "jsonl");
        long lines = r.out().lines().count();
        long records = Files.readAllLines(corpus).stream().filter(l -> !l.isBlank()).count();
        assertEquals(records, lines, r.err());
        assertTrue(r.err().contains("read " + records + ", screened " + records + ", errored 0"), r.err());
        TestCli.Result list = TestCli.run(new byte[0], base, "lexicon", "list", "--json");
        assertEquals(ExitCodes.OK, list.code());
        assertTrue(list.out().trim().startsWith("["));
        TestCli.Result eval = TestCli.run(new byte[0], base, "eval", "--gold", corpus.toString());
        assertTrue(eval.out().contains("micro"), eval.out());
    }
}
