package org.fairnote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.fairnote.testing.RandomTexts;
import org.junit.jupiter.api.Test;

/** The model findings' probability reads exactly as {@code String.format("%.2f")} wrote it. */
class TwoDecimalsTest {

    @Test
    void formatsAsStringFormatDoes() {
        double[] edges = {0, 1, 0.005, 0.015, 0.125, 0.145, 0.285, 0.995, 0.994999, 0.5, 1e-9, 0.9999999};
        for (double x : edges) {
            assertEquals(String.format(Locale.ROOT, "%.2f", x), ScreeningRun.twoDecimals(x), "x = " + x);
        }
        long seed = RandomTexts.seed();
        Random r = new Random(seed);
        for (int i = 0; i < 100_000; i++) {
            double x = i % 2 == 0 ? r.nextDouble() : r.nextInt(1001) / 1000.0;
            String expected = String.format(Locale.ROOT, "%.2f", x);
            assertEquals(expected, ScreeningRun.twoDecimals(x), () -> "x = " + x + ", seed " + seed);
        }
    }
}
