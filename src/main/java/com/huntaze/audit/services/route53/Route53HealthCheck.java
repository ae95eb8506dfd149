package com.huntaze.audit.services.route53;

import java.util.List;

/**
 * A Route 53 health check, from ListHealthChecks.
 *
 * @param type                    HTTP, HTTPS, HTTP_STR_MATCH, HTTPS_STR_MATCH, TCP, CALCULATED, CLOUDWATCH_METRIC or
 *                                RECOVERY_CONTROL
 * @param childHealthChecks       the health checks a CALCULATED one combines
 * @param linkedServicePrincipal  the service that created and manages it (Cloud Map:
 *                                {@code servicediscovery.amazonaws.com}); null for one of the account's own
 */
public record Route53HealthCheck(
        String id,
        String type,
        String fullyQualifiedDomainName,
        String ipAddress,
        Integer port,
        String resourcePath,
        boolean disabled,
        List<String> childHealthChecks,
        String linkedServicePrincipal) {

    public Route53HealthCheck {
        childHealthChecks = childHealthChecks == null ? List.of() : List.copyOf(childHealthChecks);
    }

    /** Its ARN (health checks are global: no region, no account in it). */
    public String arn() {
        return "arn:aws:route53:::healthcheck/" + id;
    }
}
