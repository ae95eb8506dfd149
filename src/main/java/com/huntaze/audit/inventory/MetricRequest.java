package com.huntaze.audit.inventory;

import com.huntaze.audit.engine.Thresholds;
import java.time.Instant;
import java.util.List;

/**
 * What the {@code cloudwatch.metrics} dataset reads in an audit: the metric specs of the selected checks, the
 * thresholds their lookbacks come from, and the audit's reference time (the end of every lookback).
 */
public record MetricRequest(List<MetricSpec<?>> specs, Thresholds thresholds, Instant end) {

    public static final MetricRequest NONE = new MetricRequest(List.of(), Thresholds.defaults(), Instant.EPOCH);

    public MetricRequest {
        specs = List.copyOf(specs);
    }
}
