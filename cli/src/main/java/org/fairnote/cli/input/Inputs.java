package org.fairnote.cli.input;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * All inputs of a scan, one after another, each opened when reached. A file that cannot be opened,
 * or breaks while read, gives an error record and the scan goes on with the next input.
 */
public final class Inputs implements RecordSource {

    /** Reading options. */
    public record Options(InputFormat format, String idField, String textField, String idColumn,
            String textColumn, int maxNoteBytes) {
    }

    private final Deque<String> pending;
    private final Options options;
    private final InputStream stdin;
    private RecordSource current;
    private String currentName;
    private long doneBytes;

    public Inputs(List<String> paths, Options options, InputStream stdin) {
        this.pending = new ArrayDeque<>(paths);
        this.options = options;
        this.stdin = stdin;
    }

    /** Sum of the sizes of the input files, or -1 when unknown (folders, stdin, compressed). */
    public static long totalBytes(List<String> paths) {
        long total = 0;
        for (String p : paths) {
            Path path = Path.of(p);
            if (p.equals("-") || Files.isDirectory(path) || p.toLowerCase(Locale.ROOT).endsWith(".gz")) {
                return -1;
            }
            try {
                total += Files.size(path);
            } catch (IOException e) {
                return -1;
            }
        }
        return total;
    }

    @Override
    public RawRecord next() {
        while (true) {
            if (current == null) {
                String name = pending.poll();
                if (name == null) {
                    return null;
                }
                try {
                    current = open(name);
                    currentName = name;
                } catch (IOException e) {
                    return RawRecord.of(InputRecord.error(name, 0, null, "cannot open input: "
                            + e.getClass().getSimpleName() + describe(e)));
                }
            }
            try {
                RawRecord r = current.next();
                if (r != null) {
                    return r;
                }
                closeCurrent();
            } catch (IOException e) {
                String name = currentName;
                closeCurrent();
                return RawRecord.of(InputRecord.error(name, 0, null, "read error; the rest of this input was not read: "
                        + e.getClass().getSimpleName() + describe(e)));
            }
        }
    }

    private static String describe(IOException e) {
        // messages of file-system exceptions name the file, never its content
        return e.getMessage() == null || e instanceof java.util.zip.ZipException ? "" : " (" + e.getMessage() + ")";
    }

    private void closeCurrent() {
        if (current != null) {
            long b = current.bytesRead();
            doneBytes += Math.max(0, b);
            try {
                current.close();
            } catch (IOException ignored) {
                // nothing more to read from it
            }
            current = null;
        }
    }

    private RecordSource open(String name) throws IOException {
        InputFormat format = options.format();
        if (name.equals("-")) {
            InputFormat f = format == null ? InputFormat.JSONL : format;
            if (f == InputFormat.TXT) {
                byte[] all = stdin.readNBytes(options.maxNoteBytes() + 1);
                return new SingleNoteSource(name, all, options.maxNoteBytes());
            }
            return stream(f, name, stdin);
        }
        Path path = Path.of(name);
        InputFormat f = format == null || Files.isDirectory(path) ? InputFormat.of(path) : format;
        if (f == InputFormat.TXT) {
            if (!Files.exists(path)) {
                throw new java.nio.file.NoSuchFileException(name);
            }
            return new TextFileSource(path, name, options.maxNoteBytes());
        }
        InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        if (name.toLowerCase(Locale.ROOT).endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return stream(f, name, in);
    }

    private RecordSource stream(InputFormat f, String name, InputStream in) {
        return f == InputFormat.CSV
                ? new CsvSource(name, in, options.idColumn(), options.textColumn(), options.maxNoteBytes())
                : new JsonlSource(name, in, options.idField(), options.textField(), options.maxNoteBytes());
    }

    @Override
    public long bytesRead() {
        return doneBytes + (current == null ? 0 : Math.max(0, current.bytesRead()));
    }

    @Override
    public void close() {
        closeCurrent();
    }

    /** Stdin as one note. */
    private static final class SingleNoteSource implements RecordSource {
        private final String name;
        private byte[] bytes;
        private final int max;

        SingleNoteSource(String name, byte[] bytes, int max) {
            this.name = name;
            this.bytes = bytes;
            this.max = max;
        }

        @Override
        public RawRecord next() {
            if (bytes == null) {
                return null;
            }
            byte[] b = bytes;
            bytes = null;
            if (b.length > max) {
                return RawRecord.of(InputRecord.error(name, 0, name, Limits.tooLarge(max)));
            }
            return () -> {
                try {
                    int bom = Utf8.bomLength(b, b.length);
                    return InputRecord.note(name, 0, name, Utf8.decode(b, bom, b.length - bom));
                } catch (Utf8.InvalidUtf8Exception e) {
                    return InputRecord.error(name, 0, name, "stdin is not valid UTF-8: " + e.getMessage());
                }
            };
        }
    }
}
