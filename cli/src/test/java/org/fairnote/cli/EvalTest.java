package org.fairnote.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny gold set with hand-computed metrics.
 *
 * <pre>
 * g1: gold STIG[0,10) STIG[20,30) CARE[40,50)   pred STIG[5,12) (hit) CARE[60,70) (miss) STIG[31,35) (miss)
 * g2: gold none                                 pred STIG[0,4) NEGATED (ignored)  -> note correct
 * g3: gold CRED[0,5)                            pred none                          -> note wrong
 * g4: gold POL[0,8)                             pred POL[2,4) POL[6,9) (both hit)
 *
 * STIG: gold 2, found 1 (R .5); pred 2, correct 1 (P .5); F1 .5
 * CARE: gold 1, found 0; pred 1, correct 0 -> 0/0/0
 * CRED: gold 1, found 0; pred 0 -> P 0, R 0
 * POL:  gold 1, found 1 (R 1); pred 2, correct 2 (P 1); F1 1
 * micro: gold 5, found 2 (R .4); pred 5, correct 3 (P .6); F1 = 2*.6*.4/1 = .48
 * note accuracy: g1 ok, g2 ok, g3 wrong, g4 ok = .75
 * </pre>
 */
class EvalTest {

    @TempDir
    Path dir;

    @Test
    void spanMetricsFromPredictions() throws Exception {
        String t = "x".repeat(80);
        Path gold = TestCli.write(dir.resolve("gold.jsonl"), String.join("\n",
                "{\"id\":\"g1\",\"text\":\"" + t + "\",\"spans\":[{\"start\":0,\"end\":10,\"category\":\"STIGMATISING_LANGUAGE\"},"
                        + "{\"start\":20,\"end\":30,\"category\":\"STIGMATISING_LANGUAGE\"},"
                        + "{\"start\":40,\"end\":50,\"category\":\"CARE_WITHHOLDING\"}]}",
                "{\"id\":\"g2\",\"text\":\"" + t + "\",\"spans\":[]}",
                "{\"id\":\"g3\",\"text\":\"" + t + "\",\"spans\":[{\"start\":0,\"end\":5,\"category\":\"CREDIBILITY_DOUBT\"}]}",
                "{\"id\":\"g4\",\"text\":\"" + t + "\",\"spans\":[{\"start\":0,\"end\":8,\"category\":\"POLICE_IN_CARE\"}]}"));
        Path pred = TestCli.write(dir.resolve("pred.jsonl"), String.join("\n",
                "{\"id\":\"g1\",\"findings\":[" + f(5, 12, "STIGMATISING_LANGUAGE", "AFFIRMED") + ","
                        + f(60, 70, "CARE_WITHHOLDING", "AFFIRMED") + "," + f(31, 35, "STIGMATISING_LANGUAGE", "AFFIRMED")
                        + "],\"error\":null}",
                "{\"id\":\"g2\",\"findings\":[" + f(0, 4, "STIGMATISING_LANGUAGE", "NEGATED") + "],\"error\":null}",
                "{\"id\":\"g3\",\"findings\":[],\"error\":null}",
                "{\"id\":\"g4\",\"findings\":[" + f(2, 4, "POLICE_IN_CARE", "AFFIRMED") + ","
                        + f(6, 9, "POLICE_IN_CARE", "AFFIRMED") + "],\"error\":null}"));
        TestCli.Result r = TestCli.run("eval", "--gold", gold.toString(), "--pred", pred.toString(), "--json");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        JsonNode m = new ObjectMapper().readTree(r.out());
        assertEquals(4, m.get("notes").asInt());
        assertEquals(0.75, m.get("noteAccuracy").asDouble(), 1e-9);
        JsonNode stig = m.get("categories").get("STIGMATISING_LANGUAGE");
        assertEquals(0.5, stig.get("precision").asDouble(), 1e-9);
        assertEquals(0.5, stig.get("recall").asDouble(), 1e-9);
        assertEquals(0.5, stig.get("f1").asDouble(), 1e-9);
        assertEquals(0.0, m.get("categories").get("CARE_WITHHOLDING").get("f1").asDouble(), 1e-9);
        JsonNode pol = m.get("categories").get("POLICE_IN_CARE");
        assertEquals(1.0, pol.get("precision").asDouble(), 1e-9);
        assertEquals(1.0, pol.get("recall").asDouble(), 1e-9);
        JsonNode micro = m.get("micro");
        assertEquals(0.6, micro.get("precision").asDouble(), 1e-9);
        assertEquals(0.4, micro.get("recall").asDouble(), 1e-9);
        assertEquals(0.48, micro.get("f1").asDouble(), 1e-9);

        TestCli.Result table = TestCli.run("eval", "--gold", gold.toString(), "--pred", pred.toString());
        assertTrue(table.out().contains("micro") && table.out().contains("0.480"), table.out());
    }

    @Test
    void screensGoldTextsWhenNoPredictions() throws Exception {
        Path gold = TestCli.write(dir.resolve("gold.jsonl"),
                "{\"id\":\"a\",\"text\":\"She is attention-seeking.\",\"spans\":[{\"start\":7,\"end\":24,"
                        + "\"category\":\"STIGMATISING_LANGUAGE\"}]}\n");
        TestCli.Result r = TestCli.run("eval", "--gold", gold.toString(), "--json");
        JsonNode micro = new ObjectMapper().readTree(r.out()).get("micro");
        assertEquals(1.0, micro.get("f1").asDouble(), 1e-9);
    }

    private static String f(int s, int e, String cat, String assertion) {
        return "{\"start\":" + s + ",\"end\":" + e + ",\"category\":\"" + cat + "\",\"assertion\":\"" + assertion + "\"}";
    }
}
