package com.huntaze.audit.services.elbv2;

import java.util.List;

/**
 * An Elastic Load Balancing v2 target group, from DescribeTargetGroups, with the health of its targets from
 * DescribeTargetHealth.
 *
 * @param port             0 when AWS omits it (Lambda targets)
 * @param targetType       {@code instance}, {@code ip}, {@code lambda} or {@code alb}
 * @param loadBalancerArns the load balancers it is attached to; empty when none
 * @param targets          its registered targets and their health; only described for a group attached to a load
 *                         balancer (an unattached group's targets are never health-checked), so always empty for
 *                         the others
 */
public record TargetGroup(
        String name,
        String arn,
        String protocol,
        int port,
        String targetType,
        String vpcId,
        List<String> loadBalancerArns,
        List<RegisteredTarget> targets) {

    public TargetGroup {
        loadBalancerArns = loadBalancerArns == null ? List.of() : List.copyOf(loadBalancerArns);
        targets = targets == null ? List.of() : List.copyOf(targets);
    }
}
