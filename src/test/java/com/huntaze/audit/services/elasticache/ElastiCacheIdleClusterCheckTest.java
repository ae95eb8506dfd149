package com.huntaze.audit.services.elasticache;

import static com.huntaze.audit.services.elasticache.ElastiCacheIdleClusterCheck.CLUSTER_CONNECTIONS;
import static com.huntaze.audit.services.elasticache.ElastiCacheIdleClusterCheck.GROUP_CONNECTIONS;
import static com.huntaze.audit.testing.Fixtures.cacheCluster;
import static com.huntaze.audit.testing.Fixtures.cacheGroup;
import static com.huntaze.audit.testing.Fixtures.daily;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.inventory.MetricData;
import com.huntaze.audit.inventory.MetricSeries;
import com.huntaze.audit.testing.CheckHarness;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ElastiCacheIdleClusterCheckTest {

    private static CheckHarness audit(List<CacheReplicationGroup> groups, List<CacheCluster> clusters,
                                      Map<String, MetricSeries> groupSeries, Map<String, MetricSeries> clusterSeries) {
        return CheckHarness.of(new ElastiCacheIdleClusterCheck())
                .with(ElastiCacheDatasets.REPLICATION_GROUPS, groups)
                .with(ElastiCacheDatasets.CACHE_CLUSTERS, clusters)
                .with(MetricData.DATASET, new MetricData(Map.of(GROUP_CONNECTIONS.id(), groupSeries,
                        CLUSTER_CONNECTIONS.id(), clusterSeries)));
    }

    private static Finding judgeGroup(CacheReplicationGroup group, MetricSeries connections) {
        return audit(List.of(group), List.of(), Map.of(group.id(), connections), Map.of()).finding(group.id());
    }

    @Test
    void aGroupWithoutAnyConnectionIsIdleAndSavesEveryNode() {
        Finding f = judgeGroup(cacheGroup("sessions").build(), daily(0, 0, 0, 0, 0, 0, 0));

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.resourceType()).isEqualTo("AWS::ElastiCache::ReplicationGroup");
        assertThat(f.message()).isEqualTo("No connection in the last 7 days on any of its 2 nodes: the replication"
                + " group bills every node hour while serving nobody.");
        // cache.r7g.large $0.219/h × 2 nodes × 730 h
        assertThat(f.estimatedMonthlySavingsUsd()).isEqualTo(319.74);
        assertThat(f.evidence()).containsEntry("Nodes", 2).containsEntry("MaxCurrConnections", 0.0)
                .containsEntry("Estimate", "2 nodes × $0.219/h × 730 h = $319.74/month");
    }

    @Test
    void oneConnectionOnAnyNodeOnAnyDayIsInUse() {
        Finding f = judgeGroup(cacheGroup("sessions").build(), daily(0, 0, 0, 1, 0));

        assertThat(f.status()).isEqualTo(Status.OK);
        assertThat(f.message()).isEqualTo("Up to 1 connection in the last 7 days. ElastiCache's own monitoring holds"
                + " 2 to 4 connections: with thresholds.idleConnections set to 4 this replication group would count as"
                + " idle.");
    }

    @Test
    void noDatapointAtAllIsUnknownNotIdle() {
        Finding f = judgeGroup(cacheGroup("sessions").build(), MetricSeries.EMPTY);

        assertThat(f.status()).isEqualTo(Status.TODO);
        assertThat(f.message()).contains("no metrics");
        assertThat(f.estimatedMonthlySavingsUsd()).isZero();
    }

    @Test
    void idleConnectionsCountsElastiCachesOwnMonitoringAsIdle() {
        var harness = audit(List.of(cacheGroup("quiet").build()), List.of(), Map.of("quiet", daily(3, 2, 3, 4)), Map.of());
        assertThat(harness.finding("quiet").status()).as("default: exactly 0").isEqualTo(Status.OK);

        Finding f = harness.threshold(ElastiCacheIdleClusterCheck.IDLE_CONNECTIONS, 4).finding("quiet");
        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.message()).startsWith("At most 4 connections in the last 7 days");
        assertThat(f.evidence()).containsEntry("IdleConnections", 4);
    }

    @Test
    void aBusyCacheGetsNoMonitoringHint() {
        Finding f = judgeGroup(cacheGroup("busy").build(), daily(250, 310));
        assertThat(f.message()).isEqualTo("Up to 310 connections in the last 7 days.");
    }

    @Test
    void aStandaloneClusterIsJudgedOnItsOwnNodesMemcachedIncluded() {
        CacheCluster redis = cacheCluster("solo").build();
        CacheCluster memcached = cacheCluster("fragments").engine("memcached").nodes(2).build();
        var harness = audit(List.of(), List.of(redis, memcached), Map.of(),
                Map.of("solo", daily(0, 0), "fragments", daily(0, 0, 0)));

        Finding solo = harness.finding("solo");
        assertThat(solo.status()).isEqualTo(Status.NOK);
        assertThat(solo.resourceType()).isEqualTo("AWS::ElastiCache::CacheCluster");
        assertThat(solo.message()).contains("on its node: the cache cluster bills");
        // cache.t4g.small $0.032/h × 730 h; twice for two nodes
        assertThat(solo.estimatedMonthlySavingsUsd()).isEqualTo(23.36);
        assertThat(harness.finding("fragments").estimatedMonthlySavingsUsd()).isEqualTo(46.72);
    }

    @Test
    void groupMembersAreJudgedThroughTheirGroupOnly() {
        CacheReplicationGroup group = cacheGroup("sessions").build();
        // One member says which group it belongs to, the other does not (as some answers and emulators do).
        List<CacheCluster> clusters = List.of(cacheCluster("sessions-001").memberOf("sessions").build(),
                cacheCluster("sessions-002").build());
        var harness = audit(List.of(group), clusters, Map.of("sessions", daily(12)), Map.of("sessions-002", daily(0)));

        assertThat(harness.findings()).extracting(Finding::resourceId).containsExactly("sessions");
    }

    @Test
    void anUnknownNodeTypeStillShowsButSavesNothing() {
        CacheReplicationGroup exotic = new CacheReplicationGroup("big", "arn:aws:elasticache:us-east-1:123456789012:"
                + "replicationgroup:big", "redis", "available", "cache.x2gd.24xlarge", false, true, true, 7, true, true,
                true, List.of(), List.of("big-001"), List.of("us-east-1a"), null);

        Finding f = judgeGroup(exotic, daily(0));

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.estimatedMonthlySavingsUsd()).isZero();
        assertThat((String) f.evidence().get("Price")).contains("elasticache.node-hour cache.x2gd.24xlarge");
    }

    @Test
    void aRegionsOwnFigureIsUsedAndAMissingOneFallsBackSayingSo() {
        CacheCluster small = cacheCluster("solo").build(); // cache.t4g.small
        Map<String, MetricSeries> idle = Map.of("solo", daily(0));
        Finding dublin = CheckHarness.of(new ElastiCacheIdleClusterCheck(), "eu-west-1")
                .with("eu-west-1", ElastiCacheDatasets.REPLICATION_GROUPS, List.of())
                .with("eu-west-1", ElastiCacheDatasets.CACHE_CLUSTERS, List.of(small))
                .with("eu-west-1", MetricData.DATASET, new MetricData(Map.of(CLUSTER_CONNECTIONS.id(), idle)))
                .finding("solo");
        assertThat(dublin.estimatedMonthlySavingsUsd()).isEqualTo(24.82); // $0.034/h × 730
        assertThat(dublin.evidence()).doesNotContainKey("PriceRegion");

        Finding frankfurt = CheckHarness.of(new ElastiCacheIdleClusterCheck(), "eu-central-1")
                .with("eu-central-1", ElastiCacheDatasets.REPLICATION_GROUPS, List.of())
                .with("eu-central-1", ElastiCacheDatasets.CACHE_CLUSTERS, List.of(small))
                .with("eu-central-1", MetricData.DATASET, new MetricData(Map.of(CLUSTER_CONNECTIONS.id(), idle)))
                .finding("solo");
        assertThat(frankfurt.estimatedMonthlySavingsUsd()).isEqualTo(23.36);
        assertThat((String) frankfurt.evidence().get("PriceRegion")).contains("no eu-central-1 figure");
    }

    @Test
    void readsEveryNodeOfAGroupAndOnlyClustersOutsideGroups() {
        assertThat(new ElastiCacheIdleClusterCheck().metrics()).containsExactly(GROUP_CONNECTIONS, CLUSTER_CONNECTIONS);
        assertThat(GROUP_CONNECTIONS.targets(List.of(cacheGroup("sessions").build()))).singleElement()
                .satisfies(t -> assertThat(t.dimensionSets()).containsExactly(
                        Map.of("CacheClusterId", "sessions-001"), Map.of("CacheClusterId", "sessions-002")));
        Map<String, String> expected = new LinkedHashMap<>(Map.of("CacheClusterId", "solo"));
        assertThat(CLUSTER_CONNECTIONS.targets(List.of(cacheCluster("solo").build(),
                cacheCluster("sessions-001").memberOf("sessions").build())))
                .singleElement().satisfies(t -> assertThat(t.dimensionSets()).containsExactly(expected));
        assertThat(GROUP_CONNECTIONS.metricName()).isEqualTo("CurrConnections");
        assertThat(GROUP_CONNECTIONS.statistic().name()).isEqualTo("Maximum");
    }

    // --- a cache younger than the idle window ------------------------------------------------------------------

    private static java.time.Instant daysAgo(int days) {
        return CheckHarness.NOW.minus(java.time.Duration.ofDays(days));
    }

    @Test
    void anIdleStandaloneClusterCreatedLessThanIdleDaysAgoIsTooNewToJudge() {
        CacheCluster fresh = cacheCluster("fresh").created(daysAgo(3)).build();

        Finding f = audit(List.of(), List.of(fresh), Map.of(), Map.of("fresh", daily(0, 0))).finding("fresh");

        assertThat(f.status()).isEqualTo(Status.TODO);
        assertThat(f.resourceType()).isEqualTo("AWS::ElastiCache::CacheCluster");
        assertThat(f.message()).isEqualTo("Cache cluster created 3 days ago: too new to judge idle over the last 7"
                + " days.");
        assertThat(f.estimatedMonthlySavingsUsd()).isZero();
        assertThat(f.evidence()).containsEntry("CacheClusterCreateTime", "2026-11-19T12:00:00Z")
                .containsEntry("AgeDays", 3L);
    }

    @Test
    void aGroupIsTooNewWhenAnyOfItsNodesIsItsNewestNodeNamed() {
        CacheReplicationGroup group = cacheGroup("sessions").created(daysAgo(40)).build();
        List<CacheCluster> nodes = List.of(cacheCluster("sessions-001").memberOf("sessions").created(daysAgo(40)).build(),
                cacheCluster("sessions-002").memberOf("sessions").created(daysAgo(1)).build());

        Finding f = audit(List.of(group), nodes, Map.of("sessions", daily(0, 0, 0)), Map.of()).finding("sessions");

        assertThat(f.status()).isEqualTo(Status.TODO);
        assertThat(f.message()).isEqualTo("Newest node sessions-002 created 1 day ago: too new to judge idle over the"
                + " last 7 days.");
        assertThat(f.estimatedMonthlySavingsUsd()).isZero();
        assertThat(f.evidence()).containsEntry("NewestNode", "sessions-002")
                .containsEntry("CacheClusterCreateTime", "2026-11-21T12:00:00Z");
    }

    @Test
    void aGroupWhoseNodesAreUnknownIsJudgedByItsOwnCreationTime() {
        Finding fresh = judgeGroup(cacheGroup("fresh").created(daysAgo(2)).build(), daily(0, 0));
        assertThat(fresh.status()).isEqualTo(Status.TODO);
        assertThat(fresh.message()).isEqualTo("Replication group created 2 days ago: too new to judge idle over the"
                + " last 7 days.");
        assertThat(fresh.evidence()).containsEntry("ReplicationGroupCreateTime", "2026-11-20T12:00:00Z");

        assertThat(judgeGroup(cacheGroup("old").created(daysAgo(30)).build(), daily(0, 0)).status())
                .isEqualTo(Status.NOK);
    }

    @Test
    void aGroupWithEveryNodeOlderThanTheWindowIsJudgedAndANewBusyOneIsOk() {
        CacheReplicationGroup old = cacheGroup("old").created(daysAgo(30)).build();
        CacheReplicationGroup busy = cacheGroup("busy").created(daysAgo(1)).build();
        List<CacheCluster> nodes = List.of(cacheCluster("old-001").memberOf("old").created(daysAgo(30)).build(),
                cacheCluster("old-002").memberOf("old").created(daysAgo(8)).build(),
                cacheCluster("busy-001").memberOf("busy").created(daysAgo(1)).build());

        var harness = audit(List.of(old, busy), nodes, Map.of("old", daily(0, 0), "busy", daily(15)), Map.of());

        assertThat(harness.finding("old").status()).isEqualTo(Status.NOK);
        assertThat(harness.finding("busy").status()).isEqualTo(Status.OK);
    }
}
