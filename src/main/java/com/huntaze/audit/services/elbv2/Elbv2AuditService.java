package com.huntaze.audit.services.elbv2;

import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.pricing.PriceItem;
import com.huntaze.audit.services.AuditService;
import java.util.List;

/** Elastic Load Balancing v2: load balancers, listeners, target groups and target health. */
public final class Elbv2AuditService implements AuditService {

    /** Price item: per hour, by load balancer type: application, network. */
    public static final String LOAD_BALANCER_HOUR = "elbv2.load-balancer-hour";

    /** Price item: per in-use public IPv4 address and hour. */
    public static final String PUBLIC_IPV4_HOUR = "vpc.public-ipv4-hour";

    @Override
    public String id() {
        return "elbv2";
    }

    @Override
    public List<DatasetCollector<?>> collectors() {
        return List.of(Elbv2Collectors.LOAD_BALANCERS, Elbv2Collectors.LISTENERS, Elbv2Collectors.TARGET_GROUPS);
    }

    @Override
    public List<ServiceClient<?, ?>> clients() {
        return List.of(Elbv2Collectors.ELBV2);
    }

    @Override
    public List<Check> checks(Contributions contributions) {
        return List.of(new Elbv2TargetHealthCheck(),
                new Elbv2HttpsListenerCheck(),
                new Elbv2IdleLoadBalancerCheck(),
                new Elbv2MultiAzCheck());
    }

    @Override
    public List<?> contributions() {
        return List.of(Elbv2AlarmCoverage.APPLICATION_LOAD_BALANCERS, Elbv2OriginOwners.LOAD_BALANCERS,
                PriceItem.byType(LOAD_BALANCER_HOUR, "per hour, by load balancer type: application, network"),
                PriceItem.single(PUBLIC_IPV4_HOUR, "per in-use public IPv4 address and hour"));
    }
}
