package org.fairnote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fairnote.testing.RandomTexts;
import org.junit.jupiter.api.Test;

/** Invariants of {@link Screener#screen} on random input, replayed on several threads. */
class ScreenerPropertyTest {

    static final Screener SCREENER = ScreenerTest.SCREENER;

    /** Every finding lies inside the text and its text is exactly that substring. */
    static void checkInvariants(Screener screener, String text, String replay) {
        Screening s;
        try {
            s = screener.screen(text);
        } catch (RuntimeException e) {
            throw new AssertionError("screen threw on " + replay, e);
        }
        int previousStart = -1;
        for (Finding f : s.findings()) {
            if (!(0 <= f.start() && f.start() < f.end() && f.end() <= text.length())) {
                fail("finding " + f + " outside the text: " + replay);
            }
            if (!text.substring(f.start(), f.end()).equals(f.text())) {
                fail("finding text differs from the substring: " + f + ": " + replay);
            }
            if (f.start() < previousStart) {
                fail("findings not sorted: " + replay);
            }
            previousStart = f.start();
        }
        assertEquals(text.length(), s.textLength());
        for (Finding a : s.findings()) {
            for (Finding b : s.findings()) {
                if (a != b && a.category() == b.category() && a.overlaps(b)) {
                    fail("overlapping findings of one category were not merged: " + a + " / " + b + ": " + replay);
                }
            }
        }
    }

    @Test
    void randomUnicodeNeverBreaksTheOffsetContract() {
        long seed = RandomTexts.seed();
        Random r = new Random(seed);
        for (int i = 0; i < 3000; i++) {
            String text = RandomTexts.next(r, i % 100 == 0 ? 20_000 : 400);
            checkInvariants(SCREENER, text, RandomTexts.replay(seed, i, text));
        }
    }

    @Test
    void aOneMegabyteNoteIsScreened() {
        long seed = RandomTexts.seed();
        Random r = new Random(seed + 1);
        StringBuilder b = new StringBuilder();
        while (b.length() < 1_000_000) {
            b.append(RandomTexts.next(r, 2000));
        }
        String text = b.toString();
        checkInvariants(SCREENER, text, RandomTexts.replay(seed, 0, text));
        assertTrue(SCREENER.screen(text).findings().size() > 10);
    }

    @Test
    void unmergedFindingsKeepTheContractToo() {
        long seed = RandomTexts.seed();
        Random r = new Random(seed + 2);
        for (int i = 0; i < 500; i++) {
            String text = RandomTexts.next(r, 600);
            for (Finding f : SCREENER.screenUnmerged(text).findings()) {
                if (!text.substring(f.start(), f.end()).equals(f.text())) {
                    fail("unmerged finding text differs: " + f + ": " + RandomTexts.replay(seed, i, text));
                }
            }
        }
    }

    /** The same inputs on four threads at once give the same screenings as on one (no shared mutable state). */
    @Test
    void concurrentScreeningGivesTheSameResults() throws Exception {
        long seed = RandomTexts.seed();
        Random r = new Random(seed + 3);
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            inputs.add(RandomTexts.next(r, 800));
        }
        List<Screening> expected = inputs.stream().map(SCREENER::screen).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                final int offset = t;
                futures.add(pool.submit(() -> {
                    for (int k = 0; k < inputs.size(); k++) {
                        int i = (k + offset * 97) % inputs.size();
                        Screening got = SCREENER.screen(inputs.get(i));
                        if (!got.equals(expected.get(i))) {
                            throw new AssertionError("different result on a thread: "
                                    + RandomTexts.replay(seed, i, inputs.get(i)));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A thread reuses its buffers from call to call: what it screened before (long notes, notes with
     * many sentences, cue words) must not change the next result, which must equal a fresh thread's.
     */
    @Test
    void reusedBuffersDoNotCarryStateBetweenCalls() throws Exception {
        long seed = RandomTexts.seed();
        Random r = new Random(seed + 4);
        for (int i = 0; i < 150; i++) {
            String before = RandomTexts.next(r, i % 10 == 0 ? 300_000 : 1500);
            String text = RandomTexts.next(r, 800);
            SCREENER.screen(before);
            Screening reused = SCREENER.screen(text);
            Screening[] fresh = new Screening[1];
            Thread t = new Thread(() -> fresh[0] = SCREENER.screen(text));
            t.start();
            t.join();
            assertEquals(fresh[0], reused, "result depends on the previous call: " + RandomTexts.replay(seed, i, text));
        }
    }
}
