package com.huntaze.audit.services.cloudwatch;

import com.huntaze.audit.collection.Batches;
import com.huntaze.audit.collection.CollectionContext;
import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.inventory.MetricRequest;

import static com.huntaze.audit.collection.AwsCalls.call;

import com.huntaze.audit.engine.Thresholds;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.inventory.MetricSpec;
import com.huntaze.audit.inventory.MetricData;
import com.huntaze.audit.inventory.MetricSeries;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/**
 * The {@code cloudwatch.metrics} dataset: every metric spec of the selected checks, for every resource that needs
 * it, read with GetMetricData only, in one pass per region: up to 500 queries per request (the API's maximum),
 * one shared time window (the longest lookback), NextToken pages followed. Each series is then cut to its own
 * spec's lookback. Never GetMetricStatistics, never one request per resource.
 *
 * <p>A spec whose resource dataset could not be collected is skipped (the check reports that dataset's failure);
 * the other specs are still read.
 */
public final class CloudWatchMetricsCollector implements DatasetCollector<MetricData> {

    static final int MAX_QUERIES_PER_REQUEST = 500;

    @Override
    public Dataset<MetricData> dataset() {
        return MetricData.DATASET;
    }

    @Override
    public List<String> actions() {
        return List.of("cloudwatch:GetMetricData");
    }

    /** The resource datasets of the audit's metric specs. */
    @Override
    public List<Dataset<?>> dependsOn(MetricRequest request) {
        return List.copyOf(new LinkedHashSet<>(distinct(request.specs()).stream()
                .<Dataset<?>>map(MetricSpec::resources).toList()));
    }

    @Override
    public boolean needsAllDependencies() {
        return false;
    }

    @Override
    public MetricData collect(CollectionContext context) {
        MetricRequest request = context.metrics();
        List<SpecTargets> work = new ArrayList<>();
        for (MetricSpec<?> spec : distinct(request.specs())) {
            if (context.dependencies().containsKey(spec.resources())) {
                work.add(targets(spec, context));
            }
        }
        CloudWatchClient cloudwatch = work.isEmpty() ? null : context.client(CloudWatchCollectors.CLOUDWATCH);
        return read(work, request.thresholds(), request.end(),
                r -> call("cloudwatch:GetMetricData", () -> cloudwatch.getMetricData(r)));
    }

    /** One spec and the resources it is read for. */
    record SpecTargets(MetricSpec<?> spec, List<MetricSpec.Target> targets) {
    }

    private static <R> SpecTargets targets(MetricSpec<R> spec, CollectionContext context) {
        return new SpecTargets(spec, spec.targets(context.dependency(spec.resources())));
    }

    /** The specs with one per id (the registry guarantees that one id is one query). */
    private static List<MetricSpec<?>> distinct(List<MetricSpec<?>> specs) {
        Map<String, MetricSpec<?>> byId = new LinkedHashMap<>();
        specs.forEach(s -> byId.putIfAbsent(s.id(), s));
        return List.copyOf(byId.values());
    }

    private record Query(int spec, String resourceKey, MetricDataQuery query) {
    }

    private record Point(Instant timestamp, double value) {
    }

    /**
     * Reads every target of every spec through {@code send} (one GetMetricData request per call), in requests of at
     * most {@value #MAX_QUERIES_PER_REQUEST} queries, and returns each resource's series within its spec's lookback.
     */
    static MetricData read(List<SpecTargets> work, Thresholds thresholds, Instant reference,
                           Function<GetMetricDataRequest, GetMetricDataResponse> send) {
        // Whole hours: CloudWatch answers faster for aligned windows, and every period divides a day.
        Instant end = reference.truncatedTo(ChronoUnit.HOURS);
        int longest = work.stream().mapToInt(w -> thresholds.get(w.spec().lookbackDays())).max().orElse(0);
        Instant start = end.minus(Duration.ofDays(longest));

        List<Query> queries = new ArrayList<>();
        for (int s = 0; s < work.size(); s++) {
            MetricSpec<?> spec = work.get(s).spec();
            for (MetricSpec.Target target : work.get(s).targets()) {
                for (Map<String, String> dimensions : target.dimensionSets()) {
                    String id = "q" + queries.size(); // CloudWatch ids: ^[a-z][a-zA-Z0-9_]*$
                    queries.add(new Query(s, target.resourceKey(), MetricDataQuery.builder()
                            .id(id)
                            .returnData(true)
                            .metricStat(m -> m
                                    .metric(x -> x.namespace(spec.namespace()).metricName(spec.metricName())
                                            .dimensions(dimensions.entrySet().stream().map(d -> Dimension.builder()
                                                    .name(d.getKey()).value(d.getValue()).build()).toList()))
                                    .period((int) spec.period().toSeconds())
                                    .stat(spec.statistic().name()))
                            .build()));
                }
            }
        }

        Map<String, List<Point>> pointsById = new HashMap<>();
        for (List<Query> batch : Batches.of(queries, MAX_QUERIES_PER_REQUEST)) {
            String token = null;
            do {
                GetMetricDataRequest request = GetMetricDataRequest.builder()
                        .startTime(start)
                        .endTime(end)
                        .scanBy(ScanBy.TIMESTAMP_ASCENDING)
                        .metricDataQueries(batch.stream().map(Query::query).toList())
                        .nextToken(token)
                        .build();
                GetMetricDataResponse response = send.apply(request);
                for (MetricDataResult result : response.metricDataResults()) {
                    List<Point> points = pointsById.computeIfAbsent(result.id(), k -> new ArrayList<>());
                    for (int i = 0; i < Math.min(result.timestamps().size(), result.values().size()); i++) {
                        points.add(new Point(result.timestamps().get(i), result.values().get(i)));
                    }
                }
                token = response.nextToken();
            } while (token != null && !token.isEmpty());
        }

        // Every target gets a series, empty when CloudWatch had no datapoint: "no data" is an answer too.
        List<Map<String, List<Point>>> byResource = new ArrayList<>();
        for (SpecTargets w : work) {
            Map<String, List<Point>> resources = new LinkedHashMap<>();
            w.targets().forEach(t -> resources.put(t.resourceKey(), new ArrayList<>()));
            byResource.add(resources);
        }
        for (Query q : queries) {
            byResource.get(q.spec()).get(q.resourceKey())
                    .addAll(pointsById.getOrDefault(q.query().id(), List.of()));
        }
        Map<String, Map<String, MetricSeries>> series = new LinkedHashMap<>();
        for (int s = 0; s < work.size(); s++) {
            MetricSpec<?> spec = work.get(s).spec();
            Instant from = end.minus(Duration.ofDays(thresholds.get(spec.lookbackDays())));
            Map<String, MetricSeries> ofSpec = new LinkedHashMap<>();
            byResource.get(s).forEach((resource, points) -> {
                List<Point> kept = points.stream().filter(p -> !p.timestamp().isBefore(from))
                        .sorted(Comparator.comparing(Point::timestamp)).toList();
                ofSpec.put(resource, new MetricSeries(kept.stream().map(p -> p.timestamp().toString()).toList(),
                        kept.stream().map(Point::value).toList()));
            });
            series.put(spec.id(), ofSpec);
        }
        return new MetricData(series);
    }
}
