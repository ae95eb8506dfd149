package com.huntaze.audit.aws;

import com.huntaze.audit.inventory.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/**
 * What a collector gets: the region, the session's clients, the data of the datasets it depends on, and a pool
 * for per-resource calls (DescribeTargetHealth per target group, ListServices per cluster, ...).
 *
 * @param fanOut a pool separate from the one running collectors, so that a collector waiting on its
 *               per-resource calls can never starve them
 */
public record CollectionContext(String region, AwsSession aws, Map<Dataset<?>, Object> dependencies,
                                ExecutorService fanOut) {

    @SuppressWarnings("unchecked")
    public <T> T dependency(Dataset<T> dataset) {
        Object value = dependencies.get(dataset);
        if (value == null) {
            throw new IllegalStateException("collector did not declare dependency " + dataset.id());
        }
        return (T) value;
    }

    /**
     * Applies {@code call} to every item concurrently and returns the results in the items' order. The first
     * failure (an {@link AwsCallException}, from {@link AwsCalls#call}) is rethrown as is.
     */
    public <I, R> List<R> forEach(List<I> items, Function<I, R> call) {
        if (items.size() <= 1 || fanOut == null) {
            return items.stream().map(call).toList();
        }
        List<CompletableFuture<R>> futures = new ArrayList<>(items.size());
        for (I item : items) {
            futures.add(CompletableFuture.supplyAsync(() -> call.apply(item), fanOut));
        }
        List<R> results = new ArrayList<>(items.size());
        for (CompletableFuture<R> future : futures) {
            try {
                results.add(future.join());
            } catch (CompletionException e) {
                futures.forEach(f -> f.cancel(false));
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw e;
            }
        }
        return results;
    }
}
