package com.huntaze.audit.util;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Start-up work done on a second core while the main thread does other work: a CLI run is mostly class loading
 * and first-time initialisation, and two independent parts of it (e.g. reading the demo account and parsing the
 * report template) need not wait for each other.
 */
public final class Background {
    private Background() {
    }

    /** Runs {@code work} on a new daemon thread named {@code name}. */
    public static <T> CompletableFuture<T> start(String name, Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** The result of {@code work}, waiting for it; its failure is rethrown as it was thrown. */
    public static <T> T join(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
