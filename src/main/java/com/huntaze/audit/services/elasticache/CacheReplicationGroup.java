package com.huntaze.audit.services.elasticache;

import java.time.Instant;
import java.util.List;

/**
 * An ElastiCache replication group (Redis OSS or Valkey: Memcached has none), from DescribeReplicationGroups.
 * Flags AWS leaves out read as false.
 *
 * @param engine             {@code redis} or {@code valkey}; null when AWS omits it (answers before 2023 did)
 * @param clusterMode        cluster mode enabled (data sharded over several node groups)
 * @param multiAz            MultiAZ is {@code enabled}
 * @param automaticFailover  AutomaticFailover is {@code enabled} ({@code enabling} is not yet)
 * @param userGroupIds       the RBAC user groups clients authenticate against
 * @param memberClusterIds   its cache clusters, one per node: their count is the group's node count
 * @param availabilityZones  the distinct zones of its nodes, in the order AWS lists them
 * @param replicationGroupCreateTime its ReplicationGroupCreateTime, or null when AWS does not say
 */
public record CacheReplicationGroup(
        String id,
        String arn,
        String engine,
        String status,
        String cacheNodeType,
        boolean clusterMode,
        boolean multiAz,
        boolean automaticFailover,
        int snapshotRetentionDays,
        boolean atRestEncryption,
        boolean transitEncryption,
        boolean authTokenEnabled,
        List<String> userGroupIds,
        List<String> memberClusterIds,
        List<String> availabilityZones,
        Instant replicationGroupCreateTime) {

    public CacheReplicationGroup {
        userGroupIds = userGroupIds == null ? List.of() : List.copyOf(userGroupIds);
        memberClusterIds = memberClusterIds == null ? List.of() : List.copyOf(memberClusterIds);
        availabilityZones = availabilityZones == null ? List.of() : List.copyOf(availabilityZones);
    }
}
