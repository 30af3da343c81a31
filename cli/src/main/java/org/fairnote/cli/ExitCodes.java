package org.fairnote.cli;

/** Exit codes, as a linter's. */
public final class ExitCodes {
    /** No flags (at or above --fail-on). */
    public static final int OK = 0;
    /** Flags found (at or above --fail-on). */
    public static final int FLAGS = 1;
    /** Usage error, I/O error, or input records that could not be screened. */
    public static final int ERROR = 2;

    private ExitCodes() {
    }
}
