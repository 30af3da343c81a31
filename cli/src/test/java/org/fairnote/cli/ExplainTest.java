package org.fairnote.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ExplainTest {

    @Test
    void explainsArgumentsAndStdin() throws Exception {
        TestCli.Result r = TestCli.run("explain", "She is attention-seeking.");
        assertEquals(ExitCodes.FLAGS, r.code());
        assertTrue(r.out().contains("TEST-attention-seeking") && r.out().contains("Why: "), r.out());

        TestCli.Result in = TestCli.runWithStdin("He is not manipulative.", "explain", "-");
        assertEquals(ExitCodes.OK, in.code());
        assertTrue(in.out().contains("NEGATED") && in.out().contains("not a flag"), in.out());

        TestCli.Result none = TestCli.run("explain", "all", "calm");
        assertEquals("No findings.\n", none.out());

        TestCli.Result json = TestCli.run("explain", "--json", "Do not convey to ED.");
        assertEquals("CARE_WITHHOLDING",
                new ObjectMapper().readTree(json.out()).get("findings").get(0).get("category").asText());
    }
}
