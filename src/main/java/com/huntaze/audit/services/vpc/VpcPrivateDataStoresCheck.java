package com.huntaze.audit.services.vpc;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.services.elasticache.CacheCluster;
import com.huntaze.audit.services.elasticache.CacheReplicationGroup;
import com.huntaze.audit.services.elasticache.CacheSubnetGroup;
import com.huntaze.audit.services.elasticache.ElastiCacheDatasets;
import com.huntaze.audit.services.rds.DbInstance;
import com.huntaze.audit.services.rds.RdsDatasets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * vpc.private-data-stores: every RDS instance and every ElastiCache replication group or standalone cache cluster
 * sits in private subnets only. A subnet is public when its route table (the explicitly associated one, else its
 * VPC's main table) has an active route, to any destination, to an internet gateway ({@code igw-}): one NOK naming
 * each such subnet and its route table. A replication group's subnets are those of its member clusters' cache
 * subnet group. Memcached clusters are judged too: the network is the same whatever the engine.
 */
public final class VpcPrivateDataStoresCheck implements Check {

    static final String DB_INSTANCE = "AWS::RDS::DBInstance";
    static final String REPLICATION_GROUP = "AWS::ElastiCache::ReplicationGroup";
    static final String CACHE_CLUSTER = "AWS::ElastiCache::CacheCluster";

    @Override
    public String id() {
        return "vpc.private-data-stores";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(RdsDatasets.DB_INSTANCES, ElastiCacheDatasets.REPLICATION_GROUPS,
                ElastiCacheDatasets.CACHE_CLUSTERS, ElastiCacheDatasets.CACHE_SUBNET_GROUPS, VpcDatasets.SUBNETS,
                VpcDatasets.ROUTE_TABLES);
    }

    /**
     * A data store and where it is placed.
     *
     * @param subnetGroup its subnet group's name (several, comma-separated, for a group whose nodes disagree)
     * @param unknown     why its subnets are unknown, or null when they are known
     */
    private record Store(String type, String id, String arn, String subnetGroup, String vpcId, List<String> subnetIds,
                         String unknown) {
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        VpcRouting routing = new VpcRouting(ctx.get(VpcDatasets.SUBNETS), ctx.get(VpcDatasets.ROUTE_TABLES));
        List<Store> stores = new ArrayList<>();
        for (DbInstance db : ctx.get(RdsDatasets.DB_INSTANCES)) {
            stores.add(new Store(DB_INSTANCE, db.id(), db.arn(), db.subnetGroupName(), db.vpcId(), db.subnetIds(),
                    db.subnetIds().isEmpty() ? "DescribeDBInstances names no DB subnet group for it" : null));
        }
        stores.addAll(caches(ctx));
        return stores.stream().map(s -> judge(ctx, routing, s).withResourceType(s.type())).toList();
    }

    private static List<Store> caches(CheckContext ctx) {
        Map<String, CacheSubnetGroup> subnetGroups = ctx.get(ElastiCacheDatasets.CACHE_SUBNET_GROUPS).stream()
                .collect(Collectors.toMap(CacheSubnetGroup::name, Function.identity(), (a, b) -> a));
        List<CacheCluster> clusters = ctx.get(ElastiCacheDatasets.CACHE_CLUSTERS);
        List<Store> stores = new ArrayList<>();
        Set<String> members = new HashSet<>();
        for (CacheReplicationGroup g : ctx.get(ElastiCacheDatasets.REPLICATION_GROUPS)) {
            members.addAll(g.memberClusterIds());
            Set<String> names = clusters.stream()
                    .filter(c -> g.id().equals(c.replicationGroupId()) || g.memberClusterIds().contains(c.id()))
                    .map(CacheCluster::cacheSubnetGroupName).filter(n -> n != null && !n.isEmpty())
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            stores.add(cacheStore(REPLICATION_GROUP, g.id(), g.arn(), names, subnetGroups,
                    "DescribeCacheClusters lists no member cluster with a cache subnet group"));
        }
        for (CacheCluster c : clusters) {
            boolean member = (c.replicationGroupId() != null && !c.replicationGroupId().isEmpty())
                    || members.contains(c.id());
            if (!member) {
                Set<String> names = c.cacheSubnetGroupName() == null || c.cacheSubnetGroupName().isEmpty()
                        ? Set.of() : Set.of(c.cacheSubnetGroupName());
                stores.add(cacheStore(CACHE_CLUSTER, c.id(), c.arn(), names, subnetGroups,
                        "DescribeCacheClusters names no cache subnet group for it"));
            }
        }
        return stores;
    }

    private static Store cacheStore(String type, String id, String arn, Set<String> names,
                                    Map<String, CacheSubnetGroup> subnetGroups, String noName) {
        if (names.isEmpty()) {
            return new Store(type, id, arn, null, null, List.of(), noName);
        }
        List<String> missing = names.stream().filter(n -> !subnetGroups.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            return new Store(type, id, arn, String.join(", ", names), null, List.of(), "cache subnet group "
                    + String.join(", ", missing) + " is not in DescribeCacheSubnetGroups");
        }
        Set<String> subnets = new LinkedHashSet<>();
        String vpc = null;
        for (String name : names) {
            subnets.addAll(subnetGroups.get(name).subnetIds());
            vpc = vpc == null ? subnetGroups.get(name).vpcId() : vpc;
        }
        return new Store(type, id, arn, String.join(", ", names), vpc, List.copyOf(subnets),
                subnets.isEmpty() ? "its cache subnet group has no subnet" : null);
    }

    /** "0.0.0.0/0 and ::/0 to igw-1": the table's routes to internet gateways, by gateway. */
    private static String internetRoutes(RouteTable table) {
        Map<String, List<String>> byGateway = new LinkedHashMap<>();
        table.internetRoutes().forEach(r -> byGateway.computeIfAbsent(r.target(), g -> new ArrayList<>())
                .add(r.destination()));
        return byGateway.entrySet().stream().map(e -> String.join(" and ", e.getValue()) + " to " + e.getKey())
                .collect(Collectors.joining(", "));
    }

    private static Finding judge(CheckContext ctx, VpcRouting routing, Store s) {
        if (s.unknown() != null) {
            return ctx.todo(s.id(), s.arn(), "Its subnets are unknown (" + s.unknown() + "): whether it sits in a"
                    + " private subnet cannot be told.", Evidence.of("SubnetGroup", s.subnetGroup()))
                    .withRemediation("Look up its subnet group in the console (or with the verify command) and check"
                            + " that each subnet's route table has no route to an internet gateway.");
        }
        List<String> publicSubnets = new ArrayList<>();
        Map<VpcRouting.Routed, List<String>> publicByTable = new LinkedHashMap<>();
        List<String> placement = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String subnetId : s.subnetIds()) {
            String zone = routing.subnet(subnetId).map(Subnet::availabilityZone).orElse(null);
            String where = subnetId + (zone == null ? "" : " (" + zone + ")");
            Optional<VpcRouting.Routed> routed = routing.routeTable(subnetId, s.vpcId());
            if (routed.isEmpty()) {
                unknown.add(subnetId);
                continue;
            }
            RouteTable table = routed.get().table();
            placement.add(where + ": " + table.id() + (routed.get().viaMainTable() ? " (main)" : ""));
            if (!table.internetRoutes().isEmpty()) {
                publicSubnets.add(where + ": " + table.id() + " routes " + internetRoutes(table));
                publicByTable.computeIfAbsent(routed.get(), r -> new ArrayList<>()).add(where);
            }
        }
        if (!publicSubnets.isEmpty()) {
            List<String> named = new ArrayList<>();
            publicByTable.forEach((routed, subnets) -> named.add(String.join(", ", subnets)
                    + (subnets.size() == 1 ? " uses" : " use") + " route table " + routed.table().id()
                    + (routed.viaMainTable() ? " (the main table of " + routed.table().vpcId() + ")" : "")
                    + ", which routes " + internetRoutes(routed.table())));
            return ctx.nok(s.id(), s.arn(), "In a public subnet: " + String.join("; ", named) + ". A data store"
                            + " belongs in private subnets: there, a public address or a security group mistake does"
                            + " not put it on the internet.",
                    Evidence.of("SubnetGroup", s.subnetGroup(), "PublicSubnets", publicSubnets,
                            "Subnets", placement));
        }
        if (!unknown.isEmpty()) {
            return ctx.todo(s.id(), s.arn(), "No route table is known for " + String.join(", ", unknown)
                            + " (neither an explicit one nor its VPC's main table was listed): whether it is private"
                            + " cannot be told.", Evidence.of("SubnetGroup", s.subnetGroup(), "Subnets", placement,
                            "UnknownSubnets", unknown))
                    .withRemediation("Check with aws ec2 describe-route-tables --filters Name=association.subnet-id,"
                            + "Values=SUBNET that no route of the subnet's table goes to an internet gateway.");
        }
        return ctx.ok(s.id(), s.arn(), (s.subnetIds().size() == 1 ? "The one subnet of its subnet group is"
                        : "All " + s.subnetIds().size() + " subnets of its subnet group are")
                        + " private: no route to an internet gateway.",
                Evidence.of("SubnetGroup", s.subnetGroup(), "Subnets", placement));
    }
}
