package org.fairnote.cli.input;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A CSV file with a header row; one record per row. The id and text columns are found by name in
 * the header. A row with the wrong number of columns, a malformed row or a field that is not valid
 * UTF-8 gives an error record; the file goes on.
 */
public final class CsvSource implements RecordSource {

    private final String name;
    private final InputStream in;
    private final CsvReader reader;
    private final String idColumn;
    private final String textColumn;
    private int idIndex = -1;
    private int textIndex = -1;
    private int columns = -1;
    private boolean done;

    public CsvSource(String name, InputStream in, String idColumn, String textColumn, int maxNoteBytes) {
        this.name = name;
        this.in = in;
        this.reader = new CsvReader(in, maxNoteBytes);
        this.idColumn = idColumn;
        this.textColumn = textColumn;
    }

    @Override
    public RawRecord next() throws IOException {
        if (done) {
            return null;
        }
        if (columns < 0) {
            CsvReader.Row header = reader.next();
            if (header == null) {
                done = true;
                return null; // an empty file has no records
            }
            String problem = header.error();
            if (problem == null) {
                try {
                    List<String> names = header.strings();
                    columns = names.size();
                    for (int i = 0; i < names.size(); i++) {
                        String n = names.get(i).strip();
                        if (n.equals(idColumn) && idIndex < 0) {
                            idIndex = i;
                        }
                        if (n.equals(textColumn) && textIndex < 0) {
                            textIndex = i;
                        }
                    }
                    if (textIndex < 0) {
                        problem = "the header row has no column \"" + textColumn + "\" (set --text-column); columns: "
                                + names;
                    }
                } catch (Utf8.InvalidUtf8Exception e) {
                    problem = "the header row is not valid UTF-8";
                }
            }
            if (problem != null) {
                done = true;
                return RawRecord.of(InputRecord.error(name, header.line(), null, "CSV file skipped: " + problem));
            }
        }
        CsvReader.Row row = reader.next();
        if (row == null) {
            done = true;
            return null;
        }
        return () -> parse(row);
    }

    private InputRecord parse(CsvReader.Row row) {
        String id = null;
        if (idIndex >= 0 && idIndex < row.size()) {
            try {
                id = row.field(idIndex);
            } catch (Utf8.InvalidUtf8Exception e) {
                return InputRecord.error(name, row.line(), null, "the id field is not valid UTF-8");
            }
        }
        if (row.error() != null) {
            return InputRecord.error(name, row.line(), id, "malformed CSV row: " + row.error());
        }
        if (row.size() != columns) {
            return InputRecord.error(name, row.line(), id, "CSV row has " + row.size() + " columns; the header has "
                    + columns);
        }
        try {
            return InputRecord.note(name, row.line(), id, row.field(textIndex));
        } catch (Utf8.InvalidUtf8Exception e) {
            return InputRecord.error(name, row.line(), id, "the text field has " + e.getMessage()
                    + "; the record was not screened");
        }
    }

    @Override
    public long bytesRead() {
        return reader.bytesRead();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
