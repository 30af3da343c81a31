package org.fairnote.models;

import org.fairnote.Screener;
import org.fairnote.spi.ScreenerDefaults;
import org.fairnote.spi.SpanClassifier;

/**
 * Adds the shipped model to {@link Screener#createDefault()} whenever fairnote-models is on the
 * class path, with the model threshold tuned in cross-validation (the model's own {@code threshold()}).
 * Runs after the lexicons (order 10); the model loads on a background thread meanwhile.
 */
public final class ModelDefaults implements ScreenerDefaults {

    @Override
    public void apply(Screener.Builder builder) {
        // Loads while the lexicons compile; the screener then uses the model's tuned threshold.
        builder.classifier(SpanClassifier.loadInBackground(FairnoteModel::bundled));
    }

    @Override
    public int order() {
        return 10;
    }
}
