package org.fairnote.cli.scan;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A progress line on stderr for runs longer than two seconds: notes done, notes/s and, when the
 * input size is known, a bar and the ETA. Redrawn in place four times a second; cleared at the end.
 */
public final class Progress implements AutoCloseable {

    private static final long DELAY_MS = 2000;

    private final PrintWriter err;
    private final LongSupplier done;
    private final LongSupplier bytesRead;
    private final long totalBytes;
    private final long startNanos = System.nanoTime();
    private final Thread thread;
    private volatile boolean stop;
    private boolean drawn;

    public Progress(PrintWriter err, LongSupplier done, LongSupplier bytesRead, long totalBytes) {
        this.err = err;
        this.done = done;
        this.bytesRead = bytesRead;
        this.totalBytes = totalBytes;
        this.thread = new Thread(this::loop, "fairnote-progress");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try {
            Thread.sleep(DELAY_MS);
            while (!stop) {
                draw();
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void draw() {
        if (stop) {
            return;
        }
        double secs = (System.nanoTime() - startNanos) / 1e9;
        long n = done.getAsLong();
        double rate = n / Math.max(secs, 1e-3);
        StringBuilder sb = new StringBuilder("\r");
        long read = bytesRead.getAsLong();
        if (totalBytes > 0 && read >= 0) {
            double frac = Math.min(1.0, read / (double) totalBytes);
            int width = 30;
            int full = (int) Math.round(frac * width);
            sb.append('[').append("#".repeat(full)).append(".".repeat(width - full)).append("] ")
                    .append(String.format(Locale.ROOT, "%3.0f%% ", frac * 100));
            if (frac > 0.001) {
                long eta = Math.round(secs / frac - secs);
                sb.append(String.format(Locale.ROOT, "ETA %d:%02d  ", eta / 60, eta % 60));
            }
        }
        sb.append(String.format(Locale.ROOT, "%,d notes  %,.0f notes/s ", n, rate));
        err.print(sb);
        err.flush();
        drawn = true;
    }

    @Override
    public synchronized void close() {
        stop = true;
        thread.interrupt();
        if (drawn) {
            err.print("\r" + " ".repeat(79) + "\r");
            err.flush();
        }
    }
}
