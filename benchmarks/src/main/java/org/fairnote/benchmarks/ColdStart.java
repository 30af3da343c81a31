package org.fairnote.benchmarks;

import java.lang.management.ManagementFactory;
import org.fairnote.Screening;
import org.fairnote.Screener;

/**
 * Cold start without JMH: time from entering main (and from JVM start) to a built default screener
 * and to the first screened 2 KB note. Run in a fresh JVM:
 * {@code java -cp benchmarks/target/benchmarks.jar org.fairnote.benchmarks.ColdStart}.
 */
public final class ColdStart {
    private ColdStart() {
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        String note = new NoteCorpus(NoteCorpus.DEFAULT_SEED).note(NoteCorpus.SMALL);
        long t1 = System.nanoTime();
        Screener screener = Screener.createDefault();
        long t2 = System.nanoTime();
        Screening s = screener.screen(note);
        long t3 = System.nanoTime();
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        System.out.printf("createDefault_ms=%.1f first_screen_ms=%.1f main_to_first_finding_ms=%.1f "
                + "jvm_uptime_at_first_finding_ms=%d findings=%d model=%s%n", (t2 - t1) / 1e6, (t3 - t2) / 1e6,
                (t3 - t1) / 1e6, uptime, s.findings().size(), screener.versions().containsKey("fairnote-model"));
        if (t0 > t1) {
            throw new AssertionError();
        }
    }
}
