package com.huntaze.audit.services.cloudwatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A CloudWatch metric alarm, from DescribeAlarms. A simple alarm watches {@code namespace}/{@code metricName} with
 * {@code dimensions}; a metric-math alarm has those null and lists the metrics its expression reads in
 * {@code mathMetrics}.
 *
 * @param dimensions  name → value, in the order AWS returned them
 * @param stateValue  OK, ALARM or INSUFFICIENT_DATA
 */
public record MetricAlarm(
        String name,
        String arn,
        String namespace,
        String metricName,
        Map<String, String> dimensions,
        boolean actionsEnabled,
        List<String> alarmActions,
        List<String> okActions,
        List<String> insufficientDataActions,
        String stateValue,
        List<WatchedMetric> mathMetrics) {

    /** A metric an alarm watches. */
    public record WatchedMetric(String namespace, String metricName, Map<String, String> dimensions) {
        public WatchedMetric {
            dimensions = dimensions == null ? Map.of() : dimensions;
        }
    }

    public MetricAlarm {
        dimensions = dimensions == null ? Map.of() : dimensions;
        alarmActions = alarmActions == null ? List.of() : List.copyOf(alarmActions);
        okActions = okActions == null ? List.of() : List.copyOf(okActions);
        insufficientDataActions = insufficientDataActions == null ? List.of() : List.copyOf(insufficientDataActions);
        mathMetrics = mathMetrics == null ? List.of() : List.copyOf(mathMetrics);
    }

    /** Every metric the alarm watches: its own, or those of its metric-math expression. */
    public List<WatchedMetric> watchedMetrics() {
        List<WatchedMetric> all = new ArrayList<>();
        if (metricName != null) {
            all.add(new WatchedMetric(namespace, metricName, dimensions));
        }
        all.addAll(mathMetrics);
        return all;
    }
}
