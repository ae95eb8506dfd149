package com.huntaze.audit.services.elasticache;

import com.huntaze.audit.services.Idle;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Threshold;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.inventory.MetricSpec;
import com.huntaze.audit.inventory.MetricSpec.Statistic;
import com.huntaze.audit.inventory.MetricData;
import com.huntaze.audit.inventory.MetricSeries;
import com.huntaze.audit.pricing.Price;
import com.huntaze.audit.pricing.PriceTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * elasticache.idle-cluster: a cache nobody connected to in the last {@code idleDays} days (CurrConnections daily
 * Maximum never above {@code idleConnections}, default 0, on any of its nodes) bills every node hour for nothing:
 * NOK, saving node price × nodes × 730. Judged per replication group (all its member nodes) and per cache cluster
 * outside any group (Memcached included: it costs the same). No datapoint at all: TODO.
 *
 * <p>A cache created less than {@code idleDays} ago (against the audit's reference time) has not had the whole window
 * to show connections: what would be a NOK is a TODO, "created N days ago: too new to judge idle", with no saving
 * ({@link Idle#tooNew}); one with connections stays OK. A cache cluster goes by its CacheClusterCreateTime. A
 * replication group goes by its newest node: it is too new if any of its member clusters (or the group itself,
 * ReplicationGroupCreateTime, which stands in when the members' times are unknown) was created less than
 * {@code idleDays} ago. A node added inside the window means the group's node set changed during it: the merged
 * series read covers only the nodes there now, so the connections of a node it replaced are not in it, and the new
 * node itself has not had the window. The message names that node. Creation times unknown: judged as before.
 */
public final class ElastiCacheIdleClusterCheck implements Check {

    /**
     * The connection count at or below which a cache is idle. ElastiCache itself keeps two to four connections open
     * to monitor a Redis OSS or Valkey node, so a real idle node rarely shows 0; 4 catches those. 0 to 65000: a
     * count, and 65000 is the most connections an ElastiCache node accepts (maxclients).
     */
    public static final Threshold IDLE_CONNECTIONS = new Threshold("idleConnections", 0, "connections", 0, 65_000,
            null, "CurrConnections at or below this on every node and day counts as idle (ElastiCache's own monitoring"
                    + " holds 2-4 on Redis OSS/Valkey)");

    /** The connections of each node of a replication group, merged into the group's one series. */
    public static final MetricSpec<CacheReplicationGroup> GROUP_CONNECTIONS = MetricSpec
            .of("elasticache.group-connections.max", ElastiCacheDatasets.REPLICATION_GROUPS, CacheReplicationGroup::id)
            .metric("AWS/ElastiCache", "CurrConnections")
            .dimensionSets(g -> g.memberClusterIds().stream().map(node -> Map.of("CacheClusterId", node)).toList())
            .statistic(Statistic.Maximum)
            .lookback(Idle.DAYS)
            .build();

    /** The connections of each cache cluster outside a replication group. */
    public static final MetricSpec<CacheCluster> CLUSTER_CONNECTIONS = MetricSpec
            .of("elasticache.cluster-connections.max", ElastiCacheDatasets.CACHE_CLUSTERS, CacheCluster::id)
            .metric("AWS/ElastiCache", "CurrConnections")
            .dimensions(c -> Map.of("CacheClusterId", c.id()))
            .statistic(Statistic.Maximum)
            .lookback(Idle.DAYS)
            .when(c -> c.replicationGroupId() == null || c.replicationGroupId().isEmpty())
            .build();

    /** The most connections ElastiCache's own monitoring holds open on a Redis OSS or Valkey node. */
    private static final int MONITORING_CONNECTIONS = 4;

    @Override
    public String id() {
        return "elasticache.idle-cluster";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(ElastiCacheDatasets.REPLICATION_GROUPS, ElastiCacheDatasets.CACHE_CLUSTERS,
                MetricData.DATASET);
    }

    @Override
    public List<Threshold> thresholds() {
        return List.of(Idle.DAYS, IDLE_CONNECTIONS);
    }

    @Override
    public List<MetricSpec<?>> metrics() {
        return List.of(GROUP_CONNECTIONS, CLUSTER_CONNECTIONS);
    }

    /** What is judged: a replication group, or a cache cluster outside any. */
    private record Cache(String id, String arn, boolean standalone, String engine, String nodeType, int nodes,
                         MetricSeries connections, Created newest) {
    }

    /**
     * When the newest part of a cache was created: {@code at} null when unknown; {@code subject} names it for the
     * message ("Cache cluster", "Replication group", "Newest node sessions-002"), {@code evidence} for the finding.
     */
    private record Created(Instant at, String subject, Map<String, Object> evidence) {
        static final Created UNKNOWN = new Created(null, null, Map.of());
    }

    /** The group's own creation time, replaced by any member cluster created later. */
    private static Created newest(CacheReplicationGroup g, Map<String, CacheCluster> clusters) {
        Created newest = g.replicationGroupCreateTime() == null ? Created.UNKNOWN
                : new Created(g.replicationGroupCreateTime(), "Replication group",
                        Evidence.of("ReplicationGroupCreateTime", g.replicationGroupCreateTime().toString()));
        for (String member : g.memberClusterIds()) {
            CacheCluster node = clusters.get(member);
            Instant at = node == null ? null : node.cacheClusterCreateTime();
            if (at != null && (newest.at() == null || at.isAfter(newest.at()))) {
                newest = new Created(at, "Newest node " + member, Evidence.of("NewestNode", member,
                        "CacheClusterCreateTime", at.toString()));
            }
        }
        return newest;
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        MetricData metrics = ctx.get(MetricData.DATASET);
        List<Cache> caches = new ArrayList<>();
        Set<String> members = new HashSet<>();
        List<CacheCluster> clusters = ctx.get(ElastiCacheDatasets.CACHE_CLUSTERS);
        Map<String, CacheCluster> byId = new HashMap<>();
        clusters.forEach(c -> byId.put(c.id(), c));
        for (CacheReplicationGroup g : ctx.get(ElastiCacheDatasets.REPLICATION_GROUPS)) {
            members.addAll(g.memberClusterIds());
            caches.add(new Cache(g.id(), g.arn(), false, g.engine(), g.cacheNodeType(), g.memberClusterIds().size(),
                    metrics.series(GROUP_CONNECTIONS, g.id()), newest(g, byId)));
        }
        for (CacheCluster c : clusters) {
            if (c.isGroupMember(members)) {
                continue;
            }
            caches.add(new Cache(c.id(), c.arn(), true, c.engine(), c.cacheNodeType(), c.numCacheNodes(),
                    metrics.series(CLUSTER_CONNECTIONS, c.id()), c.cacheClusterCreateTime() == null ? Created.UNKNOWN
                    : new Created(c.cacheClusterCreateTime(), "Cache cluster",
                            Evidence.of("CacheClusterCreateTime", c.cacheClusterCreateTime().toString()))));
        }
        int days = ctx.threshold(Idle.DAYS);
        int idle = ctx.threshold(IDLE_CONNECTIONS);
        List<Finding> findings = new ArrayList<>();
        for (Cache cache : caches) {
            MetricSeries s = cache.connections();
            MetricSpec<?> spec = cache.standalone() ? CLUSTER_CONNECTIONS : GROUP_CONNECTIONS;
            String what = cache.standalone() ? "cache cluster" : "replication group";
            if (s.isEmpty()) {
                findings.add(typed(cache, ctx.todo(cache.id(), cache.arn(), "No CurrConnections datapoint in the last "
                                + days + " days for this " + what + ": whether it is idle is unknown (no metrics).",
                        Evidence.of("Metric", spec.describe(), "LookbackDays", days, "Datapoints", 0,
                                "CacheNodeType", cache.nodeType(), "Nodes", cache.nodes()))
                        .withRemediation("Look at the nodes' CurrConnections in the CloudWatch console: a node just"
                                + " created, being modified or not monitored has none. Run the audit again once it"
                                + " has metrics.")));
                continue;
            }
            double peak = s.max();
            Map<String, Object> evidence = new LinkedHashMap<>(Evidence.of("MaxCurrConnections", peak,
                    "Datapoints", s.size(), "LookbackDays", days, "IdleConnections", idle, "Metric", spec.describe(),
                    "Engine", cache.engine(), "CacheNodeType", cache.nodeType(), "Nodes", cache.nodes()));
            if (peak > idle) {
                long most = (long) Math.ceil(peak);
                String message = "Up to " + most + " connection" + (most == 1 ? "" : "s") + " in the last " + days
                        + " days.";
                if (peak <= MONITORING_CONNECTIONS && isRedisOrValkey(cache.engine())) {
                    message += " ElastiCache's own monitoring holds 2 to 4 connections: with thresholds.idleConnections"
                            + " set to " + MONITORING_CONNECTIONS + " this " + what + " would count as idle.";
                }
                findings.add(typed(cache, ctx.ok(cache.id(), cache.arn(), message, evidence)));
                continue;
            }
            Optional<String> tooNew = Idle.tooNew(cache.newest().at(), ctx.now(), days);
            if (tooNew.isPresent()) {
                evidence.putAll(cache.newest().evidence());
                evidence.put("AgeDays", Idle.ageDays(cache.newest().at(), ctx.now()));
                findings.add(typed(cache, ctx.todo(cache.id(), cache.arn(), cache.newest().subject() + " "
                        + tooNew.get() + ".", evidence)
                        .withRemediation(Idle.tooNewRemediation(cache.newest().at(), days))));
                continue;
            }
            double savings = estimate(ctx, cache, evidence);
            findings.add(typed(cache, ctx.nok(cache.id(), cache.arn(), (idle == 0 ? "No connection"
                    : "At most " + (long) Math.ceil(peak) + " connections") + " in the last " + days + " days on "
                    + (cache.nodes() == 1 ? "its node" : "any of its " + cache.nodes() + " nodes")
                    + ": the " + what + " bills every node hour while serving nobody.", evidence)
                    .withSavings(savings)));
        }
        return findings;
    }

    /** Node price × nodes × 730; a node type the table does not know saves 0 and says the price is unknown. */
    private static double estimate(CheckContext ctx, Cache cache, Map<String, Object> evidence) {
        Optional<Price> hourly = ctx.prices().price(ctx.region(), ElastiCacheAuditService.NODE_HOUR, cache.nodeType());
        if (hourly.isEmpty()) {
            evidence.put("Price", PriceTable.unknownNote(ElastiCacheAuditService.NODE_HOUR, cache.nodeType()));
            return 0;
        }
        double total = hourly.get().usd() * cache.nodes() * PriceTable.HOURS_PER_MONTH;
        evidence.put("Estimate", cache.nodes() + " node" + (cache.nodes() == 1 ? "" : "s") + " × "
                + Idle.usd(hourly.get().usd()) + "/h × " + PriceTable.HOURS_PER_MONTH + " h = " + Idle.monthly(total));
        Idle.priceNotes(evidence, List.of(hourly.get()));
        return total;
    }

    /** A cluster outside any replication group is reported as a cache cluster, not as a group. */
    private static Finding typed(Cache cache, Finding finding) {
        if (!cache.standalone()) {
            return finding;
        }
        return finding.withResourceType(CacheResource.CACHE_CLUSTER_TYPE);
    }

    private static boolean isRedisOrValkey(String engine) {
        String name = engine == null ? "redis" : engine.toLowerCase(Locale.ROOT);
        return name.equals("redis") || name.equals("valkey");
    }
}
