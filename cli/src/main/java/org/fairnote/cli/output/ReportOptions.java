package org.fairnote.cli.output;

/**
 * How reports are written.
 *
 * @param redact    no note text in any output: offsets, categories and rule ids only
 * @param flagsOnly only AFFIRMED findings (the caller filters; writers use it for wording)
 * @param color     ANSI colours (text format on a terminal)
 */
public record ReportOptions(boolean redact, boolean flagsOnly, boolean color) {
}
