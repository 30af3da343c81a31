package org.fairnote.cli.input;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** How an input is read. */
public enum InputFormat {
    /** One note per file; folders are walked for {@code .txt} files. */
    TXT,
    /** CSV with a header row (RFC 4180). */
    CSV,
    /** JSON Lines, one object per line. */
    JSONL;

    /** The format of a path by its extension ({@code .gz} looked through); folders and others are TXT. */
    public static InputFormat of(Path path) {
        if (Files.isDirectory(path)) {
            return TXT;
        }
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return JSONL;
        }
        return TXT;
    }
}
