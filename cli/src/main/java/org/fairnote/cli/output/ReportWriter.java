package org.fairnote.cli.output;

import java.io.IOException;

/**
 * Writes one report format. {@link #render} runs on worker threads (in any order) so the expensive
 * formatting is parallel; {@link #write} then runs on one thread in input order.
 */
public interface ReportWriter {

    /** Pre-renders a result; thread-safe and free of side effects. Null when the writer renders in write. */
    default Object render(NoteResult result) {
        return null;
    }

    /** Writes a result in input order; {@code rendered} is what {@link #render} returned for it. */
    void write(NoteResult result, Object rendered) throws IOException;

    /**
     * Pushes everything written so far to the output (a crash after this loses none of it) and
     * returns the output's length, which a resumed run truncates back to.
     */
    long checkpoint() throws IOException;

    /** Whether an interrupted run can go on appending to this writer's partial output. */
    default boolean resumable() {
        return true;
    }

    /** Writes what comes after the last result (totals, closing tags). */
    void finish(Totals totals) throws IOException;
}
