package org.fairnote.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With --redact no note text appears in any output or on stderr. */
class RedactTest {

    @TempDir
    Path dir;

    static final String[] SECRETS = {"Zebedee", "attention-seeking and", "and manipulative", "Do not convey", "Quixotic"};

    Path input() {
        return TestCli.write(dir.resolve("n.jsonl"), """
                {"id":"r1","text":"Zebedee is attention-seeking and manipulative."}
                {"id":"r2","text":"Do not convey Zebedee to ED."}
                {"id":"r3","text":"Quixotic \\u0000 plain"}
                not json Zebedee
                """);
    }

    @Test
    void noNoteTextInAnyFormat() throws Exception {
        for (String format : new String[] {"jsonl", "csv", "text", "html"}) {
            Path out = dir.resolve("out." + format);
            TestCli.Result r = TestCli.run("scan", input().toString(), "-f", format, "--redact", "-o", out.toString());
            assertEquals(ExitCodes.ERROR, r.code(), format + ": " + r.err()); // the bad line makes it 2
            String written = TestCli.read(out);
            assertFalse(written.isEmpty());
            for (String s : SECRETS) {
                assertFalse(written.contains(s), format + " leaks '" + s + "':\n" + written);
                assertFalse(r.err().contains(s), "stderr leaks " + s);
                assertFalse(r.out().contains(s));
            }
            assertTrue(written.contains("STIGMATISING_LANGUAGE") && written.contains("TEST-manipulative"), format);
        }
        String jsonl = TestCli.read(dir.resolve("out.jsonl"));
        assertTrue(jsonl.contains("\"start\":11,\"end\":28"), jsonl);
    }

    @Test
    void bratIsRefusedWithRedact() {
        TestCli.Result r = TestCli.run("scan", input().toString(), "-f", "brat", "--redact", "-o",
                dir.resolve("b").toString());
        assertEquals(ExitCodes.ERROR, r.code());
        assertTrue(r.err().contains("cannot be used with --redact"), r.err());
        assertFalse(Files.exists(dir.resolve("b")));
    }
}
