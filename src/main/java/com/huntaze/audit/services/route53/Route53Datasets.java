package com.huntaze.audit.services.route53;

import com.fasterxml.jackson.core.type.TypeReference;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;

/** The datasets of the route53 service (global: read once per audit), each filled by one of its collectors. */
public final class Route53Datasets {
    private Route53Datasets() {
    }

    /** Every hosted zone, public and private, with its health-checked and failover records. */
    public static final Dataset<List<Route53HostedZone>> HOSTED_ZONES =
            new Dataset<>("route53.hostedZones", Scope.GLOBAL, "route53", new TypeReference<>() { });

    public static final Dataset<List<Route53HealthCheck>> HEALTH_CHECKS =
            new Dataset<>("route53.healthChecks", Scope.GLOBAL, "route53", new TypeReference<>() { });
}
