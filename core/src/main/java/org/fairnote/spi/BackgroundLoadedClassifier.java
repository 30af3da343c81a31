package org.fairnote.spi;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** See {@link SpanClassifier#loadInBackground}. */
final class BackgroundLoadedClassifier implements SpanClassifier {
    private final CompletableFuture<SpanClassifier> loading = new CompletableFuture<>();
    private volatile SpanClassifier loaded;

    BackgroundLoadedClassifier(Supplier<? extends SpanClassifier> loader) {
        Objects.requireNonNull(loader, "loader");
        Thread thread = new Thread(() -> {
            try {
                loading.complete(Objects.requireNonNull(loader.get(), "the loader returned no classifier"));
            } catch (Throwable e) {
                loading.completeExceptionally(e);
            }
        }, "fairnote-model-loader");
        thread.setDaemon(true);
        thread.start();
    }

    private SpanClassifier model() {
        SpanClassifier m = loaded;
        if (m == null) {
            try {
                m = loading.join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw e;
            }
            loaded = m;
        }
        return m;
    }

    @Override
    public String name() {
        return model().name();
    }

    @Override
    public String version() {
        return model().version();
    }

    @Override
    public double threshold() {
        return model().threshold();
    }

    @Override
    public List<Prediction> predict(AnalyzedText text) {
        return model().predict(text);
    }
}
