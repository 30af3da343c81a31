package org.fairnote.cli.output;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Where a report goes: stdout, or a file written atomically. A file report is written to
 * {@code NAME.partial} beside it and renamed onto {@code NAME} only when complete, so a crash never
 * leaves a half-written report under the real name; an interrupted incremental run reopens the
 * partial file and goes on from its last checkpoint.
 */
public final class OutputTarget {

    private final Path path;
    private final Path partial;
    private final FileChannel channel;
    private final Counting counting;
    private final OutputStream stream;

    private OutputTarget(Path path, Path partial, FileChannel channel, OutputStream raw, long start) {
        this.path = path;
        this.partial = partial;
        this.channel = channel;
        this.counting = new Counting(raw, start);
        this.stream = new BufferedOutputStream(counting, 1 << 16);
    }

    public static OutputTarget stdout(OutputStream out) {
        return new OutputTarget(null, null, null, new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush(); // never close stdout
            }
        }, 0);
    }

    /** The partial file a report to {@code path} is written to before the rename. */
    public static Path partialOf(Path path) {
        return path.resolveSibling(path.getFileName() + ".partial");
    }

    /**
     * Opens a file report. With {@code resumeAt >= 0} and an existing partial file, the partial file is
     * cut back to {@code resumeAt} bytes and appended to; otherwise it starts empty.
     */
    public static OutputTarget file(Path path, long resumeAt) throws IOException {
        Path abs = path.toAbsolutePath();
        if (abs.getParent() != null) {
            Files.createDirectories(abs.getParent());
        }
        Path partial = partialOf(abs);
        FileChannel ch;
        long start = 0;
        if (resumeAt >= 0 && Files.exists(partial) && Files.size(partial) >= resumeAt) {
            ch = FileChannel.open(partial, StandardOpenOption.WRITE);
            ch.truncate(resumeAt);
            ch.position(resumeAt);
            start = resumeAt;
        } else {
            ch = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        }
        return new OutputTarget(abs, partial, ch, Channels.newOutputStream(ch), start);
    }

    public boolean isFile() {
        return path != null;
    }

    /** The final path, or null for stdout. */
    public Path path() {
        return path;
    }

    public OutputStream stream() {
        return stream;
    }

    /** Flushes to the operating system; returns the bytes written in all (including a resumed prefix). */
    public long flush() throws IOException {
        stream.flush();
        return counting.count;
    }

    /** Flushes, syncs to disk and renames the partial file onto the final name. */
    public void commit() throws IOException {
        stream.flush();
        if (channel == null) {
            return;
        }
        channel.force(true);
        channel.close();
        try {
            Files.move(partial, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, path, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Closes without renaming; the partial file stays for a resumed run (or is deleted when asked). */
    public void abandon(boolean delete) {
        try {
            stream.flush();
        } catch (IOException ignored) {
            // the run is failing already
        }
        if (channel != null) {
            try {
                channel.close();
                if (delete) {
                    Files.deleteIfExists(partial);
                }
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out, long start) {
            super(out);
            this.count = start;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
