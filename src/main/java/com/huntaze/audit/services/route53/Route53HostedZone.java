package com.huntaze.audit.services.route53;

import java.util.List;

/**
 * A Route 53 hosted zone, from ListHostedZones, with the record sets of ListResourceRecordSets that take part in
 * health-checked routing (a Failover value or a HealthCheckId); the other records are not kept.
 *
 * @param id   the zone id without its {@code /hostedzone/} prefix, e.g. {@code Z0123456789ABCDEFGHIJ}
 * @param name the zone's name without the trailing dot, e.g. {@code huntaze.example}
 */
public record Route53HostedZone(String id, String name, boolean privateZone, List<Record> records) {

    public Route53HostedZone {
        records = records == null ? List.of() : List.copyOf(records);
    }

    /**
     * One record set.
     *
     * @param name          without the trailing dot, escapes decoded ({@code *.huntaze.example})
     * @param failover      PRIMARY or SECONDARY; null for other routing policies
     * @param healthCheckId the health check Route 53 consults before answering with it; null for none
     */
    public record Record(String name, String type, String setIdentifier, String failover, String healthCheckId) {
    }
}
