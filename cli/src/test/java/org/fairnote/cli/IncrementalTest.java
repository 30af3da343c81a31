package org.fairnote.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fairnote.cli.output.OutputTarget;
import org.fairnote.cli.state.IncrementalState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static String note(int i, String text) {
        return "{\"id\":\"n" + i + "\",\"text\":\"" + text + "\"}\n";
    }

    static List<String> ids(String jsonl) throws Exception {
        List<String> ids = new ArrayList<>();
        for (String l : jsonl.split("\n")) {
            if (!l.isBlank()) {
                ids.add(JSON.readTree(l).get("id").asText());
            }
        }
        return ids;
    }

    @Test
    void rerunScreensOnlyNewOrChangedNotesAndAllWhenVersionsChange() throws Exception {
        Path in = TestCli.write(dir.resolve("in.jsonl"), note(1, "She is manipulative.") + note(2, "Calm."));
        Path state = dir.resolve("state/fairnote.state");
        Path out = dir.resolve("out.jsonl");
        TestCli.Result first = TestCli.run("scan", in.toString(), "-f", "jsonl", "-o", out.toString(), "--state",
                state.toString());
        assertEquals(ExitCodes.FLAGS, first.code(), first.err());
        assertEquals(List.of("n1", "n2"), ids(TestCli.read(out)));
        assertTrue(first.err().contains("screened 2, unchanged 0"), first.err());
        assertFalse(Files.exists(IncrementalState.journalOf(state)));

        TestCli.Result second = TestCli.run("scan", in.toString(), "-f", "jsonl", "-o", out.toString(), "--state",
                state.toString());
        assertEquals(ExitCodes.OK, second.code());
        assertEquals("", TestCli.read(out));
        assertTrue(second.err().contains("read 2, screened 0, unchanged 2"), second.err());

        TestCli.write(in, note(1, "She is manipulative.") + note(2, "Calm, then attention-seeking.") + note(3, "New."));
        TestCli.Result third = TestCli.run("scan", in.toString(), "-f", "jsonl", "-o", out.toString(), "--state",
                state.toString());
        assertEquals(List.of("n2", "n3"), ids(TestCli.read(out)));
        assertTrue(third.err().contains("screened 2, unchanged 1"), third.err());

        // a user lexicon changes the versions: everything is screened again
        TestCli.Result fourth = TestCli.run("scan", in.toString(), "-f", "jsonl", "-o", out.toString(), "--state",
                state.toString(), "--lexicon", TestCli.resource("user-lexicon.json").toString());
        assertTrue(fourth.err().contains("versions changed"), fourth.err());
        assertEquals(List.of("n1", "n2", "n3"), ids(TestCli.read(out)));
    }

    @Test
    void errorRecordsAreRetriedNextTime() throws Exception {
        Path in = TestCli.write(dir.resolve("in.jsonl"), note(1, "Calm.") + "{\"id\":\"n2\"}\n");
        Path state = dir.resolve("s");
        TestCli.run("scan", in.toString(), "-f", "jsonl", "--state", state.toString());
        TestCli.Result again = TestCli.run("scan", in.toString(), "-f", "jsonl", "--state", state.toString());
        assertTrue(again.err().contains("read 2, screened 0, unchanged 1, errored 1"), again.err());
    }

    /**
     * Starts a real process, feeds it notes slowly, kills it (SIGKILL) after its first checkpoint, then
     * runs the same command again: the report is complete, in input order, each note once.
     */
    @Test
    void resumesAfterKill() throws Exception {
        int total = 3000;
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < total; i++) {
            all.append(note(i, i % 3 == 0 ? "She is attention-seeking. " + i : "Calm " + i));
        }
        Path in = TestCli.write(dir.resolve("in.jsonl"), all.toString());
        Path state = dir.resolve("nightly.state");
        Path out = dir.resolve("report.jsonl");
        Path journal = IncrementalState.journalOf(state);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                TestMain.class.getName(), "scan", "-", "-f", "jsonl", "-o", out.toString(), "--state", state.toString(),
                "--threads", "2", "-q");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String[] lines = all.toString().split("\n");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int fed = 0;
        try (OutputStream stdin = p.getOutputStream()) {
            while (System.nanoTime() < deadline) {
                if (fed < 2500) {
                    stdin.write((lines[fed++] + "\n").getBytes(StandardCharsets.UTF_8));
                    stdin.flush();
                }
                if (fed % 100 == 0) {
                    Thread.sleep(20);
                }
                if (Files.exists(journal) && Files.readAllLines(journal).size() >= 2 && fed > 2200) {
                    break;
                }
            }
            p.destroyForcibly(); // SIGKILL: no shutdown hooks, no flushing
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (java.io.IOException brokenPipe) {
            p.destroyForcibly();
        }
        assertTrue(Files.exists(journal), "the killed run left a journal");
        assertTrue(Files.exists(OutputTarget.partialOf(out)), "the killed run left a partial report");
        assertFalse(Files.exists(out), "no report under the real name from a killed run");

        // the same command again, reading the full input on stdin
        TestCli.Result resumed = TestCli.run(all.toString().getBytes(StandardCharsets.UTF_8), TestCli.testScreener(), "scan", "-",
                "-f", "jsonl", "-o", out.toString(), "--state", state.toString(), "--threads", "2");
        assertTrue(resumed.err().contains("resuming an interrupted run"), resumed.err());
        List<String> got = ids(TestCli.read(out));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            expected.add("n" + i);
        }
        assertEquals(expected, got, "every note exactly once, in input order");
        assertFalse(Files.exists(journal));
        assertFalse(Files.exists(OutputTarget.partialOf(out)));
        assertEquals(total + 1, Files.readAllLines(state).size());
    }

    /** The CLI with the test lexicons, for the kill test's child process. */
    public static final class TestMain {
        public static void main(String[] args) {
            CliContext ctx = new CliContext(System.out, new java.io.PrintWriter(System.err, true), System.in,
                    TestCli.testScreener(), false, false, true);
            System.exit(FairnoteCli.run(ctx, args));
        }
    }
}
