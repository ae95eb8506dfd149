package com.huntaze.audit.services.route53;

import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.pricing.PriceItem;
import com.huntaze.audit.services.AuditService;
import java.util.List;

/** Route 53 (global): hosted zones with their failover and health-checked records, and health checks. */
public final class Route53AuditService implements AuditService {

    /** Price item: per health check and month, by endpoint: aws-endpoint, non-aws-endpoint. */
    public static final String HEALTH_CHECK_MONTH = "route53.health-check-month";

    @Override
    public String id() {
        return "route53";
    }

    @Override
    public List<DatasetCollector<?>> collectors() {
        return List.of(Route53Collectors.HOSTED_ZONES, Route53Collectors.HEALTH_CHECKS);
    }

    @Override
    public List<ServiceClient<?, ?>> clients() {
        return List.of(Route53Collectors.ROUTE53);
    }

    @Override
    public List<Check> checks(Contributions contributions) {
        return List.of(new Route53HealthChecksCheck());
    }

    @Override
    public List<?> contributions() {
        return List.of(PriceItem.byType(HEALTH_CHECK_MONTH,
                "per basic health check and month, by endpoint: aws-endpoint, non-aws-endpoint"));
    }
}
