package com.huntaze.audit.inventory;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * The datapoints CloudWatch returned for one resource and one metric spec, oldest first: one value per period
 * (the spec's statistic). Empty means CloudWatch has no datapoint in the lookback window, which is not the same
 * answer as a value of zero.
 *
 * @param timestamps the start of each period, ISO-8601 UTC
 */
public record MetricSeries(List<String> timestamps, List<Double> values) {

    public static final MetricSeries EMPTY = new MetricSeries(List.of(), List.of());

    public MetricSeries {
        timestamps = timestamps == null ? List.of() : List.copyOf(timestamps);
        values = values == null ? List.of() : List.copyOf(values);
        if (timestamps.size() != values.size()) {
            throw new IllegalArgumentException("a series needs one timestamp per value");
        }
    }

    /** No datapoint at all. */
    @JsonIgnore
    public boolean isEmpty() {
        return values.isEmpty();
    }

    public int size() {
        return values.size();
    }

    /** The largest value; NaN when empty. */
    public double max() {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** The mean of the values; NaN when empty. */
    public double average() {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** The sum of the values; 0 when empty. */
    public double sum() {
        return values.stream().mapToDouble(Double::doubleValue).sum();
    }
}
