package com.huntaze.audit.services.elbv2;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;
import java.util.Set;

/**
 * elbv2.multi-az: an application or network load balancer has nodes in at least 2 Availability Zones, so that losing
 * one zone leaves it answering. Gateway load balancers are not judged (they sit in the path of appliances, not of
 * clients).
 */
public final class Elbv2MultiAzCheck implements Check {

    static final int MINIMUM = 2;

    @Override
    public String id() {
        return "elbv2.multi-az";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(Elbv2Datasets.LOAD_BALANCERS);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        return ctx.get(Elbv2Datasets.LOAD_BALANCERS).stream()
                .filter(lb -> "application".equals(lb.type()) || "network".equals(lb.type()))
                .map(lb -> {
                    List<String> zones = lb.availabilityZones().stream().distinct().sorted().toList();
                    var evidence = Evidence.of("Type", lb.type(), "Scheme", lb.scheme(), "AvailabilityZones", zones,
                            "Subnets", lb.subnetIds());
                    if (zones.size() >= MINIMUM) {
                        return ctx.ok(lb.name(), lb.arn(), "Nodes in " + zones.size() + " Availability Zones ("
                                + String.join(", ", zones) + ").", evidence);
                    }
                    return ctx.nok(lb.name(), lb.arn(), zones.isEmpty()
                            ? "In no Availability Zone: it has no node to answer with."
                            : "One Availability Zone (" + zones.get(0) + "): a zone failure takes the load balancer"
                            + " down, and its targets in the other zones with it.", evidence);
                })
                .toList();
    }
}
