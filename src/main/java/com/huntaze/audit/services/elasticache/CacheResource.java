package com.huntaze.audit.services.elasticache;

import com.huntaze.audit.engine.Finding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the ElastiCache checks judge: each replication group, and each Redis OSS or Valkey cache cluster that
 * belongs to no replication group (a standalone single node, as most first deployments are). Members of a group
 * are judged through their group, whose settings they share.
 *
 * <p>Memcached clusters are left out of every ElastiCache check: Memcached has no replicas to fail over to, no
 * backups, no encryption at rest and no AUTH, so these checks could only ever say NOK about it, with no setting to
 * change. It is a cache that loses its data by design.
 *
 * @param standalone true for a cache cluster outside any replication group
 * @param availabilityZones the zones of its nodes (possibly empty when AWS omits them)
 */
record CacheResource(
        String id,
        String arn,
        boolean standalone,
        String engine,
        String cacheNodeType,
        int nodes,
        List<String> availabilityZones,
        boolean multiAz,
        boolean automaticFailover,
        int snapshotRetentionDays,
        boolean atRestEncryption,
        boolean transitEncryption,
        boolean authTokenEnabled,
        List<String> userGroupIds) {

    static final String CACHE_CLUSTER_TYPE = "AWS::ElastiCache::CacheCluster";

    static List<CacheResource> of(List<CacheReplicationGroup> groups, List<CacheCluster> clusters) {
        List<CacheResource> resources = new ArrayList<>();
        Set<String> members = new HashSet<>();
        for (CacheReplicationGroup g : groups) {
            members.addAll(g.memberClusterIds());
            resources.add(new CacheResource(g.id(), g.arn(), false, g.engine(), g.cacheNodeType(),
                    g.memberClusterIds().size(), g.availabilityZones(), g.multiAz(), g.automaticFailover(),
                    g.snapshotRetentionDays(), g.atRestEncryption(), g.transitEncryption(), g.authTokenEnabled(),
                    g.userGroupIds()));
        }
        for (CacheCluster c : clusters) {
            // Membership from either side: some answers (and emulators) omit ReplicationGroupId on the members.
            boolean member = (c.replicationGroupId() != null && !c.replicationGroupId().isEmpty())
                    || members.contains(c.id());
            if (member || !isRedisOrValkey(c.engine())) {
                continue;
            }
            resources.add(new CacheResource(c.id(), c.arn(), true, c.engine(), c.cacheNodeType(), c.numCacheNodes(),
                    c.availabilityZone() == null ? List.of() : List.of(c.availabilityZone()), false, false,
                    c.snapshotRetentionDays(), c.atRestEncryption(), c.transitEncryption(), c.authTokenEnabled(),
                    List.of()));
        }
        return resources;
    }

    private static boolean isRedisOrValkey(String engine) {
        String name = engine == null ? "" : engine.toLowerCase(Locale.ROOT);
        return name.equals("redis") || name.equals("valkey");
    }

    /** "replication group" or "standalone node", for messages. */
    String kind() {
        return standalone ? "standalone node" : "replication group";
    }

    /** The zones for evidence: one zone as text, several as a list, none left out. */
    Object zonesEvidence() {
        return availabilityZones.isEmpty() ? null
                : availabilityZones.size() == 1 ? availabilityZones.get(0) : availabilityZones;
    }

    /** The finding with the resource type of what it is about: a standalone node is a cache cluster. */
    Finding typed(Finding finding) {
        if (!standalone) {
            return finding;
        }
        return finding.withResourceType(CACHE_CLUSTER_TYPE);
    }
}
