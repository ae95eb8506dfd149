package com.huntaze.audit.collection;

import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.inventory.MetricRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;

/**
 * What a collector gets: the region, the session's clients, the data of the datasets it depends on, a pool
 * for per-resource calls (DescribeTargetHealth per target group, ListServices per cluster, ...).
 *
 * @param fanOut  a pool separate from the one running collectors, so that a collector waiting on its
 *                per-resource calls can never starve them
 * @param account the audited account's id (from STS, before collection): for the calls that take it as a
 *                parameter (S3 Control's account-level settings); null when unknown
 */
public record CollectionContext(String region, AwsSession aws, Map<Dataset<?>, Object> dependencies,
                                ExecutorService fanOut, MetricRequest metrics, String account) {

    /** A context without metric specs (collectors other than the metrics one never read them). */
    public CollectionContext(String region, AwsSession aws, Map<Dataset<?>, Object> dependencies,
                             ExecutorService fanOut) {
        this(region, aws, dependencies, fanOut, MetricRequest.NONE, null);
    }

    /** A context of an unknown account. */
    public CollectionContext(String region, AwsSession aws, Map<Dataset<?>, Object> dependencies,
                             ExecutorService fanOut, MetricRequest metrics) {
        this(region, aws, dependencies, fanOut, metrics, null);
    }

    /**
     * The session's client of a declared service client, in this context's region or the client's fixed one:
     * {@code context.client(RdsCollectors.RDS)}. For another region: {@code context.aws().client(client, region)}.
     */
    public <C extends SdkClient, B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>> C client(
            ServiceClient<C, B> client) {
        return aws.client(client, client.regionFor(region));
    }

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
