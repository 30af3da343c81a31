package org.fairnote.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LexiconCommandsTest {

    @TempDir
    Path dir;

    static final ObjectMapper JSON = new ObjectMapper();

    static List<String> ids(String json) throws Exception {
        List<String> ids = new ArrayList<>();
        JSON.readTree(json).forEach(e -> ids.add(e.get("id").asText()));
        return ids;
    }

    @Test
    void listJsonHasTheEntryFields() throws Exception {
        TestCli.Result r = TestCli.run("lexicon", "list", "--json");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        JsonNode array = JSON.readTree(r.out());
        assertTrue(array.isArray());
        assertEquals(List.of("TEST-attention-seeking", "TEST-manipulative", "TEST-do-not-convey"), ids(r.out()));
        JsonNode e = array.get(0);
        for (String field : new String[] {"id", "category", "severity", "patterns", "explanation", "suggestion",
            "examples"}) {
            assertTrue(e.has(field), field);
        }
        assertEquals("attention-seeking", e.get("examples").get("flag").get(0).get("span").asText());
        assertEquals("She was not attention-seeking.", e.get("examples").get("pass").get(0).asText());

        TestCli.Result text = TestCli.run("lexicon", "list");
        assertTrue(text.out().contains("3 entries"), text.out());
    }

    @Test
    void showOneEntryAndUnknownId() {
        TestCli.Result r = TestCli.run("lexicon", "show", "TEST-manipulative");
        assertEquals(ExitCodes.OK, r.code());
        assertTrue(r.out().contains("severity:    MEDIUM") && r.out().contains("test-stigma.json, line"), r.out());
        TestCli.Result none = TestCli.run("lexicon", "show", "manipul");
        assertEquals(ExitCodes.ERROR, none.code());
        assertTrue(none.err().contains("did you mean [TEST-manipulative]"), none.err());
    }

    @Test
    void checkValidBrokenAndFailingLexicons() {
        TestCli.Result ok = TestCli.run("lexicon", "check", TestCli.resource("user-lexicon.json").toString());
        assertEquals(ExitCodes.OK, ok.code(), ok.out() + ok.err());
        assertTrue(ok.out().endsWith(": OK\n"));

        TestCli.Result bad = TestCli.run("lexicon", "check", TestCli.resource("bad-lexicon.json").toString());
        assertEquals(ExitCodes.FLAGS, bad.code());
        assertTrue(bad.out().contains("bad-lexicon.json, line 14, entry 'BAD-severity': unknown severity 'EXTREME'"),
                bad.out());

        TestCli.Result failing = TestCli.run("lexicon", "check", TestCli.resource("failing-examples.json").toString());
        assertEquals(ExitCodes.FLAGS, failing.code());
        assertTrue(failing.out().contains("entry 'FAIL-claims': flag example not flagged"), failing.out());
        assertTrue(failing.out().contains("entry 'FAIL-claims': pass example is flagged"), failing.out());

        // an id that clashes with a loaded entry
        Path dup = TestCli.write(dir.resolve("dup.json"), TestCli.read(TestCli.resource("user-lexicon.json"))
                .replace("LOCAL-revolving-door", "TEST-manipulative"));
        TestCli.Result d = TestCli.run("lexicon", "check", dup.toString());
        assertEquals(ExitCodes.FLAGS, d.code());
        assertTrue(d.out().contains("entry 'TEST-manipulative': duplicate entry id"), d.out());
    }

    @Test
    void userLexiconAddsEntriesAndDisableRemovesThem() throws Exception {
        String user = TestCli.resource("user-lexicon.json").toString();
        Path note = TestCli.write(dir.resolve("n.txt"), "She is a revolving door patient and manipulative.");

        TestCli.Result without = TestCli.run("scan", note.toString(), "-f", "jsonl");
        assertFalse(without.out().contains("LOCAL-revolving-door"));

        TestCli.Result with = TestCli.run("scan", note.toString(), "-f", "jsonl", "--lexicon", user);
        assertTrue(with.out().contains("LOCAL-revolving-door") && with.out().contains("TEST-manipulative"), with.out());

        TestCli.Result disabled = TestCli.run("scan", note.toString(), "-f", "jsonl", "--lexicon", user,
                "--disable", "TEST-manipulative");
        assertTrue(disabled.out().contains("LOCAL-revolving-door"));
        assertFalse(disabled.out().contains("TEST-manipulative"), disabled.out());

        List<String> listed = ids(TestCli.run("lexicon", "list", "--json", "--lexicon", user, "--disable",
                "TEST-do-not-convey,TEST-manipulative").out());
        assertEquals(List.of("TEST-attention-seeking", "LOCAL-revolving-door"), listed);

        TestCli.Result unknown = TestCli.run("scan", note.toString(), "--disable", "NO-such-entry");
        assertEquals(ExitCodes.ERROR, unknown.code());
        assertTrue(unknown.err().contains("cannot disable unknown lexicon entry 'NO-such-entry'"), unknown.err());

        TestCli.Result broken = TestCli.run("scan", note.toString(), "--lexicon",
                TestCli.resource("bad-lexicon.json").toString());
        assertEquals(ExitCodes.ERROR, broken.code());
        assertTrue(broken.err().contains("bad-lexicon.json, line 14, entry 'BAD-severity'"), broken.err());
    }
}
