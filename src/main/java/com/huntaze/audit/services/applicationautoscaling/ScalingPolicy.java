package com.huntaze.audit.services.applicationautoscaling;

import java.util.List;

/**
 * An Application Auto Scaling scaling policy, from DescribeScalingPolicies.
 *
 * @param resourceId        the scalable target's resource it scales, e.g. {@code service/CLUSTER/SERVICE}
 * @param scalableDimension the dimension it scales, e.g. {@code ecs:service:DesiredCount}
 * @param type              {@code TargetTrackingScaling}, {@code StepScaling} or {@code PredictiveScaling}
 * @param metric            target tracking and predictive scaling: the predefined metric type (e.g.
 *                          {@code ECSServiceAverageCPUUtilization}) or the customized metric's name ({@code metric
 *                          math} for an expression); null for step scaling
 * @param targetValue       target tracking and predictive scaling: the value the metric is kept at; null otherwise
 * @param alarmNames        the CloudWatch alarms that invoke it (target tracking creates its own; a step-scaling
 *                          policy runs only when an alarm names it)
 */
public record ScalingPolicy(
        String name,
        String resourceId,
        String scalableDimension,
        String type,
        String metric,
        Double targetValue,
        List<String> alarmNames) {

    public ScalingPolicy {
        alarmNames = alarmNames == null ? List.of() : List.copyOf(alarmNames);
    }
}
