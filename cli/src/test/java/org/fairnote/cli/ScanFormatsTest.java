package org.fairnote.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fairnote.Finding;
import org.fairnote.cli.input.CsvReader;
import org.fairnote.cli.output.BratReportWriter;
import org.fairnote.json.FairnoteJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanFormatsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static final String NOTES = """
            {"id":"n1","text":"She is attention-seeking at night."}
            {"id":"n2","text":"She slept well and ate breakfast."}
            {"id":"n3","text":"Do not convey to ED. He is not manipulative."}
            """;

    @TempDir
    Path dir;

    Path notes() {
        return TestCli.write(dir.resolve("notes.jsonl"), NOTES);
    }

    @Test
    void jsonlHasOneLinePerRecordInOrderWithCoreFindingJson() throws Exception {
        TestCli.Result r = TestCli.run("scan", notes().toString(), "-f", "jsonl");
        assertEquals(ExitCodes.FLAGS, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(3, lines.length);
        List<String> ids = new ArrayList<>();
        for (String l : lines) {
            JsonNode n = JSON.readTree(l);
            ids.add(n.get("id").asText());
            assertTrue(n.get("error").isNull());
            assertFalse(n.has("line"));
        }
        assertEquals(List.of("n1", "n2", "n3"), ids);
        JsonNode f = JSON.readTree(lines[0]).get("findings").get(0);
        Finding finding = FairnoteJson.findingFromJson(f.toString());
        assertEquals("attention-seeking", finding.text());
        assertEquals("TEST-attention-seeking", finding.ruleId());
        assertEquals(0, JSON.readTree(lines[1]).get("findings").size());
        // n3: an affirmed withholding and a negated stigma finding, both reported by default
        JsonNode n3 = JSON.readTree(lines[2]).get("findings");
        assertEquals(2, n3.size(), lines[2]);
        assertTrue(r.err().contains("read 3, screened 3, errored 0, flagged 2 notes"), r.err());
    }

    @Test
    void flagsOnlyKeepsAffirmedFindings() throws Exception {
        TestCli.Result r = TestCli.run("scan", notes().toString(), "-f", "jsonl", "--flags-only");
        JsonNode n3 = JSON.readTree(r.out().split("\n")[2]).get("findings");
        assertEquals(1, n3.size());
        assertEquals("AFFIRMED", n3.get(0).get("assertion").asText());
    }

    @Test
    void csvHasOneRowPerFindingAndParsesBack() throws Exception {
        TestCli.Result r = TestCli.run("scan", notes().toString(), "-f", "csv");
        CsvReader reader = new CsvReader(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)), 1 << 20);
        List<List<String>> rows = new ArrayList<>();
        CsvReader.Row row;
        while ((row = reader.next()) != null) {
            rows.add(row.strings());
        }
        assertEquals(List.of("id", "start", "end", "category", "assertion", "severity", "confidence", "ruleId",
                "source", "text", "suggestion", "error"), rows.get(0));
        assertEquals(4, rows.size()); // header + 3 findings
        assertEquals("n1", rows.get(1).get(0));
        assertEquals("attention-seeking", rows.get(1).get(9));
        assertEquals("STIGMATISING_LANGUAGE", rows.get(1).get(3));
        assertTrue(r.out().contains("\r\n"));
    }

    @Test
    void textShowsCategoryContextExplanationAndSuggestion() {
        TestCli.Result r = TestCli.run("scan", notes().toString());
        assertTrue(r.out().contains("== n1"), r.out());
        assertTrue(r.out().contains("STIGMATISING_LANGUAGE · AFFIRMED · HIGH · TEST-attention-seeking"), r.out());
        assertTrue(r.out().contains("She is [attention-seeking] at night."), r.out());
        assertTrue(r.out().contains("Why: Test explanation for attention-seeking."));
        assertTrue(r.out().contains("Instead: Describe the need for help."));
        assertFalse(r.out().contains("== n2"), "notes without findings are not listed");
        assertFalse(r.out().contains("\u001b["), "no colours when stdout is not a terminal");
    }

    @Test
    void htmlIsSelfContainedWithHighlightsTooltipsAndTotals() throws Exception {
        Path out = dir.resolve("report.html");
        TestCli.Result r = TestCli.run("scan", notes().toString(), "-f", "html", "-o", out.toString());
        assertEquals(ExitCodes.FLAGS, r.code(), r.err());
        String html = TestCli.read(out);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<svg"));
        assertTrue(html.contains("<mark class=\"c-STIGMATISING_LANGUAGE\" title=\"STIGMATISING_LANGUAGE (AFFIRMED"));
        assertTrue(html.contains("Instead: Describe the need for help."));
        assertTrue(html.contains("Notes by number of flags"));
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("<script"),
                "no network and no scripts");
        assertTrue(html.trim().endsWith("</html>"));
        assertFalse(Files.exists(out.resolveSibling("report.html.partial")));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }

    @Test
    void bratWritesTxtAndAnnWithCodePointOffsets() throws Exception {
        Path in = TestCli.write(dir.resolve("n.jsonl"),
                "{\"id\":\"a/1\",\"text\":\"\uD83D\uDE00 She is attention-seeking.\"}\n{\"id\":\"b\",\"text\":\"fine\"}\n");
        Path out = dir.resolve("brat");
        TestCli.Result r = TestCli.run("scan", in.toString(), "-f", "brat", "-o", out.toString());
        assertEquals(ExitCodes.FLAGS, r.code(), r.err());
        String text = TestCli.read(out.resolve("a_1.txt"));
        String ann = TestCli.read(out.resolve("a_1.ann"));
        int cpStart = text.codePointCount(0, text.indexOf("attention"));
        assertTrue(ann.startsWith("T1\tSTIGMATISING_LANGUAGE " + cpStart + " " + (cpStart + 17) + "\tattention-seeking\n"),
                ann);
        assertTrue(ann.contains("#1\tAnnotatorNotes T1\tTEST-attention-seeking (HIGH)"));
        assertEquals("", TestCli.read(out.resolve("b.ann")));
        assertTrue(Files.exists(out.resolve("annotation.conf")));
        assertEquals("", TestCli.read(out.resolve(BratReportWriter.ERRORS_FILE)));
    }

    @Test
    void txtFoldersCsvAndStdinInputs() throws Exception {
        Path folder = dir.resolve("notes");
        TestCli.write(folder.resolve("b/2.txt"), "He is manipulative.");
        TestCli.write(folder.resolve("a.txt"), "All fine.");
        TestCli.write(folder.resolve("ignored.doc"), "manipulative");
        Path csv = TestCli.write(dir.resolve("n.csv"), "note_id,body\r\nc1,\"Line one.\r\nShe is attention-seeking.\"\r\n");
        TestCli.Result r = TestCli.runWithStdin("{\"id\":\"s1\",\"text\":\"manipulative\"}\n", "scan", folder.toString(),
                csv.toString(), "-", "--id-column", "note_id", "--text-column", "body", "-f", "jsonl");
        String[] lines = r.out().split("\n");
        assertEquals(4, lines.length, r.out() + r.err());
        assertEquals("a.txt", JSON.readTree(lines[0]).get("id").asText());
        assertEquals("b/2.txt", JSON.readTree(lines[1]).get("id").asText());
        assertEquals("c1", JSON.readTree(lines[2]).get("id").asText());
        assertEquals(1, JSON.readTree(lines[2]).get("findings").size());
        assertEquals("s1", JSON.readTree(lines[3]).get("id").asText());
    }

    @Test
    void manyThreadsKeepInputOrder() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            sb.append("{\"id\":\"").append(i).append("\",\"text\":\"")
                    .append(i % 7 == 0 ? "She is attention-seeking. " : "Calm. ").append("x ".repeat(i % 50))
                    .append("\"}\n");
        }
        Path in = TestCli.write(dir.resolve("many.jsonl"), sb.toString());
        TestCli.Result r = TestCli.run("scan", in.toString(), "-f", "jsonl", "--threads", "4");
        String[] lines = r.out().split("\n");
        assertEquals(3000, lines.length);
        for (int i = 0; i < lines.length; i++) {
            JsonNode n = JSON.readTree(lines[i]);
            assertEquals(Integer.toString(i), n.get("id").asText());
            assertEquals(i % 7 == 0 ? 1 : 0, n.get("findings").size());
        }
    }
}
