package com.huntaze.audit.services.applicationautoscaling;

/**
 * An Application Auto Scaling scalable target, from DescribeScalableTargets: what may scale, and between which bounds.
 *
 * @param resourceId                 the resource, in its namespace's format: {@code service/CLUSTER/SERVICE} for ECS
 * @param scalableDimension          what scales, e.g. {@code ecs:service:DesiredCount}
 * @param dynamicScalingOutSuspended whether scaling policies may no longer add capacity (SuspendedState)
 * @param dynamicScalingInSuspended  whether scaling policies may no longer remove capacity (SuspendedState)
 */
public record ScalableTarget(
        String resourceId,
        String scalableDimension,
        int minCapacity,
        int maxCapacity,
        boolean dynamicScalingOutSuspended,
        boolean dynamicScalingInSuspended) {
}
