package org.fairnote.spi;

import java.util.List;
import org.fairnote.Category;

/**
 * A trained model that finds spans no lexicon lists. The screener assigns each prediction's
 * assertion with the same context rules as lexicon findings. Implementations are immutable and
 * thread-safe, and load everything when constructed, never per call.
 */
public interface SpanClassifier {

    /** The model's name, reported with its version in every screening. */
    String name();

    /** The model's version. */
    String version();

    /** Spans of {@code text} with a category and a probability. */
    List<Prediction> predict(AnalyzedText text);

    /**
     * One predicted span.
     *
     * @param start      first char, inclusive
     * @param end        last char, exclusive
     * @param category   predicted category
     * @param confidence 0..1
     * @param label      the model's label or feature summary, reported as the finding's rule id
     */
    record Prediction(int start, int end, Category category, double confidence, String label) {
    }
}
