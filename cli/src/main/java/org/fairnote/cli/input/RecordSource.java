package org.fairnote.cli.input;

import java.io.Closeable;
import java.io.IOException;

/** A stream of records from one or more inputs, read in order by one thread. */
public interface RecordSource extends Closeable {

    /** The next record, or null at the end. A broken input yields an error record, not an exception. */
    RawRecord next() throws IOException;

    /** Bytes consumed so far, for progress; -1 when unknown. */
    default long bytesRead() {
        return -1;
    }

    @Override
    default void close() throws IOException {
    }
}
