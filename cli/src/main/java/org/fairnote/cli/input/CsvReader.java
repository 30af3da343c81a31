package org.fairnote.cli.input;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An RFC 4180 CSV reader working on bytes: comma-separated fields, records ended by CRLF, LF or CR,
 * fields optionally enclosed in double quotes, {@code ""} for a quote inside a quoted field, and
 * quoted fields spanning lines. Fields are returned undecoded (the structural characters are ASCII,
 * so UTF-8 never needs decoding to split), which lets invalid UTF-8 in one field be reported for
 * that row only.
 *
 * <p>Lenient where real exports are sloppy and nothing is lost: a quote inside an unquoted field is
 * kept as a character; empty lines are skipped. Strict where data would be lost or guessed: text
 * after a closing quote, a quoted field still open at the end of the input, and a field larger than
 * the limit make the row an error row (the reader then goes on with the next row). Memory is bounded
 * by the field limit.
 */
public final class CsvReader {

    /** A record: its fields, the line it starts on, and an error when it is malformed. */
    public record Row(List<byte[]> fields, long line, String error) {
        public int size() {
            return fields.size();
        }

        /** Field {@code i} decoded as UTF-8 (strictly). */
        public String field(int i) throws Utf8.InvalidUtf8Exception {
            return Utf8.decode(fields.get(i));
        }

        /** All fields decoded; for tests and headers. */
        public List<String> strings() throws Utf8.InvalidUtf8Exception {
            List<String> out = new ArrayList<>(fields.size());
            for (byte[] f : fields) {
                out.add(Utf8.decode(f));
            }
            return out;
        }
    }

    private final InputStream in;
    private final int maxFieldBytes;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int limit;
    private long bytesRead;
    private boolean eof;
    private boolean first = true;
    /** Current line number (1-based) of the next byte. */
    private long line = 1;

    private byte[] field = new byte[256];
    private int fieldLen;

    public CsvReader(InputStream in, int maxFieldBytes) {
        this.in = in;
        this.maxFieldBytes = maxFieldBytes;
    }

    public long bytesRead() {
        return bytesRead;
    }

    /** The next record, or null at the end of the input. */
    public Row next() throws IOException {
        while (true) {
            int c = read();
            if (c < 0) {
                return null;
            }
            if (c == '\n') {
                line++;
                continue; // empty line
            }
            if (c == '\r') {
                if (peek() == '\n') {
                    read();
                }
                line++;
                continue;
            }
            unread();
            return readRecord();
        }
    }

    private Row readRecord() throws IOException {
        long startLine = line;
        List<byte[]> fields = new ArrayList<>();
        String error = null;
        while (true) {
            fieldLen = 0;
            boolean tooLarge = false;
            int c = read();
            int end; // what ended the field: ',' or '\n' (any record end) or -1
            if (c == '"') {
                long openedAt = line;
                boolean closed = false;
                while (true) {
                    c = read();
                    if (c < 0) {
                        break;
                    }
                    if (c == '"') {
                        if (peek() == '"') {
                            read();
                        } else {
                            closed = true;
                            break;
                        }
                    } else if (c == '\n' || c == '\r' && peek() != '\n') {
                        line++;
                    }
                    tooLarge |= !append(c);
                }
                if (!closed) {
                    error = first(error, "quoted field opened on line " + openedAt + " is never closed");
                    end = -1;
                } else {
                    c = read();
                    if (c == ',' || c < 0) {
                        end = c;
                    } else if (c == '\n' || c == '\r') {
                        end = endLine(c);
                    } else {
                        error = first(error, "text after the closing quote of field " + (fields.size() + 1));
                        end = skipField(c);
                    }
                }
            } else {
                while (c >= 0 && c != ',' && c != '\n' && c != '\r') {
                    tooLarge |= !append(c);
                    c = read();
                }
                end = c == '\n' || c == '\r' ? endLine(c) : c;
            }
            if (tooLarge) {
                error = first(error, "field " + (fields.size() + 1) + " is " + Limits.tooLarge(maxFieldBytes)
                        .substring("note is ".length()));
            }
            fields.add(Arrays.copyOf(field, fieldLen));
            if (field.length > 1 << 20) {
                field = new byte[256];
            }
            if (end != ',') {
                return new Row(fields, startLine, error);
            }
        }
    }

    private static String first(String existing, String error) {
        return existing != null ? existing : error;
    }

    /** Skips the rest of a malformed field; returns what ended it. */
    private int skipField(int c) throws IOException {
        while (c >= 0 && c != ',' && c != '\n' && c != '\r') {
            c = read();
        }
        return c == '\n' || c == '\r' ? endLine(c) : c;
    }

    private int endLine(int c) throws IOException {
        if (c == '\r' && peek() == '\n') {
            read();
        }
        line++;
        return '\n';
    }

    private boolean append(int c) {
        if (fieldLen >= maxFieldBytes) {
            return false;
        }
        if (fieldLen == field.length) {
            field = Arrays.copyOf(field, (int) Math.min((long) maxFieldBytes, field.length * 2L));
        }
        field[fieldLen++] = (byte) c;
        return true;
    }

    private int read() throws IOException {
        if (pos >= limit && !fill()) {
            return -1;
        }
        return buf[pos++] & 0xFF;
    }

    private int peek() throws IOException {
        if (pos >= limit && !fill()) {
            return -1;
        }
        return buf[pos] & 0xFF;
    }

    private void unread() {
        pos--;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            eof = true;
            return false;
        }
        pos = 0;
        limit = n;
        bytesRead += n;
        if (first) {
            first = false;
            if (Utf8.bomLength(buf, n) == 3) {
                pos = 3;
                if (pos >= limit) {
                    return fill();
                }
            }
        }
        return true;
    }
}
