package org.fairnote.cli.output;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A report that is a stream of independently rendered byte blocks, one per record (text, JSONL,
 * CSV): rendering happens on the worker threads, writing appends the block in input order, and a
 * checkpoint flushes the target.
 */
abstract class StreamReportWriter implements ReportWriter {
    protected final OutputTarget target;
    protected final OutputStream out;

    protected StreamReportWriter(OutputTarget target) {
        this.target = target;
        this.out = target.stream();
    }

    /** The bytes of one record; thread-safe and free of side effects. */
    @Override
    public abstract byte[] render(NoteResult r);

    @Override
    public final void write(NoteResult r, Object rendered) throws IOException {
        out.write(rendered != null ? (byte[]) rendered : render(r));
    }

    @Override
    public final long checkpoint() throws IOException {
        return target.flush();
    }

    @Override
    public void finish(Totals totals) throws IOException {
        target.flush();
    }
}
