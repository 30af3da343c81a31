package org.fairnote.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExitCodesTest {

    @TempDir
    Path dir;

    @Test
    void zeroWithoutFlagsOneWithFlags() {
        Path clean = TestCli.write(dir.resolve("clean.txt"), "She slept well. He is not manipulative.");
        Path flagged = TestCli.write(dir.resolve("flagged.txt"), "Do not convey to ED.");
        assertEquals(ExitCodes.OK, TestCli.run("scan", clean.toString(), "-q").code());
        assertEquals(ExitCodes.FLAGS, TestCli.run("scan", flagged.toString(), "-q").code());
    }

    @Test
    void failOnTunesTheThreshold() {
        Path low = TestCli.write(dir.resolve("low.txt"), "Do not convey to ED."); // LOW
        Path medium = TestCli.write(dir.resolve("medium.txt"), "He is manipulative."); // MEDIUM
        assertEquals(ExitCodes.OK, TestCli.run("scan", low.toString(), "--fail-on", "MEDIUM").code());
        assertEquals(ExitCodes.FLAGS, TestCli.run("scan", medium.toString(), "--fail-on", "medium").code());
        assertEquals(ExitCodes.OK, TestCli.run("scan", medium.toString(), "--fail-on", "HIGH").code());
        assertEquals(ExitCodes.OK, TestCli.run("scan", medium.toString(), "--fail-on", "NEVER").code());
    }

    @Test
    void twoForUsageAndIoErrors() {
        Path ok = TestCli.write(dir.resolve("ok.txt"), "fine");
        TestCli.Result bad = TestCli.run("scan", ok.toString(), "--format", "pdf");
        assertEquals(ExitCodes.ERROR, bad.code());
        assertTrue(bad.err().contains("pdf"), bad.err());
        assertEquals(ExitCodes.ERROR, TestCli.run("scan").code());
        assertEquals(ExitCodes.ERROR, TestCli.run("nonsense").code());
        assertEquals(ExitCodes.ERROR, TestCli.run().code());
        assertEquals(ExitCodes.ERROR, TestCli.run("scan", ok.toString(), "--threads", "0").code());
        assertEquals(ExitCodes.ERROR, TestCli.run("scan", ok.toString(), "-f", "brat").code());
        assertEquals(ExitCodes.ERROR, TestCli.run("scan", ok.toString(), "-o", dir.toString()).code());
        // the report cannot be written: an existing folder named like the partial file
        TestCli.Result io = TestCli.run("scan", ok.toString(), "-o", "/proc/version/nope.txt");
        assertEquals(ExitCodes.ERROR, io.code());
        assertTrue(io.err().startsWith("fairnote: "), io.err());
        assertEquals(ExitCodes.OK, TestCli.run("--help").code());
    }

    @Test
    void debugShowsStackTraces() {
        TestCli.Result plain = TestCli.run("scan", "missing-file.txt");
        TestCli.Result debug = TestCli.run("scan", "missing-file.txt", "--debug");
        assertFalse(plain.err().contains("\tat org.fairnote"));
        assertTrue(debug.err().contains("\tat org.fairnote"), debug.err());
    }
}
