package com.huntaze.audit.services.elbv2;

import java.util.List;

/**
 * A listener of a load balancer, from DescribeListeners.
 *
 * @param protocol       HTTP, HTTPS (application), TCP, TLS, UDP, TCP_UDP (network); null for a gateway load balancer
 * @param defaultActions what it does with a request no rule matches, in AWS's order
 */
public record LoadBalancerListener(
        String arn,
        String loadBalancerArn,
        int port,
        String protocol,
        List<ListenerAction> defaultActions) {

    public LoadBalancerListener {
        defaultActions = defaultActions == null ? List.of() : List.copyOf(defaultActions);
    }
}
