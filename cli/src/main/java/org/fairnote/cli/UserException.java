package org.fairnote.cli;

/** A problem the user can fix (bad option, unreadable file): printed as one line, no stack trace, exit 2. */
public final class UserException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserException(String message) {
        super(message);
    }

    public UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
