package org.fairnote.models;

import org.fairnote.Screener;
import org.fairnote.spi.ScreenerDefaults;

/**
 * Adds the shipped model to {@link Screener#createDefault()} whenever fairnote-models is on the
 * class path, with the model threshold tuned in cross-validation. Runs after the lexicons (order 10).
 */
public final class ModelDefaults implements ScreenerDefaults {

    @Override
    public void apply(Screener.Builder builder) {
        FairnoteModel model = FairnoteModel.bundled();
        builder.classifier(model).modelThreshold(model.threshold());
    }

    @Override
    public int order() {
        return 10;
    }
}
