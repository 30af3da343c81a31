package org.fairnote.cli.input;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines ({@code \n} or {@code \r\n}) without decoding, keeping at most
 * {@code maxLineBytes} of a line in memory: a longer line is consumed to its end and reported as
 * oversized, with only its first bytes kept, so one 50 MB line cannot exhaust memory.
 */
public final class LineReader {

    /** One line. {@code bytes} is a fresh array; {@code oversized} when the line was longer than the cap. */
    public record Line(byte[] bytes, long number, long length, boolean oversized) {
    }

    /** How much of an oversized line is kept (to find its id). */
    static final int KEPT_PREFIX = 64 * 1024;

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int limit;
    private long lineNumber;
    private long bytesRead;
    private boolean eof;
    private byte[] line = new byte[1024];

    public LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    public long bytesRead() {
        return bytesRead;
    }

    /** The next line without its terminator, or null at the end of the stream. */
    public Line next() throws IOException {
        if (eof && pos >= limit) {
            return null;
        }
        int len = 0;
        long total = 0;
        boolean sawAny = false;
        while (true) {
            if (pos >= limit) {
                if (!fill()) {
                    if (!sawAny) {
                        return null;
                    }
                    break;
                }
            }
            sawAny = true;
            int nl = -1;
            for (int i = pos; i < limit; i++) {
                if (buf[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            int end = nl >= 0 ? nl : limit;
            int n = end - pos;
            total += n;
            int keep = (int) Math.min(n, Math.max(0, keepLimit() - len));
            if (keep > 0) {
                if (len + keep > line.length) {
                    line = Arrays.copyOf(line, Math.max(len + keep, Math.min(keepLimit(), line.length * 2)));
                }
                System.arraycopy(buf, pos, line, len, keep);
                len += keep;
            }
            pos = end;
            if (nl >= 0) {
                pos++;
                break;
            }
        }
        lineNumber++;
        boolean oversized = total > maxLineBytes;
        if (!oversized && len > 0 && line[len - 1] == '\r') {
            len--;
            total--;
        }
        byte[] out = Arrays.copyOf(line, oversized ? Math.min(len, KEPT_PREFIX) : len);
        if (line.length > 1 << 20) {
            line = new byte[1024]; // do not hold on to a large buffer
        }
        return new Line(out, lineNumber, total, oversized);
    }

    private int keepLimit() {
        return maxLineBytes + 2; // enough to tell "over the cap" and to strip a \r
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            eof = true;
            pos = limit = 0;
            return false;
        }
        pos = 0;
        limit = n;
        bytesRead += n;
        return true;
    }
}
