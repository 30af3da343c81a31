package org.fairnote.cli.input;

import java.util.Locale;

/** Input limits. */
public final class Limits {

    /** Default largest note (or JSONL line, or CSV field) accepted: 4 MiB. */
    public static final int DEFAULT_MAX_NOTE_BYTES = 4 * 1024 * 1024;

    private Limits() {
    }

    /** Parses sizes such as {@code 4194304}, {@code 512K}, {@code 4M}, {@code 1G} (binary units). */
    public static int parseSize(String s) {
        String t = s.trim().toUpperCase(Locale.ROOT).replace("IB", "").replace("B", "");
        long unit = 1;
        if (t.endsWith("K")) {
            unit = 1024;
        } else if (t.endsWith("M")) {
            unit = 1024 * 1024;
        } else if (t.endsWith("G")) {
            unit = 1024L * 1024 * 1024;
        }
        if (unit > 1) {
            t = t.substring(0, t.length() - 1).trim();
        }
        long n;
        try {
            n = Long.parseLong(t) * unit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a size: '" + s + "' (examples: 4M, 512K, 1000000)");
        }
        if (n < 1 || n > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("size out of range: '" + s + "' (1 byte to 2 GiB)");
        }
        return (int) n;
    }

    public static String describe(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }

    public static String tooLarge(long maxBytes) {
        return "note is larger than the maximum note size of " + describe(maxBytes)
                + " (raise it with --max-note-size)";
    }
}
