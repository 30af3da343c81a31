package org.fairnote.cli.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * One note per file: a {@code .txt} file given directly (any name), or every {@code .txt} file under
 * a folder, recursively, in name order. The id is the path relative to the folder given (with
 * {@code /}), or the path as given. Folders are walked one directory at a time, so memory does not
 * grow with the number of files. Files are read on the worker threads.
 */
public final class TextFileSource implements RecordSource {

    private final Path root;
    private final String rootName;
    private final boolean single;
    private final int maxNoteBytes;
    private final Deque<Iterator<Path>> stack = new ArrayDeque<>();
    private final List<InputRecord> pendingErrors = new ArrayList<>();
    private boolean started;

    public TextFileSource(Path root, String rootName, int maxNoteBytes) {
        this.root = root;
        this.rootName = rootName;
        this.single = !Files.isDirectory(root);
        this.maxNoteBytes = maxNoteBytes;
    }

    @Override
    public RawRecord next() throws IOException {
        if (single) {
            if (started) {
                return null;
            }
            started = true;
            return () -> read(root, rootName);
        }
        if (!started) {
            started = true;
            push(root);
        }
        while (true) {
            if (!pendingErrors.isEmpty()) {
                return RawRecord.of(pendingErrors.remove(0));
            }
            Iterator<Path> top = stack.peek();
            if (top == null) {
                return null;
            }
            if (!top.hasNext()) {
                stack.pop();
                continue;
            }
            Path p = top.next();
            if (Files.isDirectory(p)) {
                push(p);
            } else if (p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt")
                    && (Files.isRegularFile(p) || !Files.exists(p))) {
                String id = root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
                return () -> read(p, id);
            }
        }
    }

    private void push(Path dir) {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                children.add(p);
            }
        } catch (IOException e) {
            String id = root.equals(dir) ? rootName : root.relativize(dir).toString();
            pendingErrors.add(InputRecord.error(rootName, 0, id, "cannot list folder: "
                    + e.getClass().getSimpleName()));
            return;
        }
        children.sort(null);
        stack.push(children.iterator());
    }

    private InputRecord read(Path file, String id) {
        String source = file.toString();
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > maxNoteBytes) {
                return InputRecord.error(source, 0, id, Limits.tooLarge(maxNoteBytes));
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(maxNoteBytes + 1);
            }
            if (bytes.length > maxNoteBytes) {
                return InputRecord.error(source, 0, id, Limits.tooLarge(maxNoteBytes));
            }
        } catch (IOException e) {
            return InputRecord.error(source, 0, id, "cannot read file: " + e.getClass().getSimpleName());
        }
        for (int i = 0, n = Math.min(bytes.length, 8192); i < n; i++) {
            if (bytes[i] == 0) {
                return InputRecord.error(source, 0, id, "binary file (contains NUL bytes), not a text note");
            }
        }
        int bom = Utf8.bomLength(bytes, bytes.length);
        try {
            return InputRecord.note(source, 0, id, Utf8.decode(bytes, bom, bytes.length - bom));
        } catch (Utf8.InvalidUtf8Exception e) {
            return InputRecord.error(source, 0, id, "file is not valid UTF-8: " + e.getMessage()
                    + "; the note was not screened (convert it to UTF-8)");
        }
    }
}
