package org.fairnote.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.fairnote.Category;

/**
 * BRAT standoff import and export: one {@code ID.txt} with the note text and one {@code ID.ann}
 * with a text-bound annotation per span, {@code T1<TAB>CATEGORY start end<TAB>covered text}.
 *
 * <p>BRAT counts offsets in Unicode code points, Fairnote in UTF-16 chars; both directions convert,
 * so notes with characters outside the BMP survive a round trip. A span that crosses a line break
 * is written as BRAT fragments ({@code start end;start end}) split at the line breaks, and
 * fragments separated only by whitespace are joined back into one span on import. Lines other
 * than {@code T} lines (relations, notes, attributes) are ignored on import. The note type is not
 * part of BRAT and is lost (null) on import.
 */
public final class Brat {

    private Brat() {
    }

    /** Writes {@code ID.txt} and {@code ID.ann} for every note into {@code dir} (created if needed). */
    public static void export(List<Note> notes, Path dir) {
        try {
            Files.createDirectories(dir);
            for (Note n : notes) {
                checkId(n.id());
                Files.writeString(dir.resolve(n.id() + ".txt"), n.text(), StandardCharsets.UTF_8);
                Files.writeString(dir.resolve(n.id() + ".ann"), toAnn(n), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write BRAT files to " + dir, e);
        }
    }

    private static void checkId(String id) {
        if (id.isEmpty() || id.contains("/") || id.contains("\\") || id.startsWith(".")) {
            throw new IllegalArgumentException("note id '" + id + "' cannot be a BRAT file name");
        }
    }

    /** The {@code .ann} content of one note. */
    public static String toAnn(Note n) {
        StringBuilder sb = new StringBuilder();
        String text = n.text();
        int t = 1;
        for (Note.Span s : n.spans()) {
            sb.append('T').append(t++).append('\t').append(s.category().name()).append(' ');
            StringBuilder covered = new StringBuilder();
            int fragStart = s.start();
            boolean first = true;
            for (int i = s.start(); i <= s.end(); i++) {
                if (i == s.end() || text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                    if (i > fragStart) {
                        if (!first) {
                            sb.append(';');
                            covered.append(' ');
                        }
                        sb.append(text.codePointCount(0, fragStart)).append(' ')
                                .append(text.codePointCount(0, i));
                        covered.append(text, fragStart, i);
                        first = false;
                    }
                    fragStart = i + 1;
                }
            }
            sb.append('\t').append(covered).append('\n');
        }
        return sb.toString();
    }

    /** Reads every {@code *.ann} with its {@code .txt} from {@code dir}, sorted by id. */
    public static List<Note> importDir(Path dir) {
        List<Note> notes = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path txt : s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList()) {
                String name = txt.getFileName().toString();
                String id = name.substring(0, name.length() - 4);
                Path ann = dir.resolve(id + ".ann");
                String text = Files.readString(txt, StandardCharsets.UTF_8);
                String annText = Files.exists(ann) ? Files.readString(ann, StandardCharsets.UTF_8) : "";
                notes.add(fromAnn(id, text, annText, ann.toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read BRAT files from " + dir, e);
        }
        return notes;
    }

    /** Parses one {@code .ann} file against its text. */
    public static Note fromAnn(String id, String text, String ann, String source) {
        List<Note.Span> spans = new ArrayList<>();
        String[] lines = ann.split("\r?\n");
        for (int ln = 0; ln < lines.length; ln++) {
            String line = lines[ln];
            if (line.isEmpty() || line.charAt(0) != 'T') {
                continue;
            }
            String where = source + ":" + (ln + 1);
            String[] cols = line.split("\t", 3);
            if (cols.length < 2) {
                throw new IllegalArgumentException(where + ": expected 'T<n>\\tCATEGORY start end\\ttext'");
            }
            String[] typeAndOffsets = cols[1].split(" ", 2);
            if (typeAndOffsets.length < 2) {
                throw new IllegalArgumentException(where + ": no offsets in '" + cols[1] + "'");
            }
            Category category;
            try {
                category = Category.parse(typeAndOffsets[0]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
            int start = -1;
            int end = -1;
            for (String frag : typeAndOffsets[1].split(";")) {
                String[] se = frag.trim().split(" ");
                if (se.length != 2) {
                    throw new IllegalArgumentException(where + ": bad offsets '" + frag + "'");
                }
                int s;
                int e;
                try {
                    s = toChar(text, Integer.parseInt(se[0]));
                    e = toChar(text, Integer.parseInt(se[1]));
                } catch (IndexOutOfBoundsException | NumberFormatException ex) {
                    throw new IllegalArgumentException(where + ": offsets '" + frag + "' outside the text", ex);
                }
                if (e <= s) {
                    throw new IllegalArgumentException(where + ": empty or reversed span '" + frag + "'");
                }
                if (start < 0) {
                    start = s;
                    end = e;
                } else if (s >= end && text.substring(end, s).isBlank()) {
                    end = e;
                } else {
                    // fragments with text between them: keep them as separate spans
                    spans.add(new Note.Span(start, end, category));
                    start = s;
                    end = e;
                }
            }
            spans.add(new Note.Span(start, end, category));
        }
        return new Note(id, null, text, spans);
    }

    private static int toChar(String text, int codePoint) {
        if (codePoint < 0) {
            throw new IndexOutOfBoundsException(codePoint);
        }
        return text.offsetByCodePoints(0, codePoint);
    }
}
