package com.huntaze.audit.services.manual;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.services.elasticache.CacheEvent;
import com.huntaze.audit.services.elasticache.ElastiCacheDatasets;
import com.huntaze.audit.services.rds.RdsDatasets;
import com.huntaze.audit.services.rds.RdsEvent;
import com.huntaze.audit.testing.CheckHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ManualFailoverTestCheckTest extends ManualCheckSpec {

    @Override
    ManualCheck check() {
        return new ManualFailoverTestCheck();
    }

    @Override
    List<String> stepsMention() {
        return List.of("--force-failover", "test-failover", "staging", "--event-categories failover");
    }

    @Override
    Set<Dataset<?>> evidenceDatasets() {
        return Set.of(RdsDatasets.FAILOVER_EVENTS, ElastiCacheDatasets.EVENTS);
    }

    private static Instant daysAgo(double days) {
        return CheckHarness.NOW.minus(Duration.ofMinutes((long) (days * 24 * 60)));
    }

    private static RdsEvent instanceEvent(String db, double daysAgo, String message) {
        return new RdsEvent("db-instance", db, "arn:aws:rds:us-east-1:123456789012:db:" + db, daysAgo(daysAgo), message,
                List.of("failover"));
    }

    private static RdsEvent clusterEvent(String cluster, double daysAgo, String message) {
        return new RdsEvent("db-cluster", cluster, "arn:aws:rds:us-east-1:123456789012:cluster:" + cluster,
                daysAgo(daysAgo), message, List.of("failover"));
    }

    private static CacheEvent cacheEvent(String type, String source, double daysAgo, String message) {
        return new CacheEvent(type, source, daysAgo(daysAgo), message);
    }

    private Finding only(CheckHarness harness) {
        List<Finding> findings = harness.findings();
        assertThat(findings).hasSize(1);
        return findings.get(0);
    }

    private Finding withRds(RdsEvent... events) {
        return only(harness().with("us-east-1", RdsDatasets.FAILOVER_EVENTS, List.of(events)));
    }

    private Finding withCache(CacheEvent... events) {
        return only(harness().with("eu-west-1", ElastiCacheDatasets.EVENTS, List.of(events)));
    }

    @Test
    void aMultiAzInstanceFailover3DaysAgoMakesItOkWithTheEventAsEvidence() {
        Finding finding = withRds(instanceEvent("staging-db", 3, "Multi-AZ instance failover started"),
                instanceEvent("staging-db", 3 - 0.001, "Multi-AZ instance failover completed"));

        assertThat(finding.status()).isEqualTo(Status.OK);
        assertThat(finding.resourceId()).isEmpty();
        assertThat(finding.message()).isEqualTo("Failover completed on 2026-11-19 (3 days ago): RDS db-instance"
                + " staging-db in us-east-1, \"Multi-AZ instance failover completed\".");
        assertThat(finding.evidence()).containsEntry("Event", "Multi-AZ instance failover completed")
                .containsEntry("Service", "RDS").containsEntry("SourceType", "db-instance")
                .containsEntry("SourceId", "staging-db").containsEntry("Region", "us-east-1")
                .containsEntry("AgeDays", 3L).containsEntry("MaxAgeDays", 90).containsKey("Date");
    }

    @Test
    void theOtherWordingsOfACompletedRdsFailoverCountToo() {
        assertThat(withRds(clusterEvent("staging-aurora", 1, "Completed failover to DB instance: staging-aurora-2"))
                .status()).isEqualTo(Status.OK);
        assertThat(withRds(instanceEvent("staging-db", 1, "A Multi-AZ failover has completed.")).status())
                .isEqualTo(Status.OK);
        assertThat(withRds(clusterEvent("staging-aurora", 1, "A failover for the DB cluster has finished.")).status())
                .isEqualTo(Status.OK);
    }

    @Test
    void aFailoverThatOnlyStartedOrFailedIsNoEvidence() {
        assertThat(withRds(instanceEvent("staging-db", 1, "Multi-AZ instance failover started")).status())
                .isEqualTo(Status.TODO);
        assertThat(withRds(clusterEvent("staging-aurora", 1, "A failover for the DB cluster has failed.")).status())
                .isEqualTo(Status.TODO);
        RdsEvent backup = new RdsEvent("db-instance", "staging-db", null, daysAgo(1), "Backing up DB instance",
                List.of("backup"));
        assertThat(withRds(backup).status()).as("another category (moto ignores the filter)").isEqualTo(Status.TODO);
    }

    @Test
    void anElastiCacheFailoverToAReplicaCounts() {
        Finding finding = withCache(cacheEvent("replication-group", "staging-sessions", 2,
                "Failover from primary node staging-sessions-001 to replica node staging-sessions-002 completed"));

        assertThat(finding.status()).isEqualTo(Status.OK);
        assertThat(finding.evidence()).containsEntry("Service", "ElastiCache").containsEntry("Region", "eu-west-1")
                .containsEntry("SourceId", "staging-sessions");
        assertThat(withCache(cacheEvent("cache-cluster", "staging-sessions-002", 2,
                "Failover to replica node staging-sessions-002 completed")).status()).isEqualTo(Status.OK);
    }

    @Test
    void aFinishedRecoveryCountsOnlyAfterATestFailoverOfItsGroup() {
        CacheEvent recovery = cacheEvent("cache-cluster", "staging-sessions-0001-002", 2,
                "Finished recovery for cache nodes 0001");
        CacheEvent testFailover = cacheEvent("replication-group", "staging-sessions", 2.01,
                "Test Failover API called for node group 0001");
        CacheEvent otherGroup = cacheEvent("replication-group", "other", 2.01,
                "Test Failover API called for node group 0001");

        assertThat(withCache(recovery).status()).as("a node AWS replaced by itself").isEqualTo(Status.TODO);
        assertThat(withCache(otherGroup, recovery).status()).isEqualTo(Status.TODO);
        assertThat(withCache(testFailover, recovery).status()).isEqualTo(Status.OK);
        assertThat(withCache(testFailover, recovery).evidence())
                .containsEntry("Event", "Finished recovery for cache nodes 0001");
    }

    @Test
    void theLatestFailoverOfEitherServiceAndAnyRegionCounts() {
        Finding finding = only(harness()
                .with("us-east-1", RdsDatasets.FAILOVER_EVENTS, List.of(
                        instanceEvent("staging-db", 6, "Multi-AZ instance failover completed")))
                .with("eu-west-1", ElastiCacheDatasets.EVENTS, List.of(cacheEvent("cache-cluster", "eu-cache-002", 2,
                        "Failover to replica node eu-cache-002 completed"))));

        assertThat(finding.evidence()).containsEntry("Service", "ElastiCache").containsEntry("AgeDays", 2L);
    }

    @Test
    void withoutAFailoverInTheEventsItSaysEventsAreKept14DaysAndAnOlderTestMustBeAttested() {
        Finding finding = withRds(instanceEvent("staging-db", 15, "Multi-AZ instance failover completed"));

        assertThat(finding.status()).isEqualTo(Status.TODO);
        assertThat(finding.message()).startsWith("No completed failover in the RDS or ElastiCache events of the last 14"
                        + " days in the audited regions (both keep events 14 days: a test older than that must be"
                        + " attested). Otherwise it cannot be verified through the AWS API: ")
                .contains("attest it in the config file");
    }

    @Test
    void aShorterAttestationMaxAgeDaysShortensTheWindow() {
        CheckHarness sevenDays = harness().threshold(ManualCheck.ATTESTATION_MAX_AGE_DAYS, 7)
                .with("us-east-1", RdsDatasets.FAILOVER_EVENTS, List.of(
                        instanceEvent("staging-db", 8, "Multi-AZ instance failover completed")));

        assertThat(only(sevenDays).status()).isEqualTo(Status.TODO);
        assertThat(only(sevenDays).message()).contains("events of the last 7 days");
        assertThat(ManualCheck.eventWindowDays(7)).isEqualTo(7);
        assertThat(ManualCheck.eventWindowDays(90)).isEqualTo(14);
        assertThat(ManualCheck.eventWindowMinutes(com.huntaze.audit.engine.Thresholds.defaults()))
                .as("DescribeEvents' longest Duration").isEqualTo(20160);
    }

    @Test
    void anExpiredAttestationStillTellsWhatTheEventsCanShow() {
        Finding finding = only(harness().attestation(check().id(), "sam", TODAY.minusDays(130), "74 s of errors"));

        assertThat(finding.status()).isEqualTo(Status.TODO);
        assertThat(finding.message()).contains("attestation expired").contains("130 days ago")
                .endsWith("must be attested).");
    }
}
