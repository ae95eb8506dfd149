package com.huntaze.audit.services.elasticache;

import static com.huntaze.audit.testing.Fixtures.cacheCluster;
import static com.huntaze.audit.testing.Fixtures.cacheGroup;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Status;
import com.huntaze.audit.testing.CheckHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class ElastiCacheBackupRetentionCheckTest {

    private static CheckHarness audit(List<CacheReplicationGroup> groups, List<CacheCluster> clusters) {
        return CheckHarness.of(new ElastiCacheBackupRetentionCheck())
                .with(ElastiCacheDatasets.REPLICATION_GROUPS, groups)
                .with(ElastiCacheDatasets.CACHE_CLUSTERS, clusters);
    }

    @Test
    void sevenDaysMeetsTheDefaultMinimum() {
        var finding = audit(List.of(cacheGroup("sessions").snapshotDays(7).build()), List.of()).finding("sessions");
        assertThat(finding.status()).isEqualTo(Status.OK);
        assertThat(finding.evidence()).containsEntry("SnapshotRetentionLimit", 7).containsEntry("MinimumDays", 7);
    }

    @Test
    void zeroMeansAutomaticBackupsDisabled() {
        var finding = audit(List.of(cacheGroup("sessions").snapshotDays(0).build()), List.of()).finding("sessions");
        assertThat(finding.status()).isEqualTo(Status.NOK);
        assertThat(finding.message()).contains("automatic backups disabled");
        assertThat(finding.evidence()).containsEntry("SnapshotRetentionLimit", 0);
    }

    @Test
    void fewerDaysThanTheMinimumIsNok() {
        var finding = audit(List.of(cacheGroup("sessions").snapshotDays(1).build()), List.of()).finding("sessions");
        assertThat(finding.status()).isEqualTo(Status.NOK);
        assertThat(finding.message()).contains("1 day,").contains("required 7");
    }

    @Test
    void theMinimumIsATunableThreshold() {
        var audit = audit(List.of(cacheGroup("sessions").snapshotDays(7).build()), List.of())
                .threshold(ElastiCacheBackupRetentionCheck.MIN_SNAPSHOT_DAYS, 14);
        assertThat(audit.finding("sessions").status()).isEqualTo(Status.NOK);
        assertThat(audit.finding("sessions").evidence()).containsEntry("MinimumDays", 14);
        var lenient = audit(List.of(cacheGroup("sessions").snapshotDays(3).build()), List.of())
                .threshold(ElastiCacheBackupRetentionCheck.MIN_SNAPSHOT_DAYS, 3);
        assertThat(lenient.finding("sessions").status()).isEqualTo(Status.OK);
    }

    @Test
    void aStandaloneRedisNodeIsJudgedOnItsOwnRetention() {
        var audit = audit(List.of(), List.of(cacheCluster("solo").snapshotDays(0).build(),
                cacheCluster("kept").snapshotDays(10).build()));
        assertThat(audit.finding("solo").status()).isEqualTo(Status.NOK);
        assertThat(audit.finding("solo").resourceType()).isEqualTo("AWS::ElastiCache::CacheCluster");
        assertThat(audit.finding("solo").evidence()).containsEntry("Kind", "standalone node");
        assertThat(audit.finding("kept").status()).isEqualTo(Status.OK);
    }

    @Test
    void groupMembersAndMemcachedGetNoFindingOfTheirOwn() {
        var findings = audit(List.of(cacheGroup("sessions").build()), List.of(
                cacheCluster("sessions-001").memberOf("sessions").snapshotDays(0).build(),
                cacheCluster("memc").engine("memcached").build())).findings();
        assertThat(findings).extracting(f -> f.resourceId()).containsExactly("sessions");
    }
}
