package com.huntaze.audit.services.cloudwatch;

import java.util.List;

/** The alarms of one region, from one DescribeAlarms walk (both alarm types). */
public record CloudWatchAlarms(List<MetricAlarm> metricAlarms, List<CompositeAlarm> compositeAlarms) {

    public CloudWatchAlarms {
        metricAlarms = metricAlarms == null ? List.of() : List.copyOf(metricAlarms);
        compositeAlarms = compositeAlarms == null ? List.of() : List.copyOf(compositeAlarms);
    }
}
