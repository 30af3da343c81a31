package org.fairnote.cli.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;

/**
 * JSON Lines: one JSON object per line, streamed line by line (a 10 GB file is never loaded whole).
 * Lines holding only whitespace are not records. Every other line yields exactly one record.
 */
public final class JsonlSource implements RecordSource {

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE - 64).build())
            .build();

    private final String name;
    private final InputStream in;
    private final LineReader lines;
    private final String idField;
    private final String textField;
    private final int maxNoteBytes;
    private boolean first = true;

    public JsonlSource(String name, InputStream in, String idField, String textField, int maxNoteBytes) {
        this.name = name;
        this.in = in;
        this.lines = new LineReader(in, maxNoteBytes);
        this.idField = idField;
        this.textField = textField;
        this.maxNoteBytes = maxNoteBytes;
    }

    @Override
    public RawRecord next() throws IOException {
        while (true) {
            LineReader.Line line = lines.next();
            if (line == null) {
                return null;
            }
            byte[] bytes = line.bytes();
            int from = 0;
            if (first) {
                first = false;
                from = Utf8.bomLength(bytes, bytes.length);
            }
            if (line.oversized()) {
                String id = idFromPrefix(bytes, from);
                return RawRecord.of(InputRecord.error(name, line.number(), id, Limits.tooLarge(maxNoteBytes)));
            }
            if (isBlank(bytes, from)) {
                continue;
            }
            int start = from;
            long number = line.number();
            return () -> parse(bytes, start, number);
        }
    }

    @Override
    public long bytesRead() {
        return lines.bytesRead();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private static boolean isBlank(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    InputRecord parse(byte[] bytes, int from, long number) {
        String json;
        try {
            json = Utf8.decode(bytes, from, bytes.length - from);
        } catch (Utf8.InvalidUtf8Exception e) {
            String id = idFromPrefix(bytes, from);
            return InputRecord.error(name, number, id, e.getMessage() + " of the line; the record was not screened");
        }
        String id = null;
        String text = null;
        String problem = null;
        boolean sawText = false;
        try (JsonParser p = JSON.createParser(json)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                return InputRecord.error(name, number, null, "the line is JSON " + kind(t) + ", not an object");
            }
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                t = p.nextToken();
                if (field.equals(idField)) {
                    if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT
                            || t == JsonToken.VALUE_NUMBER_FLOAT) {
                        id = p.getText();
                    } else if (t != JsonToken.VALUE_NULL) {
                        problem = "\"" + idField + "\" is " + kind(t) + ", not a string or number";
                        p.skipChildren();
                    }
                } else if (field.equals(textField)) {
                    sawText = true;
                    if (t == JsonToken.VALUE_STRING) {
                        text = p.getText();
                    } else {
                        problem = "\"" + textField + "\" is " + kind(t) + ", not a string";
                        p.skipChildren();
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                return InputRecord.error(name, number, id, "unexpected content after the JSON object");
            }
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
            return InputRecord.error(name, number, id, "malformed JSON" + where);
        } catch (IOException e) {
            return InputRecord.error(name, number, id, "malformed JSON");
        }
        if (problem != null) {
            return InputRecord.error(name, number, id, problem);
        }
        if (!sawText) {
            return InputRecord.error(name, number, id, "no \"" + textField + "\" field");
        }
        return InputRecord.note(name, number, id, text);
    }

    /** The id, when it can be read from the start of a line that is otherwise unusable. */
    private String idFromPrefix(byte[] bytes, int from) {
        try (JsonParser p = JSON.createParser(bytes, from, bytes.length - from)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                t = p.nextToken();
                if (field.equals(idField)) {
                    return t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT ? p.getText() : null;
                }
                p.skipChildren();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    private static String kind(JsonToken t) {
        if (t == null) {
            return "empty";
        }
        return switch (t) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> "not a value";
        };
    }
}
