package org.fairnote.cli.scan;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.fairnote.Finding;
import org.fairnote.Screener;
import org.fairnote.Screening;
import org.fairnote.cli.input.InputRecord;
import org.fairnote.cli.input.RawRecord;
import org.fairnote.cli.input.RecordSource;
import org.fairnote.cli.output.NoteResult;
import org.fairnote.cli.output.ReportWriter;
import org.fairnote.cli.output.Totals;
import org.fairnote.cli.state.IncrementalState;

/**
 * The scan pipeline. One thread (the caller) splits records off the inputs; worker threads decode,
 * parse, hash, screen and render them; the caller writes results strictly in input order. At most
 * a bounded window of records is in flight (by count and by input bytes), so memory does not grow
 * with the input, and a slow record only holds back output, never reading beyond the window.
 */
public final class ScanRunner {

    /** Records in flight per worker thread. */
    static final int WINDOW_PER_THREAD = 64;
    /** Input bytes in flight before the reader waits for the oldest record. */
    static final long WINDOW_BYTES = 64L << 20;
    static final int CHECKPOINT_NOTES = 2000;
    static final long CHECKPOINT_NANOS = 1_000_000_000L;

    private final Screener screener;
    private final int threads;
    private final boolean flagsOnly;
    private final IncrementalState state;
    private final ReportWriter writer;
    private final PrintWriter err;
    private final boolean debug;
    private final Totals totals = new Totals();
    private volatile long written;

    public ScanRunner(Screener screener, int threads, boolean flagsOnly, IncrementalState state, ReportWriter writer,
            PrintWriter err, boolean debug) {
        this.screener = screener;
        this.threads = Math.max(1, threads);
        this.flagsOnly = flagsOnly;
        this.state = state;
        this.writer = writer;
        this.err = err;
        this.debug = debug;
    }

    /** Records written so far; for the progress line. */
    public long done() {
        return written;
    }

    public Totals totals() {
        return totals;
    }

    /** Runs the scan to the end of the source; I/O errors of the output end it. */
    public Totals run(RecordSource source) throws IOException {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "fairnote-screen-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Future<Done>> window = new ArrayDeque<>();
        ArrayDeque<Long> readAt = new ArrayDeque<>();
        int maxWindow = threads * WINDOW_PER_THREAD;
        int sinceCheckpoint = 0;
        long lastCheckpoint = System.nanoTime();
        try {
            RawRecord raw;
            while ((raw = source.next()) != null) {
                RawRecord r = raw;
                window.add(pool.submit(() -> process(r)));
                readAt.add(source.bytesRead());
                while (window.size() >= maxWindow
                        || window.size() > threads && source.bytesRead() - readAt.peek() > WINDOW_BYTES) {
                    readAt.poll();
                    emit(take(window.poll()));
                    sinceCheckpoint++;
                }
                if (state != null && (sinceCheckpoint >= CHECKPOINT_NOTES
                        || System.nanoTime() - lastCheckpoint > CHECKPOINT_NANOS)) {
                    checkpoint();
                    sinceCheckpoint = 0;
                    lastCheckpoint = System.nanoTime();
                }
            }
            while (!window.isEmpty()) {
                emit(take(window.poll()));
            }
            if (state != null) {
                checkpoint();
            }
        } finally {
            pool.shutdownNow();
        }
        return totals;
    }

    private void checkpoint() throws IOException {
        if (writer.resumable()) {
            long offset = writer.checkpoint();
            state.checkpoint(offset);
        }
    }

    private static Done take(Future<Done> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error er) {
                throw er;
            }
            throw new IOException(c);
        }
    }

    /** A processed record and what the writer pre-rendered for it. */
    private record Done(NoteResult result, Object rendered) {
    }

    private void emit(Done d) throws IOException {
        NoteResult r = d.result();
        totals.add(r);
        if (!r.unchanged()) {
            writer.write(r, d.rendered());
            if (state != null && !r.isError()) {
                state.record(r.id(), r.hash());
            }
        }
        written++;
    }

    /** Worker: everything that can run in parallel. Never throws for a bad record. */
    private Done process(RawRecord raw) {
        InputRecord in;
        try {
            in = raw.parse();
        } catch (RuntimeException e) {
            in = InputRecord.error(null, 0, null, "could not read the record: " + e.getClass().getSimpleName());
            report(e);
        }
        if (in.isError()) {
            return rendered(new NoteResult(in, null, List.of(), null, false));
        }
        String hash = null;
        if (state != null) {
            hash = IncrementalState.hash(in.text());
            if (state.isUnchanged(in.id(), hash)) {
                return new Done(new NoteResult(in, null, List.of(), hash, true), null);
            }
        }
        Screening s;
        try {
            s = screener.screen(in.text());
        } catch (RuntimeException | StackOverflowError e) {
            report(e);
            InputRecord failed = InputRecord.error(in.source(), in.line(), in.id(),
                    "internal error while screening this note (" + e.getClass().getSimpleName()
                            + "); please report it, with --debug output");
            return rendered(new NoteResult(failed, null, List.of(), null, false));
        }
        List<Finding> findings = flagsOnly ? s.flags() : s.findings();
        return rendered(new NoteResult(in, s, findings, hash, false));
    }

    private Done rendered(NoteResult r) {
        return new Done(r, writer.render(r));
    }

    private void report(Throwable e) {
        if (debug) {
            synchronized (err) {
                e.printStackTrace(err);
            }
        }
    }
}
