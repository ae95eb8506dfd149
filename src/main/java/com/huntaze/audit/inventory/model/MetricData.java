package com.huntaze.audit.inventory.model;

import com.huntaze.audit.inventory.MetricSpec;
import java.util.Map;

/**
 * The {@code cloudwatch.metrics} dataset of one region: for each metric spec id, the series of each resource key
 * it was read for. Each series holds only the datapoints within its spec's own lookback.
 */
public record MetricData(Map<String, Map<String, MetricSeries>> series) {

    public static final MetricData NONE = new MetricData(Map.of());

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
