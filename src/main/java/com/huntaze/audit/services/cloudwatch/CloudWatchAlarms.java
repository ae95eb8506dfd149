package com.huntaze.audit.services.cloudwatch;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The alarms of one region, from one DescribeAlarms walk (both alarm types). */
public record CloudWatchAlarms(List<MetricAlarm> metricAlarms, List<CompositeAlarm> compositeAlarms) {

    public CloudWatchAlarms {
        metricAlarms = metricAlarms == null ? List.of() : List.copyOf(metricAlarms);
        compositeAlarms = compositeAlarms == null ? List.of() : List.copyOf(compositeAlarms);
    }

    /**
     * The SNS topics the alarms' ALARM actions name (metric and composite alarms alike), by ARN, each with the names
     * of the alarms that name it (sorted). Other actions (Auto Scaling, EC2, Systems Manager, Lambda) are left out.
     */
    public Map<String, List<String>> snsAlarmActionTopics() {
        Map<String, Set<String>> byTopic = new TreeMap<>();
        metricAlarms.forEach(a -> a.alarmActions().stream().filter(CloudWatchAlarms::isSnsTopic)
                .forEach(topic -> byTopic.computeIfAbsent(topic, k -> new TreeSet<>()).add(a.name())));
        compositeAlarms.forEach(a -> a.alarmActions().stream().filter(CloudWatchAlarms::isSnsTopic)
                .forEach(topic -> byTopic.computeIfAbsent(topic, k -> new TreeSet<>()).add(a.name())));
        Map<String, List<String>> result = new TreeMap<>();
        byTopic.forEach((topic, alarms) -> result.put(topic, List.copyOf(alarms)));
        return result;
    }

    /** arn:PARTITION:sns:REGION:ACCOUNT:NAME */
    private static boolean isSnsTopic(String action) {
        String[] parts = action == null ? new String[0] : action.split(":");
        return parts.length == 6 && parts[0].equals("arn") && parts[2].equals("sns");
    }
}
