package org.fairnote.models;

import java.util.List;
import java.util.Objects;
import org.fairnote.Category;

/**
 * One annotated note of the corpus: its id, document type, text and the AFFIRMED spans labelled in it.
 *
 * @param id    unique, stable note id
 * @param type  document type (crisis_plan, care_plan, ...); may be null when unknown (e.g. from BRAT)
 * @param text  the note text
 * @param spans labelled spans, sorted by start then end
 */
public record Note(String id, String type, String text, List<Span> spans) {

    public Note {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        spans = spans.stream().sorted(Span.ORDER).toList();
        for (Span s : spans) {
            if (s.end() > text.length()) {
                throw new IllegalArgumentException("note " + id + ": span [" + s.start() + ", " + s.end()
                        + ") is outside the text (length " + text.length() + ")");
            }
        }
    }

    /** The text a span covers. */
    public String textOf(Span s) {
        return text.substring(s.start(), s.end());
    }

    /**
     * A labelled span: UTF-16 char offsets into the note text, end exclusive.
     */
    public record Span(int start, int end, Category category) {
        static final java.util.Comparator<Span> ORDER = java.util.Comparator.comparingInt(Span::start)
                .thenComparingInt(Span::end).thenComparing(Span::category);

        public Span {
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("invalid span [" + start + ", " + end + ")");
            }
            Objects.requireNonNull(category, "category");
        }

        public boolean overlaps(int s, int e) {
            return start < e && s < end;
        }
    }
}
