package com.huntaze.audit.collection;

import com.huntaze.audit.inventory.MetricRequest;

import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.inventory.CollectionFailure;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.inventory.Inventory;
import com.huntaze.audit.inventory.MetricRequest;
import com.huntaze.audit.inventory.RegionInventory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Collects the datasets the selected checks need, each once per region (global datasets once per audit), all
 * concurrently on a bounded pool; a dataset starts as soon as the datasets it depends on are in. A failed
 * dataset is recorded with its reason and never stops the others.
 */
public final class InventoryCollector {

    /** Told how many datasets are collected so far; called from worker threads. */
    public interface ProgressListener {
        void onProgress(int done, int total);
    }

    private final Map<Dataset<?>, DatasetCollector<?>> collectors;
    private final AwsSession aws;
    private final int concurrency;
    private final ProgressListener progress;

    /** @param collectors every collector of the audit's services, by the dataset it fills */
    public InventoryCollector(Map<Dataset<?>, DatasetCollector<?>> collectors, AwsSession aws, int concurrency,
                              ProgressListener progress) {
        this.collectors = Map.copyOf(collectors);
        this.aws = aws;
        this.concurrency = concurrency;
        this.progress = progress;
    }

    public Inventory collect(String account, List<String> regions, Set<Dataset<?>> needed) {
        return collect(account, regions, needed, MetricRequest.NONE);
    }

    /** Collects {@code needed}; {@code cloudwatch.metrics}, if needed, reads the metrics of {@code metrics}. */
    public Inventory collect(String account, List<String> regions, Set<Dataset<?>> needed, MetricRequest metrics) {
        Inventory inventory = new Inventory(account, regions);
        List<RegionAndDataset> wanted = new ArrayList<>();
        Set<Dataset<?>> all = withDependencies(needed, collectors, metrics);
        for (Dataset<?> dataset : all) {
            List<String> targets = new ArrayList<>(dataset.scope() == Scope.GLOBAL ? List.of(Scope.GLOBAL_REGION)
                    : regions);
            if (dataset.scope() == Scope.REGIONAL) {
                // A dataset also needed outside the audited regions (ACM in us-east-1 for CloudFront); its
                // dependencies follow it there when they are scheduled.
                collectorFor(dataset, collectors).extraRegions(all).stream().sorted()
                        .filter(r -> !targets.contains(r)).forEach(r -> {
                            inventory.addExtraRegion(r);
                            targets.add(r);
                        });
            }
            for (String region : targets) {
                wanted.add(new RegionAndDataset(region, dataset));
            }
        }
        int total = wanted.size();
        // A thread per dataset: a collector mostly waits (on its dependencies, on its fan-out), and one that waits
        // must not keep another (say the 40 pages of a log group listing: the critical path) from starting. The
        // session's call slots, not the threads, bound the calls in flight.
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, total), daemon("collector"));
        ExecutorService fanOut = Executors.newFixedThreadPool(concurrency, daemon("collector-call"));
        try {
            Map<String, CompletableFuture<Object>> futures = new LinkedHashMap<>();
            Map<String, RegionAndDataset> tasks = new HashMap<>();
            AtomicInteger done = new AtomicInteger();
            for (RegionAndDataset task : wanted) {
                schedule(task, account, metrics, futures, tasks, pool, fanOut, done, total);
            }
            for (Map.Entry<String, CompletableFuture<Object>> entry : futures.entrySet()) {
                RegionAndDataset task = tasks.get(entry.getKey());
                RegionInventory target = inventory.region(task.region());
                try {
                    store(target, task.dataset(), entry.getValue().join());
                } catch (CompletionException e) {
                    target.fail(task.dataset(), failureOf(task.dataset(), e.getCause()));
                }
            }
            return inventory;
        } finally {
            pool.shutdownNow();
            fanOut.shutdownNow();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @SuppressWarnings("unchecked")
    private static <T> void store(RegionInventory target, Dataset<T> dataset, Object value) {
        target.put(dataset, (T) value);
    }

    private record RegionAndDataset(String region, Dataset<?> dataset) {
        String key() {
            return region + "/" + dataset.id();
        }
    }

    private CompletableFuture<Object> schedule(RegionAndDataset task, String account, MetricRequest metrics,
                                               Map<String, CompletableFuture<Object>> futures,
                                               Map<String, RegionAndDataset> tasks, ExecutorService pool,
                                               ExecutorService fanOut, AtomicInteger done, int total) {
        CompletableFuture<Object> existing = futures.get(task.key());
        if (existing != null) {
            return existing;
        }
        DatasetCollector<?> collector = collectorFor(task.dataset(), collectors);
        Map<Dataset<?>, CompletableFuture<Object>> dependencies = new LinkedHashMap<>();
        for (Dataset<?> dependency : collector.dependsOn(metrics)) {
            dependencies.put(dependency, schedule(new RegionAndDataset(task.region(), dependency), account, metrics,
                    futures, tasks, pool, fanOut, done, total));
        }
        // A collector that needs all its dependencies fails with the first failed one; the others wait for all to
        // finish, failed or not, see only the collected ones, and fail only when none was collected.
        CompletableFuture<?>[] waits = dependencies.values().stream()
                .map(f -> collector.needsAllDependencies() ? f : f.handle((value, error) -> value))
                .toArray(CompletableFuture[]::new);
        CompletableFuture<Object> future = CompletableFuture
                .allOf(waits)
                .thenApplyAsync(ignored -> {
                    Map<Dataset<?>, Object> values = new HashMap<>();
                    dependencies.forEach((dataset, f) -> {
                        if (!f.isCompletedExceptionally()) {
                            values.put(dataset, f.join());
                        }
                    });
                    if (values.isEmpty() && !dependencies.isEmpty()) {
                        // Nothing to work on: fail with the first dependency's reason, as a strict collector would.
                        dependencies.values().iterator().next().join();
                    }
                    try {
                        return (Object) collector.collect(new CollectionContext(task.region(), aws, values, fanOut, metrics,
                                account));
                    } finally {
                        progress.onProgress(done.incrementAndGet(), total);
                    }
                }, pool);
        futures.put(task.key(), future);
        tasks.put(task.key(), task);
        return future;
    }

    private static DatasetCollector<?> collectorFor(Dataset<?> dataset, Map<Dataset<?>, DatasetCollector<?>> collectors) {
        DatasetCollector<?> collector = collectors.get(dataset);
        if (collector == null) {
            throw new IllegalStateException("no collector for dataset " + dataset.id());
        }
        return collector;
    }

    /** The datasets and, transitively, the datasets their collectors depend on. */
    static Set<Dataset<?>> withDependencies(Set<Dataset<?>> needed, Map<Dataset<?>, DatasetCollector<?>> collectors,
                                            MetricRequest metrics) {
        Set<Dataset<?>> all = new LinkedHashSet<>();
        List<Dataset<?>> queue = new ArrayList<>(needed);
        while (!queue.isEmpty()) {
            Dataset<?> dataset = queue.remove(0);
            if (all.add(dataset)) {
                queue.addAll(collectorFor(dataset, collectors).dependsOn(metrics));
            }
        }
        return all;
    }

    private static CollectionFailure failureOf(Dataset<?> dataset, Throwable cause) {
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof AwsCallException call) {
            return call.failure();
        }
        // A bug in a collector, not an AWS answer: still a visible TODO rather than a crash.
        return AwsCalls.classify(dataset.service() + ":" + dataset.id(), cause);
    }
}
