package com.huntaze.audit.inventory;

import com.fasterxml.jackson.core.type.TypeReference;
import com.huntaze.audit.engine.Scope;
import java.util.Map;

/**
 * The {@code cloudwatch.metrics} dataset of one region: for each metric spec id, the series of each resource key
 * it was read for. Each series holds only the datapoints within its spec's own lookback.
 */
public record MetricData(Map<String, Map<String, MetricSeries>> series) {

    public static final MetricData NONE = new MetricData(Map.of());

    /**
     * The metric specs of the selected checks, read with GetMetricData (see {@link MetricSpec}): a dataset every
     * service's checks can read, filled by the CloudWatch service's collector.
     */
    public static final Dataset<MetricData> DATASET =
            new Dataset<>("cloudwatch.metrics", Scope.REGIONAL, "cloudwatch", new TypeReference<>() { });

    public MetricData {
        series = series == null ? Map.of() : Map.copyOf(series);
    }

    /**
     * The datapoints of {@code resourceKey} for {@code spec}; {@link MetricSeries#EMPTY} when CloudWatch had none
     * (or the resource was not read, e.g. created after the collection).
     */
    public MetricSeries series(MetricSpec<?> spec, String resourceKey) {
        return series.getOrDefault(spec.id(), Map.of()).getOrDefault(resourceKey, MetricSeries.EMPTY);
    }
}
