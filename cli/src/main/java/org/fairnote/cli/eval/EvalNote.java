package org.fairnote.cli.eval;

import java.util.List;

/** One note of an evaluation: its gold spans and the predicted AFFIRMED spans. */
public record EvalNote(String id, List<Span> gold, List<Span> predicted) {
}
