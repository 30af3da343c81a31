package org.fairnote.cli.input;

/**
 * A record as split off an input by the (single) reader thread, not yet decoded. {@link #parse()}
 * does the expensive part (UTF-8 decoding, JSON parsing, reading a file) and runs on a worker thread;
 * it never throws: a record that cannot be read becomes an error record.
 */
@FunctionalInterface
public interface RawRecord {
    InputRecord parse();

    static RawRecord of(InputRecord record) {
        return () -> record;
    }
}
