package org.fairnote.spi;

import org.fairnote.Screener;

/**
 * Contributes bundled data to {@link Screener#createDefault()}: the lexicons module adds the
 * default lexicons, context rules and sections; the models module adds the trained model. Found
 * with {@link java.util.ServiceLoader}, applied in {@link #order()}.
 */
public interface ScreenerDefaults {

    /** Adds this module's defaults to the builder. */
    void apply(Screener.Builder builder);

    /** Lower runs first. */
    default int order() {
        return 0;
    }
}
