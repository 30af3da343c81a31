package org.fairnote.spark;

import java.io.Serializable;
import java.util.Objects;

/**
 * How {@link FairnoteSpark} screens: which screener, whether the matched text is kept, whether only
 * flags (affirmed findings) are returned. Immutable; shipped to executors with each task.
 */
public final class ScreenOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final ScreenOptions DEFAULTS = new ScreenOptions(ScreenerFactory.defaults(), false, false);

    private final ScreenerFactory factory;
    private final boolean redactText;
    private final boolean flagsOnly;

    private ScreenOptions(ScreenerFactory factory, boolean redactText, boolean flagsOnly) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.redactText = redactText;
        this.flagsOnly = flagsOnly;
    }

    /** The default screener, matched text kept, every finding (all assertions) returned. */
    public static ScreenOptions defaults() {
        return DEFAULTS;
    }

    /** Uses this factory's screener instead of {@link org.fairnote.Screener#createDefault()}. */
    public ScreenOptions withScreener(ScreenerFactory screenerFactory) {
        return new ScreenOptions(screenerFactory, redactText, flagsOnly);
    }

    /** When true, findings carry no {@code text} column (offsets only), so no note text leaves the job. */
    public ScreenOptions withRedactText(boolean redact) {
        return new ScreenOptions(factory, redact, flagsOnly);
    }

    /** When true, only {@code AFFIRMED} findings (flags) are returned. */
    public ScreenOptions withFlagsOnly(boolean only) {
        return new ScreenOptions(factory, redactText, only);
    }

    public ScreenerFactory screenerFactory() {
        return factory;
    }

    public boolean redactText() {
        return redactText;
    }

    public boolean flagsOnly() {
        return flagsOnly;
    }

    @Override
    public String toString() {
        return "ScreenOptions[" + factory + ", redactText=" + redactText + ", flagsOnly=" + flagsOnly + "]";
    }
}
