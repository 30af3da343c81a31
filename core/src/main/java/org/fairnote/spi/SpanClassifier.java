package org.fairnote.spi;

import java.util.List;
import java.util.function.Supplier;
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
     * The probability threshold the model was tuned for; the screener drops predictions below it
     * unless {@code Screener.Builder.modelThreshold} sets another. Default 0.5.
     */
    default double threshold() {
        return 0.5;
    }

    /**
     * A classifier that starts loading now on a background thread, so a large model loads while
     * the screener compiles its lexicons. The first call to any method waits for the load and
     * rethrows its failure; {@code Screener.Builder.build()} makes such a call, so a broken model
     * still fails the build, never a screening.
     */
    static SpanClassifier loadInBackground(Supplier<? extends SpanClassifier> loader) {
        return new BackgroundLoadedClassifier(loader);
    }

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
