package com.huntaze.audit.services.elasticache;

import static com.huntaze.audit.testing.Fixtures.cacheCluster;
import static com.huntaze.audit.testing.Fixtures.cacheGroup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huntaze.audit.engine.CatalogException;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.services.rds.RdsEngineSupportCheck;
import com.huntaze.audit.testing.CheckHarness;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness's reference time is 2026-11-22T12:00Z. */
class ElastiCacheEngineSupportCheckTest {

    private static CheckHarness audit(ElastiCacheEngineSupportCheck check, List<CacheReplicationGroup> groups,
                                      List<CacheCluster> clusters) {
        return CheckHarness.of(check)
                .with(ElastiCacheDatasets.REPLICATION_GROUPS, groups)
                .with(ElastiCacheDatasets.CACHE_CLUSTERS, clusters);
    }

    private static CheckHarness audit(List<CacheReplicationGroup> groups, List<CacheCluster> clusters) {
        return audit(new ElastiCacheEngineSupportCheck(), groups, clusters);
    }

    @Test
    void redisOss4And5AreNokInBilledExtendedSupportSinceFebruary2026() {
        var audit = audit(List.of(cacheGroup("sessions").build()), List.of(
                cacheCluster("sessions-001").memberOf("sessions").engineVersion("4.0.10").build(),
                cacheCluster("sessions-002").memberOf("sessions").engineVersion("4.0.10").build(),
                cacheCluster("jobs").engineVersion("5.0.6").build()));

        assertThat(audit.findings()).extracting(Finding::resourceId).containsExactlyInAnyOrder("sessions", "jobs");
        Finding jobs = audit.finding("jobs");
        assertThat(jobs.status()).isEqualTo(Status.NOK);
        assertThat(jobs.message()).isEqualTo("In extended support since 2026-02-01 (billed extra): standard support of"
                + " Redis OSS 5 ended on 2026-01-31. Extended Support ends on 2029-01-31, then ElastiCache upgrades it"
                + " itself.");
        assertThat(jobs.resourceType()).isEqualTo("AWS::ElastiCache::CacheCluster");
        assertThat(jobs.evidence()).containsEntry("EngineVersion", "5.0.6").containsEntry("MajorVersion", "5")
                .containsEntry("StandardSupportEnds", "2026-01-31").containsEntry("ExtendedSupportStarts", "2026-02-01");
        assertThat((String) jobs.evidence().get("LifecycleSource"))
                .startsWith("https://docs.aws.amazon.com/AmazonElastiCache/").endsWith("(table of 2026-12-01)");
        assertThat(jobs.remediation()).contains("--engine valkey");

        Finding sessions = audit.finding("sessions");
        assertThat(sessions.status()).isEqualTo(Status.NOK);
        assertThat(sessions.message()).contains("Redis OSS 4 ended on 2026-01-31");
        assertThat(sessions.resourceType()).isEqualTo("AWS::ElastiCache::ReplicationGroup");
    }

    @Test
    void versionsTheTableDoesNotListAreOk() {
        var audit = audit(List.of(), List.of(cacheCluster("cache").engineVersion("7.1.0").build(),
                cacheCluster("valkey").engine("valkey").engineVersion("8.0.1").build(),
                cacheCluster("fragments").engine("memcached").engineVersion("1.6.22").build(),
                cacheCluster("fifty").engineVersion("50.1").build()));

        assertThat(audit.findings()).hasSize(4).allSatisfy(f -> assertThat(f.status()).isEqualTo(Status.OK));
        assertThat(audit.finding("cache").message()).isEqualTo("Redis OSS 7.1.0: no end of standard support announced"
                + " (lifecycle table of 2026-12-01).");
        assertThat(audit.finding("fifty").status()).as("5 is not a prefix of 50.1").isEqualTo(Status.OK);
    }

    @Test
    void aGroupIsJudgedByItsOldestNodeDuringAnUpgrade() {
        var audit = audit(List.of(cacheGroup("sessions").build()), List.of(
                cacheCluster("sessions-001").memberOf("sessions").engineVersion("7.1.0").build(),
                cacheCluster("sessions-002").memberOf("sessions").engineVersion("5.0.6").build()));

        assertThat(audit.finding("sessions").status()).isEqualTo(Status.NOK);
        assertThat(audit.finding("sessions").evidence()).containsEntry("EngineVersion", "5.0.6");
        assertThat(ElastiCacheEngineSupportCheck.compareVersions("5.0.10", "5.0.6")).isPositive();
    }

    @Test
    void anUnknownVersionIsTodo() {
        var audit = audit(List.of(cacheGroup("sessions").build()), List.of(cacheCluster("solo").engineVersion(null)
                .build()));

        assertThat(audit.findings()).hasSize(2).allSatisfy(f -> {
            assertThat(f.status()).isEqualTo(Status.TODO);
            assertThat(f.message()).startsWith("Engine version unknown");
        });
    }

    @Test
    void anEndWithinEngineWarningDaysIsNokWithTheDate() {
        var table = new ElastiCacheEngineLifecycle("2026-11-01", "test", List.of(new ElastiCacheEngineLifecycle.Version(
                "valkey", "7", "2027-03-02", "2027-03-03", null, "https://example.com/valkey")));
        var clusters = List.of(cacheCluster("valkey").engine("valkey").engineVersion("7.2.6").build());

        Finding soon = audit(new ElastiCacheEngineSupportCheck(table), List.of(), clusters).finding("valkey");
        assertThat(soon.status()).isEqualTo(Status.NOK);
        assertThat(soon.message()).isEqualTo("Standard support of Valkey 7 ends on 2027-03-02 (in 100 days): from"
                + " 2027-03-03 Extended Support is billed extra until it is upgraded.");

        var relaxed = audit(new ElastiCacheEngineSupportCheck(table), List.of(), clusters)
                .threshold(RdsEngineSupportCheck.ENGINE_WARNING_DAYS, 99);
        assertThat(relaxed.finding("valkey").status()).isEqualTo(Status.OK);
        assertThat(relaxed.finding("valkey").message()).isEqualTo("Valkey 7 is in standard support until 2027-03-02.");
    }

    @Test
    void theShippedTableIsDatedSourcedAndSaysRedisOss4And5() {
        var table = ElastiCacheEngineLifecycle.embedded();

        assertThat(LocalDate.parse(table.date())).isNotNull();
        for (String version : List.of("4.0.10", "5.0.6")) {
            var entry = table.find("redis", version).orElseThrow();
            assertThat(entry.standardSupportEnds()).isEqualTo(LocalDate.of(2026, 1, 31));
            assertThat(entry.extendedSupportStarts()).isEqualTo(LocalDate.of(2026, 2, 1));
            assertThat(entry.source()).startsWith("https://");
        }
        assertThat(table.find("redis", "6.2.6")).isEmpty();
        assertThat(table.find("valkey", "5.0")).isEmpty();
    }

    @Test
    void anInvalidTableIsRefusedSayingWhy() {
        assertThatThrownBy(() -> ElastiCacheEngineLifecycle.parse("{\"date\": \"2026-12-01\", \"versions\": ["
                + "{\"engine\": \"redis\", \"majorVersion\": \"5\", \"endOfStandardSupport\": \"2026-01-31\","
                + " \"startOfExtendedSupport\": \"2026-01-01\", \"source\": \"somewhere\"}]}"))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("Extended Support must start after standard support ends")
                .hasMessageContaining("source must be an https URL");
        assertThatThrownBy(() -> ElastiCacheEngineLifecycle.parse("{\"date\": \"soon\", \"extra\": 1}"))
                .isInstanceOf(CatalogException.class);
    }
}
