package com.huntaze.audit.services.elasticache;

import com.huntaze.audit.collection.ServiceClient;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import com.huntaze.audit.collection.CollectionContext;
import com.huntaze.audit.collection.DatasetCollector;

import static com.huntaze.audit.collection.AwsCalls.call;

import com.huntaze.audit.inventory.Dataset;
import java.util.List;
import software.amazon.awssdk.services.elasticache.ElastiCacheClientBuilder;
import software.amazon.awssdk.services.elasticache.model.AutomaticFailoverStatus;
import software.amazon.awssdk.services.elasticache.model.MultiAZStatus;
import software.amazon.awssdk.services.elasticache.model.NodeGroup;
import software.amazon.awssdk.services.elasticache.model.NodeGroupMember;
import software.amazon.awssdk.services.elasticache.model.SecurityGroupMembership;
import software.amazon.awssdk.services.elasticache.model.Subnet;

/**
 * ElastiCache: DescribeReplicationGroups, DescribeCacheClusters and DescribeCacheSubnetGroups, all pages at the
 * maximum page size (100).
 * DescribeCacheClusters is called without ShowCacheNodeInfo: PreferredAvailabilityZone and NumCacheNodes say what
 * the checks need, and the per-node details would only make every page larger.
 */
final class ElastiCacheCollectors {
    private ElastiCacheCollectors() {
    }

    static final ServiceClient<ElastiCacheClient, ElastiCacheClientBuilder> ELASTICACHE =
            ServiceClient.regional("elasticache", ElastiCacheClient::builder);

    static final int MAX_RECORDS = 100;

    static final DatasetCollector<List<CacheReplicationGroup>> REPLICATION_GROUPS = new DatasetCollector<>() {
        @Override
        public Dataset<List<CacheReplicationGroup>> dataset() {
            return ElastiCacheDatasets.REPLICATION_GROUPS;
        }

        @Override
        public List<String> actions() {
            return List.of("elasticache:DescribeReplicationGroups");
        }

        @Override
        public List<CacheReplicationGroup> collect(CollectionContext context) {
            return call("elasticache:DescribeReplicationGroups", () -> context.client(ELASTICACHE)
                    .describeReplicationGroupsPaginator(r -> r.maxRecords(MAX_RECORDS)).replicationGroups().stream()
                    .map(g -> new CacheReplicationGroup(
                            g.replicationGroupId(),
                            g.arn(),
                            g.engine(),
                            g.status(),
                            g.cacheNodeType(),
                            Boolean.TRUE.equals(g.clusterEnabled()),
                            g.multiAZ() == MultiAZStatus.ENABLED,
                            g.automaticFailover() == AutomaticFailoverStatus.ENABLED,
                            nonNull(g.snapshotRetentionLimit()),
                            Boolean.TRUE.equals(g.atRestEncryptionEnabled()),
                            Boolean.TRUE.equals(g.transitEncryptionEnabled()),
                            Boolean.TRUE.equals(g.authTokenEnabled()),
                            g.userGroupIds(),
                            g.memberClusters(),
                            g.nodeGroups().stream().map(NodeGroup::nodeGroupMembers).flatMap(List::stream)
                                    .map(NodeGroupMember::preferredAvailabilityZone)
                                    .filter(zone -> zone != null && !zone.isEmpty())
                                    .distinct().toList(),
                            g.replicationGroupCreateTime()))
                    .toList());
        }
    };

    static final DatasetCollector<List<CacheCluster>> CACHE_CLUSTERS = new DatasetCollector<>() {
        @Override
        public Dataset<List<CacheCluster>> dataset() {
            return ElastiCacheDatasets.CACHE_CLUSTERS;
        }

        @Override
        public List<String> actions() {
            return List.of("elasticache:DescribeCacheClusters");
        }

        @Override
        public List<CacheCluster> collect(CollectionContext context) {
            return call("elasticache:DescribeCacheClusters", () -> context.client(ELASTICACHE)
                    .describeCacheClustersPaginator(r -> r.maxRecords(MAX_RECORDS)).cacheClusters().stream()
                    .map(c -> new CacheCluster(
                            c.cacheClusterId(),
                            c.arn(),
                            c.engine(),
                            c.engineVersion(),
                            c.cacheClusterStatus(),
                            c.cacheNodeType(),
                            nonNull(c.numCacheNodes()),
                            c.preferredAvailabilityZone(),
                            c.replicationGroupId(),
                            nonNull(c.snapshotRetentionLimit()),
                            Boolean.TRUE.equals(c.atRestEncryptionEnabled()),
                            Boolean.TRUE.equals(c.transitEncryptionEnabled()),
                            Boolean.TRUE.equals(c.authTokenEnabled()),
                            c.cacheClusterCreateTime(),
                            c.securityGroups().stream().map(SecurityGroupMembership::securityGroupId).toList(),
                            c.cacheSubnetGroupName()))
                    .toList());
        }
    };

    /** The cache subnet groups and their subnets: one walk per region, for the network checks. */
    static final DatasetCollector<List<CacheSubnetGroup>> CACHE_SUBNET_GROUPS = new DatasetCollector<>() {
        @Override
        public Dataset<List<CacheSubnetGroup>> dataset() {
            return ElastiCacheDatasets.CACHE_SUBNET_GROUPS;
        }

        @Override
        public List<String> actions() {
            return List.of("elasticache:DescribeCacheSubnetGroups");
        }

        @Override
        public List<CacheSubnetGroup> collect(CollectionContext context) {
            return call("elasticache:DescribeCacheSubnetGroups", () -> context.client(ELASTICACHE)
                    .describeCacheSubnetGroupsPaginator(r -> r.maxRecords(MAX_RECORDS)).cacheSubnetGroups().stream()
                    .map(g -> new CacheSubnetGroup(
                            g.cacheSubnetGroupName(),
                            g.arn(),
                            g.vpcId(),
                            g.subnets().stream().map(Subnet::subnetIdentifier).toList()))
                    .toList());
        }
    };

    private static int nonNull(Integer value) {
        return value == null ? 0 : value;
    }

    /**
     * One DescribeEvents walk per region over {@code attestationMaxAgeDays} (at most the 14 days ElastiCache keeps
     * events), every source type: ElastiCache has no event categories to filter on.
     */
    static final DatasetCollector<List<CacheEvent>> EVENTS = new DatasetCollector<>() {
        @Override
        public Dataset<List<CacheEvent>> dataset() {
            return ElastiCacheDatasets.EVENTS;
        }

        @Override
        public List<String> actions() {
            return List.of("elasticache:DescribeEvents");
        }

        @Override
        public List<CacheEvent> collect(CollectionContext context) {
            int minutes = com.huntaze.audit.services.manual.ManualCheck.eventWindowMinutes(context.metrics().thresholds());
            return call("elasticache:DescribeEvents", () -> context.client(ELASTICACHE)
                    .describeEventsPaginator(r -> r.duration(minutes).maxRecords(MAX_RECORDS)).events().stream()
                    .map(e -> new CacheEvent(e.sourceTypeAsString(), e.sourceIdentifier(), e.date(), e.message()))
                    .toList());
        }
    };
}
