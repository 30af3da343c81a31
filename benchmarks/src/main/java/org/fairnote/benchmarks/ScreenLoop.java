package org.fairnote.benchmarks;

import java.util.List;
import org.fairnote.Screener;

/**
 * Screens the benchmark's 2 KB notes (default lexicons, no model) in a plain loop and prints the
 * MB/s of each second, for {@code alternate-loops.sh}: fresh JVMs of two builds, one after the
 * other, read by the quantiles of their per-second figures. On a VM that now and then runs a third
 * slower whatever the code, the upper quantiles read its fast state.
 *
 * <pre>java -cp benchmarks.jar org.fairnote.benchmarks.ScreenLoop seconds [varied]</pre>
 */
public final class ScreenLoop {
    private static final long SECOND = 1_000_000_000L;

    private ScreenLoop() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: ScreenLoop seconds [varied]");
            System.exit(2);
        }
        int seconds = Integer.parseInt(args[0]);
        List<String> notes = args.length > 1 && args[1].equals("varied") ? Notes.varied(2048) : Notes.of(2048);
        Screener screener = Lexicons.screener(Lexicons.bundled(), Lexicons.Size.DEFAULT);
        long findings = 0;
        int next = 0;
        for (int second = 0; second < seconds; second++) {
            long start = System.nanoTime();
            long chars = 0;
            while (System.nanoTime() - start < SECOND) {
                for (int k = 0; k < 200; k++) {
                    String note = notes.get(next);
                    next = next + 1 == notes.size() ? 0 : next + 1;
                    chars += note.length();
                    findings += screener.screen(note).findings().size();
                }
            }
            System.out.printf("%.1f%n", chars / ((System.nanoTime() - start) / 1e9) / 1e6);
        }
        System.err.println("findings " + findings); // keeps the screening from being optimised away
    }
}
