package org.fairnote.cli.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static List<CsvReader.Row> rows(byte[] bytes, int max) throws IOException {
        CsvReader r = new CsvReader(new ByteArrayInputStream(bytes), max);
        List<CsvReader.Row> out = new ArrayList<>();
        CsvReader.Row row;
        while ((row = r.next()) != null) {
            out.add(row);
        }
        return out;
    }

    private static List<CsvReader.Row> rows(String s) throws IOException {
        return rows(s.getBytes(StandardCharsets.UTF_8), 1 << 20);
    }

    @Test
    void plainAndQuotedFields() throws IOException {
        List<CsvReader.Row> r = rows("id,text\n1,hello\n2,\"a, b\"\n3,\"say \"\"hi\"\"\"\n");
        assertEquals(4, r.size());
        assertEquals(List.of("id", "text"), r.get(0).strings());
        assertEquals(List.of("2", "a, b"), r.get(2).strings());
        assertEquals(List.of("3", "say \"hi\""), r.get(3).strings());
        r.forEach(x -> assertNull(x.error()));
    }

    @Test
    void multiLineQuotedFieldKeepsLineNumbers() throws IOException {
        List<CsvReader.Row> r = rows("id,text\r\n1,\"line one\r\nline two\nline three\"\r\n2,next\r\n");
        assertEquals(3, r.size());
        assertEquals("line one\r\nline two\nline three", r.get(1).field(1));
        assertEquals(2, r.get(1).line());
        assertEquals(5, r.get(2).line());
    }

    @Test
    void emptyFieldsTrailingCommaNoFinalNewlineAndLoneCr() throws IOException {
        List<CsvReader.Row> r = rows("a,,c,\rx,\"\",z");
        assertEquals(List.of("a", "", "c", ""), r.get(0).strings());
        assertEquals(List.of("x", "", "z"), r.get(1).strings());
        assertEquals(2, r.get(1).line());
    }

    @Test
    void emptyLinesAreSkippedAndBomRemoved() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "id,text\n\n1,x\n\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);
        List<CsvReader.Row> r = rows(all, 100);
        assertEquals(2, r.size());
        assertEquals("id", r.get(0).field(0));
        assertEquals(3, r.get(1).line());
    }

    @Test
    void unterminatedQuoteIsAnError() throws IOException {
        List<CsvReader.Row> r = rows("id,text\n1,\"never closed\n2,x\n");
        assertEquals(2, r.size());
        assertNotNull(r.get(1).error());
        assertTrue(r.get(1).error().contains("never closed"), r.get(1).error());
    }

    @Test
    void textAfterClosingQuoteIsAnErrorAndReadingGoesOn() throws IOException {
        List<CsvReader.Row> r = rows("id,text\n1,\"ab\"cd,e\n2,ok\n");
        assertEquals(3, r.size());
        assertTrue(r.get(1).error().contains("after the closing quote"));
        assertEquals(List.of("1", "ab", "e"), r.get(1).strings());
        assertNull(r.get(2).error());
        assertEquals(List.of("2", "ok"), r.get(2).strings());
    }

    @Test
    void quoteInsideUnquotedFieldIsKept() throws IOException {
        assertEquals(List.of("5\" tall", "x"), rows("5\" tall,x\n").get(0).strings());
    }

    @Test
    void oversizedFieldIsAnErrorWithBoundedMemory() throws IOException {
        String big = "y".repeat(5000);
        List<CsvReader.Row> r = rows(("id,text\n1," + big + "\n2,small\n").getBytes(StandardCharsets.UTF_8), 100);
        assertTrue(r.get(1).error().contains("larger than"), r.get(1).error());
        assertEquals(100, r.get(1).fields().get(1).length);
        assertNull(r.get(2).error());
    }

    @Test
    void invalidUtf8IsReportedNotGuessed() throws IOException {
        byte[] bytes = {'1', ',', 'a', (byte) 0xC3, (byte) 0x28, '\n'};
        CsvReader.Row row = rows(bytes, 100).get(0);
        Utf8.InvalidUtf8Exception e = assertThrows(Utf8.InvalidUtf8Exception.class, () -> row.field(1));
        assertEquals(1, e.offset());
        assertEquals("é", new String(new byte[] {(byte) 0xC3, (byte) 0xA9}, StandardCharsets.UTF_8));
    }
}
