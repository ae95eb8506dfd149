package com.huntaze.audit.services.ec2;

import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.services.ecs.EcsDatasets;
import com.huntaze.audit.services.ecs.EcsService;
import com.huntaze.audit.services.elasticache.CacheCluster;
import com.huntaze.audit.services.elasticache.ElastiCacheDatasets;
import com.huntaze.audit.services.elbv2.Elbv2Datasets;
import com.huntaze.audit.services.elbv2.LoadBalancer;
import com.huntaze.audit.services.rds.DbInstance;
import com.huntaze.audit.services.rds.RdsDatasets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which audited resources use each security group, for evidence: RDS instances, ElastiCache clusters (a replication
 * group's nodes by their group), ECS services (awsvpc), load balancers and network interfaces, each kind sorted by
 * id, in that order. A group nothing uses is said to be used by {@value #NOTHING}.
 */
final class SecurityGroupUsage {

    /** How many users the evidence names before "and N more". */
    static final int SHOWN = 10;

    static final String NOTHING = "nothing";

    private enum Kind { RDS, ELASTICACHE, ECS, ELB, ENI }

    private final Map<String, Map<Kind, TreeSet<String>>> users = new HashMap<>();

    private SecurityGroupUsage() {
    }

    /** What could not be read, e.g. "ECS services (ecs:ListClusters access denied (AccessDenied))". */
    private final List<String> unknown = new ArrayList<>();

    /**
     * The users of every group, from the datasets {@link Ec2SecurityGroupOpenPortsCheck} requires; a dataset that
     * could not be read is listed as unknown rather than read as "nothing".
     */
    static SecurityGroupUsage of(CheckContext ctx) {
        SecurityGroupUsage usage = new SecurityGroupUsage();
        if (usage.readable(ctx, RdsDatasets.DB_INSTANCES, "RDS instances")) {
            for (DbInstance db : ctx.get(RdsDatasets.DB_INSTANCES)) {
                usage.add(db.vpcSecurityGroupIds(), Kind.RDS, "RDS " + db.id());
            }
        }
        if (usage.readable(ctx, ElastiCacheDatasets.CACHE_CLUSTERS, "ElastiCache clusters")) {
            for (CacheCluster c : ctx.get(ElastiCacheDatasets.CACHE_CLUSTERS)) {
                boolean member = c.replicationGroupId() != null && !c.replicationGroupId().isEmpty();
                usage.add(c.securityGroupIds(), Kind.ELASTICACHE,
                        "ElastiCache " + (member ? c.replicationGroupId() : c.id()));
            }
        }
        if (usage.readable(ctx, EcsDatasets.SERVICES, "ECS services")) {
            for (EcsService s : ctx.get(EcsDatasets.SERVICES)) {
                if (!"INACTIVE".equals(s.status())) {
                    usage.add(s.securityGroups(), Kind.ECS, "ECS " + s.qualifiedName());
                }
            }
        }
        if (usage.readable(ctx, Elbv2Datasets.LOAD_BALANCERS, "load balancers")) {
            for (LoadBalancer lb : ctx.get(Elbv2Datasets.LOAD_BALANCERS)) {
                usage.add(lb.securityGroups(), Kind.ELB, "ELB " + lb.name());
            }
        }
        if (usage.readable(ctx, Ec2Datasets.NETWORK_INTERFACES, "network interfaces")) {
            for (NetworkInterface eni : ctx.get(Ec2Datasets.NETWORK_INTERFACES)) {
                usage.add(eni.securityGroupIds(), Kind.ENI, "ENI " + eni.id() + detail(eni));
            }
        }
        return usage;
    }

    private boolean readable(CheckContext ctx, com.huntaze.audit.inventory.Dataset<?> dataset, String what) {
        return ctx.failure(dataset).map(f -> unknown.add(what + " (" + f.action() + " " + f.reason() + ")"))
                .isEmpty();
    }

    /** What could not be read, for evidence ({@code UsedByUnknown}); empty when everything was. */
    List<String> unknown() {
        return List.copyOf(unknown);
    }

    private static String detail(NetworkInterface eni) {
        if (eni.instanceId() != null && !eni.instanceId().isBlank()) {
            return " (" + eni.instanceId() + ")";
        }
        String description = eni.description() == null ? "" : eni.description().strip();
        if (description.isEmpty()) {
            return "";
        }
        return " (" + (description.length() > 60 ? description.substring(0, 59) + "…" : description) + ")";
    }

    private void add(Collection<String> groupIds, Kind kind, String user) {
        for (String groupId : groupIds) {
            users.computeIfAbsent(groupId, g -> new EnumMap<>(Kind.class))
                    .computeIfAbsent(kind, k -> new TreeSet<>()).add(user);
        }
    }

    /** Whether nothing audited uses the group. */
    boolean unused(String groupId) {
        return !users.containsKey(groupId);
    }

    /**
     * For evidence: {@value #NOTHING}, or the users (at most {@value #SHOWN}, then {@code "and N more"}).
     */
    Object evidence(String groupId) {
        Map<Kind, TreeSet<String>> byKind = users.get(groupId);
        if (byKind == null) {
            return unknown.isEmpty() ? NOTHING : "nothing among what could be read";
        }
        List<String> all = new ArrayList<>();
        byKind.values().forEach(all::addAll);
        if (all.size() <= SHOWN) {
            return List.copyOf(all);
        }
        List<String> shown = new ArrayList<>(all.subList(0, SHOWN));
        shown.add("and " + (all.size() - SHOWN) + " more");
        return List.copyOf(shown);
    }
}
