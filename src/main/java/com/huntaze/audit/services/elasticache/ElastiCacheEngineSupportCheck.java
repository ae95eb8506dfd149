package com.huntaze.audit.services.elasticache;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Threshold;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.services.rds.RdsEngineSupportCheck;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * elasticache.engine-support: each cache runs an engine major version in standard support, by the dated, sourced
 * lifecycle table shipped with the tool ({@link ElastiCacheEngineLifecycle}): Redis OSS 4 and 5 left standard support
 * on 2026-01-31, and Extended Support is billed since 2026-02-01. Ended: NOK; ending within {@code engineWarningDays}
 * (the threshold {@code rds.engine-support} declares): NOK with the date; a version the table does not list: OK.
 * A replication group is judged by its nodes' version (the oldest, during an upgrade); a cache cluster outside any
 * group on its own, Memcached included. A version AWS does not give: TODO "engine version unknown".
 */
public final class ElastiCacheEngineSupportCheck implements Check {

    private final ElastiCacheEngineLifecycle lifecycle;

    public ElastiCacheEngineSupportCheck() {
        this(null);
    }

    /** @param lifecycle the table to judge by; null for the embedded one (read when the check first runs) */
    ElastiCacheEngineSupportCheck(ElastiCacheEngineLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public String id() {
        return "elasticache.engine-support";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(ElastiCacheDatasets.REPLICATION_GROUPS, ElastiCacheDatasets.CACHE_CLUSTERS);
    }

    @Override
    public List<Threshold> thresholds() {
        return List.of(RdsEngineSupportCheck.ENGINE_WARNING_DAYS);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        ElastiCacheEngineLifecycle table = lifecycle != null ? lifecycle : ElastiCacheEngineLifecycle.embedded();
        int warningDays = ctx.threshold(RdsEngineSupportCheck.ENGINE_WARNING_DAYS);
        List<CacheCluster> clusters = ctx.get(ElastiCacheDatasets.CACHE_CLUSTERS);
        List<Finding> findings = new ArrayList<>();
        Set<String> members = new HashSet<>();
        for (CacheReplicationGroup g : ctx.get(ElastiCacheDatasets.REPLICATION_GROUPS)) {
            members.addAll(g.memberClusterIds());
            List<CacheCluster> nodes = clusters.stream().filter(c -> g.id().equals(c.replicationGroupId())
                    || g.memberClusterIds().contains(c.id())).toList();
            String engine = g.engine() != null ? g.engine()
                    : nodes.stream().map(CacheCluster::engine).filter(Objects::nonNull).findFirst().orElse(null);
            Optional<String> version = nodes.stream().map(CacheCluster::engineVersion).filter(Objects::nonNull)
                    .min(ElastiCacheEngineSupportCheck::compareVersions);
            findings.add(judge(ctx, table, warningDays, g.id(), g.arn(), engine, version.orElse(null)));
        }
        for (CacheCluster c : clusters) {
            if (!c.isGroupMember(members)) {
                findings.add(judge(ctx, table, warningDays, c.id(), c.arn(), c.engine(), c.engineVersion())
                        .withResourceType(CacheResource.CACHE_CLUSTER_TYPE));
            }
        }
        return findings;
    }

    private static Finding judge(CheckContext ctx, ElastiCacheEngineLifecycle table, int warningDays, String id,
                                 String arn, String engine, String version) {
        Map<String, Object> evidence = new LinkedHashMap<>(Evidence.of("Engine", engine, "EngineVersion", version));
        if (version == null || version.isBlank()) {
            return ctx.todo(id, arn, "Engine version unknown: DescribeCacheClusters did not say which " + name(engine)
                    + " version it runs.", evidence);
        }
        Optional<ElastiCacheEngineLifecycle.Version> entry = table.find(engine, version);
        if (entry.isEmpty()) {
            evidence.put("LifecycleTable", table.date());
            return ctx.ok(id, arn, name(engine) + " " + version + ": no end of standard support announced (lifecycle"
                    + " table of " + table.date() + ").", evidence);
        }
        ElastiCacheEngineLifecycle.Version v = entry.get();
        String major = name(engine) + " " + v.majorVersion();
        evidence.put("MajorVersion", v.majorVersion());
        evidence.put("StandardSupportEnds", v.standardSupportEnds().toString());
        evidence.put("ExtendedSupportStarts", v.extendedSupportStarts().toString());
        if (v.extendedSupportEnds() != null) {
            evidence.put("ExtendedSupportEnds", v.extendedSupportEnds().toString());
        }
        evidence.put("WarningDays", warningDays);
        evidence.put("LifecycleSource", v.source() + " (table of " + table.date() + ")");
        LocalDate today = LocalDate.ofInstant(ctx.now(), ZoneOffset.UTC);
        if (today.isAfter(v.standardSupportEnds())) {
            String after = v.extendedSupportEnds() == null ? ""
                    : today.isAfter(v.extendedSupportEnds())
                    ? " Extended Support ended too, on " + v.extendedSupportEnds() + ": ElastiCache upgrades it itself."
                    : " Extended Support ends on " + v.extendedSupportEnds() + ", then ElastiCache upgrades it itself.";
            return ctx.nok(id, arn, "In extended support since " + v.extendedSupportStarts() + " (billed extra):"
                    + " standard support of " + major + " ended on " + v.standardSupportEnds() + "." + after, evidence);
        }
        long daysLeft = ChronoUnit.DAYS.between(today, v.standardSupportEnds());
        evidence.put("DaysLeft", daysLeft);
        if (daysLeft <= warningDays) {
            return ctx.nok(id, arn, "Standard support of " + major + " ends on " + v.standardSupportEnds() + " (in "
                    + daysLeft + (daysLeft == 1 ? " day" : " days") + "): from " + v.extendedSupportStarts()
                    + " Extended Support is billed extra until it is upgraded.", evidence);
        }
        return ctx.ok(id, arn, major + " is in standard support until " + v.standardSupportEnds() + ".", evidence);
    }

    /** How the report names an engine: Redis OSS, Valkey, Memcached. */
    private static String name(String engine) {
        if (engine == null) {
            return "the engine";
        }
        return switch (engine) {
            case "redis" -> "Redis OSS";
            case "valkey" -> "Valkey";
            case "memcached" -> "Memcached";
            default -> engine;
        };
    }

    /** Dotted versions compared part by part, numerically where both parts are numbers ({@code 5.0.6 < 7.1}). */
    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "0";
            String q = i < y.length ? y[i] : "0";
            int c = p.matches("\\d+") && q.matches("\\d+") ? Comparator.<Long>naturalOrder()
                    .compare(Long.parseLong(p), Long.parseLong(q)) : p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
