package com.huntaze.audit.services.elasticache;

import static com.huntaze.audit.testing.Fixtures.cacheCluster;
import static com.huntaze.audit.testing.Fixtures.cacheGroup;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Status;
import com.huntaze.audit.testing.CheckHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class ElastiCacheEncryptionCheckTest {

    private static CheckHarness audit(List<CacheReplicationGroup> groups, List<CacheCluster> clusters) {
        return CheckHarness.of(new ElastiCacheEncryptionCheck())
                .with(ElastiCacheDatasets.REPLICATION_GROUPS, groups)
                .with(ElastiCacheDatasets.CACHE_CLUSTERS, clusters);
    }

    @Test
    void bothEncryptionsAndAnAuthTokenAreOk() {
        var finding = audit(List.of(cacheGroup("sessions").build()), List.of()).finding("sessions");
        assertThat(finding.status()).isEqualTo(Status.OK);
        assertThat(finding.message()).contains("AUTH token");
        assertThat(finding.evidence()).containsEntry("AtRestEncryptionEnabled", true)
                .containsEntry("TransitEncryptionEnabled", true).containsEntry("AuthTokenEnabled", true);
    }

    @Test
    void anRbacUserGroupCountsAsAuthentication() {
        var group = cacheGroup("sessions").authToken(false).userGroups("app-users").build();
        var finding = audit(List.of(group), List.of()).finding("sessions");
        assertThat(finding.status()).isEqualTo(Status.OK);
        assertThat(finding.message()).contains("RBAC user group app-users");
        assertThat(finding.evidence()).containsEntry("UserGroupIds", List.of("app-users"));
    }

    @Test
    void noAuthenticationIsNokEvenWhenEncrypted() {
        var finding = audit(List.of(cacheGroup("sessions").authToken(false).build()), List.of()).finding("sessions");
        assertThat(finding.status()).isEqualTo(Status.NOK);
        assertThat(finding.message()).isEqualTo("Missing: authentication (no AUTH token, no RBAC user group)."
                + " Anything that can reach its port can read and change the data.");
    }

    @Test
    void eachMissingEncryptionIsNamed() {
        var audit = audit(List.of(cacheGroup("no-rest").atRest(false).build(),
                cacheGroup("no-transit").transit(false).build()), List.of());
        assertThat(audit.finding("no-rest").status()).isEqualTo(Status.NOK);
        assertThat(audit.finding("no-rest").message()).isEqualTo("Missing: encryption at rest.");
        assertThat(audit.finding("no-transit").status()).isEqualTo(Status.NOK);
        assertThat(audit.finding("no-transit").message()).isEqualTo("Missing: encryption in transit.");
    }

    @Test
    void aStandaloneNodeWithoutEncryptionFieldsReadsAsNotEnabled() {
        // moto (and some real answers) omit AtRestEncryptionEnabled/TransitEncryptionEnabled on standalone clusters.
        var finding = audit(List.of(), List.of(cacheCluster("solo").build())).finding("solo");
        assertThat(finding.status()).isEqualTo(Status.NOK);
        assertThat(finding.resourceType()).isEqualTo("AWS::ElastiCache::CacheCluster");
        assertThat(finding.message()).contains("encryption at rest, encryption in transit, authentication");
        assertThat(finding.evidence()).containsEntry("AtRestEncryptionEnabled", false)
                .containsEntry("TransitEncryptionEnabled", false).containsEntry("Kind", "standalone node");
    }

    @Test
    void aFullyProtectedStandaloneNodeIsOk() {
        var node = cacheCluster("solo").atRest(true).transit(true).authToken(true).build();
        assertThat(audit(List.of(), List.of(node)).finding("solo").status()).isEqualTo(Status.OK);
    }

    @Test
    void memcachedGetsNoFinding() {
        assertThat(audit(List.of(), List.of(cacheCluster("memc").engine("memcached").build())).findings()).isEmpty();
    }
}
