package com.huntaze.audit.services.elbv2;

/**
 * A target registered in a target group, with its TargetHealth.
 *
 * @param id          an instance id, an IP address, a Lambda ARN or an ALB ARN
 * @param port        0 when AWS omits it (Lambda)
 * @param state       {@code healthy}, {@code unhealthy}, {@code initial}, {@code unused}, {@code draining},
 *                    {@code unavailable} or {@code unhealthy.draining}
 * @param reason      e.g. {@code Target.ResponseCodeMismatch}; null when healthy
 * @param description AWS's sentence about the reason; null when healthy
 */
public record RegisteredTarget(
        String id,
        int port,
        String availabilityZone,
        String state,
        String reason,
        String description) {
}
