package org.fairnote.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input gives an error record, the run goes on, and counts reconcile. */
class BadInputTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static List<JsonNode> records(String out) throws Exception {
        List<JsonNode> list = new ArrayList<>();
        for (String l : out.split("\n")) {
            if (!l.isEmpty()) {
                list.add(JSON.readTree(l));
            }
        }
        return list;
    }

    static void assertErrorRecord(JsonNode n, String id, long line, String fragment) {
        assertEquals(id, n.get("id").isNull() ? null : n.get("id").asText(), n.toString());
        assertEquals(line, n.get("line").asLong(), n.toString());
        assertEquals(0, n.get("findings").size());
        assertTrue(n.get("error").asText().contains(fragment), n.toString());
    }

    @Test
    void badJsonlLines() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("{\"id\":\"ok1\",\"text\":\"She is attention-seeking.\"}\n".getBytes(StandardCharsets.UTF_8));
        b.writeBytes("{\"id\":\"m1\",\"text\":\"secret words attention-seeking\n".getBytes(StandardCharsets.UTF_8));
        b.writeBytes("[1,2,3]\n".getBytes(StandardCharsets.UTF_8));
        b.writeBytes("{\"id\":\"nt\",\"body\":\"x\"}\n".getBytes(StandardCharsets.UTF_8));
        b.writeBytes("{\"id\":\"ns\",\"text\":42}\n".getBytes(StandardCharsets.UTF_8));
        b.writeBytes("{\"id\":\"u8\",\"text\":\"caf".getBytes(StandardCharsets.UTF_8));
        b.writeBytes(new byte[] {(byte) 0xE9, '"', '}', '\n'});
        b.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
        b.writeBytes("{\"id\":\"ok2\",\"text\":\"Calm.\"}\n".getBytes(StandardCharsets.UTF_8));
        Path in = dir.resolve("bad.jsonl");
        Files.write(in, b.toByteArray());
        TestCli.Result r = TestCli.run("scan", in.toString(), "-f", "jsonl");
        List<JsonNode> recs = records(r.out());
        assertEquals(7, recs.size(), r.out());
        assertEquals("ok1", recs.get(0).get("id").asText());
        assertErrorRecord(recs.get(1), "m1", 2, "malformed JSON");
        assertErrorRecord(recs.get(2), null, 3, "array, not an object");
        assertErrorRecord(recs.get(3), "nt", 4, "no \"text\" field");
        assertErrorRecord(recs.get(4), "ns", 5, "\"text\" is a number, not a string");
        assertErrorRecord(recs.get(5), "u8", 6, "invalid UTF-8 at byte");
        assertEquals("ok2", recs.get(6).get("id").asText());
        assertFalse(r.out().contains("secret words"), "note text of a bad record is never echoed");
        assertFalse(r.err().contains("secret words"));
        assertTrue(r.err().contains("read 7, screened 2, errored 5"), r.err());
        assertEquals(ExitCodes.ERROR, r.code());
    }

    @Test
    void fiftyMegabyteNoteIsRejectedWithoutStoppingTheRun() throws Exception {
        Path in = dir.resolve("big.jsonl");
        try (OutputStream o = Files.newOutputStream(in)) {
            o.write("{\"id\":\"big\",\"text\":\"".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "word ".repeat(200_000).getBytes(StandardCharsets.UTF_8); // 1 MB
            for (int i = 0; i < 50; i++) {
                o.write(chunk);
            }
            o.write("\"}\n{\"id\":\"after\",\"text\":\"She is attention-seeking.\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        TestCli.Result r = TestCli.run("scan", in.toString(), "-f", "jsonl");
        List<JsonNode> recs = records(r.out());
        assertEquals(2, recs.size());
        assertErrorRecord(recs.get(0), "big", 1, "larger than the maximum note size of 4 MiB (raise it with --max-note-size)");
        assertEquals("after", recs.get(1).get("id").asText());
        assertEquals(1, recs.get(1).get("findings").size());

        // the limit is configurable, for text files too
        Path txt = TestCli.write(dir.resolve("t/long.txt"), "x".repeat(3000));
        TestCli.Result r2 = TestCli.run("scan", txt.getParent().toString(), "-f", "jsonl", "--max-note-size", "2K");
        assertTrue(records(r2.out()).get(0).get("error").asText().contains("2 KiB"), r2.out());
    }

    @Test
    void binaryAndInvalidUtf8TextFiles() throws Exception {
        Path folder = dir.resolve("notes");
        Files.createDirectories(folder);
        Files.write(folder.resolve("a-binary.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
        Files.write(folder.resolve("b-latin1.txt"), "caf\u00e9 manipulative".getBytes(StandardCharsets.ISO_8859_1));
        TestCli.write(folder.resolve("c-good.txt"), "He is manipulative.");
        TestCli.Result r = TestCli.run("scan", folder.toString(), "-f", "jsonl");
        List<JsonNode> recs = records(r.out());
        assertEquals(3, recs.size());
        assertErrorRecord(recs.get(0), "a-binary.txt", 0, "binary file");
        assertErrorRecord(recs.get(1), "b-latin1.txt", 0, "not valid UTF-8: invalid UTF-8 at byte 3");
        assertEquals(1, recs.get(2).get("findings").size());
        assertTrue(r.err().contains("read 3, screened 1, errored 2"), r.err());
    }

    @Test
    void csvWrongColumnCountMalformedRowsAndMissingColumn() throws Exception {
        Path csv = TestCli.write(dir.resolve("n.csv"), """
                id,text,author
                1,He is manipulative.,dr a
                2,too few
                3,"a,b",x,extra
                4,"ok"junk,x
                5,"She is attention-seeking.",dr b
                """);
        TestCli.Result r = TestCli.run("scan", csv.toString(), "-f", "jsonl");
        List<JsonNode> recs = records(r.out());
        assertEquals(5, recs.size(), r.out());
        assertEquals(1, recs.get(0).get("findings").size());
        assertErrorRecord(recs.get(1), "2", 3, "CSV row has 2 columns; the header has 3");
        assertErrorRecord(recs.get(2), "3", 4, "CSV row has 4 columns");
        assertErrorRecord(recs.get(3), "4", 5, "malformed CSV row");
        assertEquals(1, recs.get(4).get("findings").size());

        Path noText = TestCli.write(dir.resolve("x.csv"), "id,body\n1,hello\n");
        TestCli.Result r2 = TestCli.run("scan", noText.toString(), csv.toString(), "-f", "jsonl");
        List<JsonNode> recs2 = records(r2.out());
        assertErrorRecord(recs2.get(0), null, 1, "no column \"text\"");
        assertEquals(6, recs2.size(), "the next input is still read");
        assertTrue(r2.err().contains("read 6, screened 2, errored 4"), r2.err());
    }

    @Test
    void missingInputIsAUsageError() {
        TestCli.Result r = TestCli.run("scan", dir.resolve("nope.jsonl").toString());
        assertEquals(ExitCodes.ERROR, r.code());
        assertTrue(r.err().startsWith("fairnote: no such file or folder"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace without --debug");
    }
}
