package com.huntaze.audit.services.elasticache;

import com.fasterxml.jackson.core.type.TypeReference;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;

/** The datasets of the elasticache service, each filled by one of its collectors. */
public final class ElastiCacheDatasets {
    private ElastiCacheDatasets() {
    }

    public static final Dataset<List<CacheReplicationGroup>> REPLICATION_GROUPS =
            new Dataset<>("elasticache.replicationGroups", Scope.REGIONAL, "elasticache", new TypeReference<>() { });

    /** Every cache cluster, replication group members included (one cluster per node there). */
    public static final Dataset<List<CacheCluster>> CACHE_CLUSTERS =
            new Dataset<>("elasticache.cacheClusters", Scope.REGIONAL, "elasticache", new TypeReference<>() { });

    /** The cache subnet groups: the subnets a cache cluster's nodes are placed in. */
    public static final Dataset<List<CacheSubnetGroup>> CACHE_SUBNET_GROUPS =
            new Dataset<>("elasticache.cacheSubnetGroups", Scope.REGIONAL, "elasticache", new TypeReference<>() { });

    /**
     * The events of the last {@code attestationMaxAgeDays} days, at most the 14 days ElastiCache keeps: the evidence
     * of {@code manual.failover-test}.
     */
    public static final Dataset<List<CacheEvent>> EVENTS =
            new Dataset<>("elasticache.events", Scope.REGIONAL, "elasticache", new TypeReference<>() { });
}
