package org.fairnote.cli.eval;

import org.fairnote.Category;

/** A labelled span, [start, end) in UTF-16 chars. */
public record Span(int start, int end, Category category) {
    public boolean overlaps(Span o) {
        return start < o.end && o.start < end;
    }
}
