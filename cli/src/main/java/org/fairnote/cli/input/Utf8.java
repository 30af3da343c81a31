package org.fairnote.cli.input;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding: invalid input is reported with its byte offset, never replaced or guessed. */
public final class Utf8 {

    /** Invalid UTF-8 at a byte offset. The message names the offset, never the bytes. */
    public static final class InvalidUtf8Exception extends CharacterCodingException {
        private static final long serialVersionUID = 1L;
        private final long offset;

        InvalidUtf8Exception(long offset) {
            this.offset = offset;
        }

        public long offset() {
            return offset;
        }

        @Override
        public String getMessage() {
            return "invalid UTF-8 at byte " + offset;
        }
    }

    private static final ThreadLocal<CharsetDecoder> DECODER = ThreadLocal.withInitial(
            () -> StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));

    private Utf8() {
    }

    public static String decode(byte[] bytes) throws InvalidUtf8Exception {
        return decode(bytes, 0, bytes.length);
    }

    /** Decodes {@code bytes[from, from+length)}; offsets in errors are relative to {@code from}. */
    public static String decode(byte[] bytes, int from, int length) throws InvalidUtf8Exception {
        boolean ascii = true;
        for (int i = from, end = from + length; i < end; i++) {
            if (bytes[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
        }
        CharsetDecoder decoder = DECODER.get().reset();
        ByteBuffer in = ByteBuffer.wrap(bytes, from, length);
        CharBuffer out = CharBuffer.allocate(length);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            throw new InvalidUtf8Exception(in.position() - from);
        }
        r = decoder.flush(out);
        if (r.isError()) {
            throw new InvalidUtf8Exception(in.position() - from);
        }
        out.flip();
        return out.toString();
    }

    /** Length of a UTF-8 byte order mark at the start of {@code bytes}, 0 or 3. */
    public static int bomLength(byte[] bytes, int length) {
        return length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
                ? 3 : 0;
    }
}
