package com.huntaze.audit.services.elasticache;

import static com.huntaze.audit.testing.Fixtures.cacheCluster;
import static com.huntaze.audit.testing.Fixtures.cacheGroup;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Status;
import com.huntaze.audit.testing.CheckHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class ElastiCacheMultiAzCheckTest {

    private static CheckHarness audit(List<CacheReplicationGroup> groups, List<CacheCluster> clusters) {
        return CheckHarness.of(new ElastiCacheMultiAzCheck())
                .with(ElastiCacheDatasets.REPLICATION_GROUPS, groups)
                .with(ElastiCacheDatasets.CACHE_CLUSTERS, clusters);
    }

    @Test
    void aGroupWithMultiAzAndAutomaticFailoverIsOk() {
        var finding = audit(List.of(cacheGroup("sessions").build()), List.of()).finding("sessions");
        assertThat(finding.status()).isEqualTo(Status.OK);
        assertThat(finding.resourceType()).isEqualTo("AWS::ElastiCache::ReplicationGroup");
        assertThat(finding.evidence()).containsEntry("MultiAZ", true).containsEntry("AutomaticFailover", true)
                .containsEntry("CacheNodeType", "cache.r7g.large")
                .containsEntry("AvailabilityZones", List.of("us-east-1a", "us-east-1b"));
    }

    @Test
    void failoverWithoutMultiAzIsNokNamingWhatIsMissing() {
        var finding = audit(List.of(cacheGroup("sessions").multiAz(false).build()), List.of()).finding("sessions");
        assertThat(finding.status()).isEqualTo(Status.NOK);
        assertThat(finding.message()).startsWith("Multi-AZ is disabled").doesNotContain("automatic failover");
    }

    @Test
    void aSingleNodeGroupWithNeitherSettingIsNokAndSaysToAddAReplica() {
        var group = cacheGroup("queue").multiAz(false).automaticFailover(false).singleNode("us-east-1c").build();
        var finding = audit(List.of(group), List.of()).finding("queue");
        assertThat(finding.status()).isEqualTo(Status.NOK);
        assertThat(finding.message()).contains("Multi-AZ and automatic failover are disabled")
                .contains("single node (cache.r7g.large in us-east-1c)").contains("add a replica");
        assertThat(finding.evidence()).containsEntry("Nodes", 1).containsEntry("AvailabilityZones", "us-east-1c");
    }

    @Test
    void aStandaloneRedisNodeIsNokWithItsNodeTypeAndZone() {
        var finding = audit(List.of(), List.of(cacheCluster("solo").zone("us-east-1b").build())).finding("solo");
        assertThat(finding.status()).isEqualTo(Status.NOK);
        assertThat(finding.resourceType()).isEqualTo("AWS::ElastiCache::CacheCluster");
        assertThat(finding.resourceArn()).isEqualTo("arn:aws:elasticache:us-east-1:123456789012:cluster:solo");
        assertThat(finding.message()).contains("Standalone node (cache.t4g.small in us-east-1b)");
        assertThat(finding.evidence()).containsEntry("CacheNodeType", "cache.t4g.small")
                .containsEntry("AvailabilityZone", "us-east-1b").containsEntry("ReplicationGroup", "none");
    }

    @Test
    void aStandaloneValkeyNodeIsJudgedLikeRedis() {
        var finding = audit(List.of(), List.of(cacheCluster("v").engine("valkey").build())).finding("v");
        assertThat(finding.status()).isEqualTo(Status.NOK);
    }

    @Test
    void aStandaloneNodeWithoutAZoneStillGetsAFinding() {
        var finding = audit(List.of(), List.of(cacheCluster("solo").zone(null).build())).finding("solo");
        assertThat(finding.status()).isEqualTo(Status.NOK);
        assertThat(finding.evidence()).doesNotContainKey("AvailabilityZone");
        assertThat(finding.message()).contains("(cache.t4g.small)");
    }

    @Test
    void groupMembersAreJudgedThroughTheirGroupOnly() {
        // One member carries ReplicationGroupId; the other does not (as in moto's answers) but is listed by the group.
        var group = cacheGroup("sessions").build();
        var findings = audit(List.of(group), List.of(cacheCluster("sessions-001").memberOf("sessions").build(),
                cacheCluster("sessions-002").build())).findings();
        assertThat(findings).extracting(f -> f.resourceId()).containsExactly("sessions");
    }

    @Test
    void memcachedClustersGetNoFinding() {
        var findings = audit(List.of(), List.of(cacheCluster("memc").engine("memcached").nodes(3).build())).findings();
        assertThat(findings).isEmpty();
    }
}
