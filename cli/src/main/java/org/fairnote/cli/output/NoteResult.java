package org.fairnote.cli.output;

import java.util.List;
import org.fairnote.Finding;
import org.fairnote.Screening;
import org.fairnote.cli.input.InputRecord;

/**
 * What the scan made of one input record.
 *
 * @param input     the record as read (its text is null for an error record)
 * @param screening the screening, or null for an error record or an unchanged note
 * @param findings  the findings to report: all of them, or only the flags with {@code --flags-only}
 * @param hash      content hash for incremental runs, or null
 * @param unchanged true when {@code --state} says the note was screened before with the same content
 */
public record NoteResult(InputRecord input, Screening screening, List<Finding> findings, String hash,
        boolean unchanged) {

    public boolean isError() {
        return input.isError();
    }

    public String id() {
        return input.id();
    }

    public String text() {
        return input.text();
    }
}
