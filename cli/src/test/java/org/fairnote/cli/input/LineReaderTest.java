package org.fairnote.cli.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    @Test
    void splitsLinesAndCapsLongOnes() throws IOException {
        String s = "a\r\n" + "x".repeat(300_000) + "\nb";
        LineReader r = new LineReader(new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII)), 1000);
        LineReader.Line l1 = r.next();
        assertEquals("a", new String(l1.bytes(), StandardCharsets.US_ASCII));
        assertFalse(l1.oversized());
        LineReader.Line l2 = r.next();
        assertTrue(l2.oversized());
        assertEquals(300_000, l2.length());
        assertTrue(l2.bytes().length <= 1002);
        LineReader.Line l3 = r.next();
        assertEquals("b", new String(l3.bytes(), StandardCharsets.US_ASCII));
        assertEquals(3, l3.number());
        assertNull(r.next());
    }
}
