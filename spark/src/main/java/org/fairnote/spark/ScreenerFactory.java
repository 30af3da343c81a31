package org.fairnote.spark;

import java.io.Serializable;
import java.util.Objects;
import org.fairnote.Screener;

/**
 * Builds the {@link Screener} an executor uses. Only this small factory travels with a task; the
 * screener itself is built at most once per executor JVM and key (see {@link ScreenerHolder}), never
 * serialised.
 *
 * <p>The {@link #key()} identifies the screener within a JVM: two factories with the same key must
 * build equivalent screeners.
 */
public interface ScreenerFactory extends Serializable {

    /** Identifies the screener this factory builds; the per-JVM cache key. */
    String key();

    /** Builds the screener; called at most once per executor JVM and key. */
    Screener create();

    /** {@link Screener#createDefault()}: the bundled lexicons (and model, when on the class path). */
    static ScreenerFactory defaults() {
        return DefaultFactory.INSTANCE;
    }

    /** A factory with a key and a serialisable builder function. */
    static ScreenerFactory of(String key, SerializableSupplier<Screener> supplier) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(supplier, "supplier");
        return new ScreenerFactory() {
            private static final long serialVersionUID = 1L;

            @Override
            public String key() {
                return key;
            }

            @Override
            public Screener create() {
                return supplier.get();
            }

            @Override
            public String toString() {
                return "ScreenerFactory[" + key + "]";
            }
        };
    }

    /** A {@link java.util.function.Supplier} that Spark can ship to executors. */
    @FunctionalInterface
    interface SerializableSupplier<T> extends java.util.function.Supplier<T>, Serializable {
    }

    /** The default screener's factory. */
    final class DefaultFactory implements ScreenerFactory {
        private static final long serialVersionUID = 1L;
        static final DefaultFactory INSTANCE = new DefaultFactory();

        private DefaultFactory() {
        }

        @Override
        public String key() {
            return "fairnote-default";
        }

        @Override
        public Screener create() {
            return Screener.createDefault();
        }

        private Object readResolve() {
            return INSTANCE;
        }

        @Override
        public String toString() {
            return "ScreenerFactory[default]";
        }
    }
}
