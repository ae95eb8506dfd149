package com.huntaze.audit.services.vpc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which route table routes each subnet, as AWS decides it: the table explicitly associated with the subnet, else its
 * VPC's main route table.
 */
public final class VpcRouting {

    /** A subnet's route table, and whether it is the VPC's main table (no explicit association). */
    public record Routed(RouteTable table, boolean viaMainTable) {
    }

    private final Map<String, Subnet> subnets = new HashMap<>();
    private final Map<String, RouteTable> explicit = new HashMap<>();
    private final Map<String, RouteTable> mainByVpc = new HashMap<>();

    public VpcRouting(List<Subnet> subnets, List<RouteTable> tables) {
        subnets.forEach(s -> this.subnets.put(s.id(), s));
        for (RouteTable t : tables) {
            t.subnetIds().forEach(id -> explicit.put(id, t));
            if (t.main()) {
                mainByVpc.put(t.vpcId(), t);
            }
        }
    }

    /** The subnet, when DescribeSubnets listed it. */
    public Optional<Subnet> subnet(String subnetId) {
        return Optional.ofNullable(subnets.get(subnetId));
    }

    /**
     * The route table of {@code subnetId}; {@code vpcId} is its VPC as the resource placed in it says (used when
     * DescribeSubnets did not list the subnet). Empty when neither an explicit nor a main table is known.
     */
    public Optional<Routed> routeTable(String subnetId, String vpcId) {
        RouteTable table = explicit.get(subnetId);
        if (table != null) {
            return Optional.of(new Routed(table, false));
        }
        String vpc = subnet(subnetId).map(Subnet::vpcId).orElse(vpcId);
        return Optional.ofNullable(vpc == null ? null : mainByVpc.get(vpc)).map(t -> new Routed(t, true));
    }
}
