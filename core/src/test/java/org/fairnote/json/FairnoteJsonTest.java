package org.fairnote.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.fairnote.Screening;
import org.fairnote.testing.RandomTexts;
import org.fairnote.testing.TestScreeners;
import org.junit.jupiter.api.Test;

class FairnoteJsonTest {

    @Test
    void fieldNamesAndOrderAreStable() {
        Screening s = TestScreeners.SMALL.screen("Do not convey to ED.");
        String json = FairnoteJson.toJson(s);
        assertTrue(json.startsWith("{\"findings\":[{\"start\":0,\"end\":19,\"text\":\"Do not convey to ED\","
                + "\"category\":\"CARE_WITHHOLDING\",\"assertion\":\"AFFIRMED\",\"severity\":\"HIGH\","
                + "\"confidence\":1.0,\"ruleId\":\"WITH-do-not-convey\",\"source\":\"LEXICON\","), json);
        assertTrue(json.endsWith("\"versions\":{\"fairnote\":\"0.1.0\",\"test\":\"1\"},\"textLength\":20}"), json);
        assertFalse(json.contains("\"flag\""), json);
    }

    @Test
    void roundTripsRandomScreenings() {
        long seed = RandomTexts.seed();
        Random r = new Random(seed);
        for (int i = 0; i < 300; i++) {
            String text = RandomTexts.next(r, 500);
            Screening s = TestScreeners.SMALL.screen(text);
            String json = FairnoteJson.toJson(s);
            assertEquals(s, FairnoteJson.screeningFromJson(json), () -> RandomTexts.replay(seed, 0, text));
        }
    }
}
