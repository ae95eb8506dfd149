package com.huntaze.audit.services.elasticache;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An ElastiCache cache cluster, from DescribeCacheClusters: a standalone Redis OSS or Valkey node, a Memcached
 * cluster, or one node of a replication group. Flags AWS leaves out read as false (standalone clusters often
 * omit the encryption flags).
 *
 * @param availabilityZone   PreferredAvailabilityZone: a zone, {@code Multiple} for Memcached spread over zones,
 *                           or null when AWS omits it
 * @param replicationGroupId the replication group this node belongs to, or null for a standalone cluster
 * @param cacheClusterCreateTime its CacheClusterCreateTime, or null when AWS does not say
 * @param securityGroupIds   the ids of its SecurityGroups (VPC security groups)
 * @param cacheSubnetGroupName its CacheSubnetGroupName, or null when AWS does not say
 */
public record CacheCluster(
        String id,
        String arn,
        String engine,
        String engineVersion,
        String status,
        String cacheNodeType,
        int numCacheNodes,
        String availabilityZone,
        String replicationGroupId,
        int snapshotRetentionDays,
        boolean atRestEncryption,
        boolean transitEncryption,
        boolean authTokenEnabled,
        Instant cacheClusterCreateTime,
        List<String> securityGroupIds,
        String cacheSubnetGroupName) {

    public CacheCluster {
        securityGroupIds = securityGroupIds == null ? List.of() : List.copyOf(securityGroupIds);
    }

    /**
     * Whether it is a node of a replication group: by its own ReplicationGroupId, or by being among
     * {@code groupMembers} (the groups' member clusters), since some answers and emulators omit the former.
     */
    public boolean isGroupMember(Set<String> groupMembers) {
        return (replicationGroupId != null && !replicationGroupId.isEmpty()) || groupMembers.contains(id);
    }
}
