package org.fairnote.spark;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.fairnote.Screener;

/**
 * One {@link Screener} per executor JVM and factory key, built lazily on first use by the first task
 * that needs it and shared by every later task (Screener is immutable and thread-safe). Static, so it
 * lives as long as the executor's class loader and is never part of a task closure.
 */
public final class ScreenerHolder {

    private static final ConcurrentMap<String, Screener> SCREENERS = new ConcurrentHashMap<>();
    private static final ConcurrentMap<String, AtomicInteger> BUILDS = new ConcurrentHashMap<>();

    private ScreenerHolder() {
    }

    /** The screener for this factory's key, building it on first use in this JVM. */
    public static Screener get(ScreenerFactory factory) {
        Screener s = SCREENERS.get(factory.key());
        if (s != null) {
            return s;
        }
        // computeIfAbsent: concurrent tasks of one executor wait for the single build.
        return SCREENERS.computeIfAbsent(factory.key(), k -> {
            BUILDS.computeIfAbsent(k, x -> new AtomicInteger()).incrementAndGet();
            return factory.create();
        });
    }

    /** How many times a screener was built in this JVM for the key (for tests and diagnostics). */
    public static int builds(String key) {
        AtomicInteger n = BUILDS.get(key);
        return n == null ? 0 : n.get();
    }
}
