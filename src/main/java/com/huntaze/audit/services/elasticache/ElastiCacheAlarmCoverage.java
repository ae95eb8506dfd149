package com.huntaze.audit.services.elasticache;

import static com.huntaze.audit.services.cloudwatch.AlarmCoverageTarget.AlarmTemplate.ABOVE;

import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.services.cloudwatch.AlarmCoverageTarget;
import com.huntaze.audit.services.cloudwatch.AlarmCoverageTarget.AlarmTemplate;
import com.huntaze.audit.services.cloudwatch.AlarmCoverageTarget.Part;
import com.huntaze.audit.services.cloudwatch.AlarmCoverageTarget.Resource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What {@code cloudwatch.alarm-coverage} judges of ElastiCache: each Redis OSS/Valkey replication group (an alarm on
 * the group, or one on every node: an alarm on the primary alone goes blind after a failover) and each standalone
 * Redis OSS/Valkey cluster. Memcached has no DatabaseMemoryUsagePercentage nor EngineCPUUtilization: not judged.
 */
final class ElastiCacheAlarmCoverage {
    private ElastiCacheAlarmCoverage() {
    }

    static final AlarmCoverageTarget CACHES = new AlarmCoverageTarget("elasticache", "AWS/ElastiCache",
            Set.of(ElastiCacheDatasets.REPLICATION_GROUPS, ElastiCacheDatasets.CACHE_CLUSTERS),
            List.of(List.of("EngineCPUUtilization", "CPUUtilization"), List.of("DatabaseMemoryUsagePercentage")),
            Map.of("EngineCPUUtilization", AlarmTemplate.average(300, 3, "80", ABOVE),
                    "CPUUtilization", AlarmTemplate.average(300, 3, "90", ABOVE),
                    "DatabaseMemoryUsagePercentage", AlarmTemplate.average(300, 3, "80", ABOVE)),
            ElastiCacheAlarmCoverage::caches);

    private static List<Resource> caches(CheckContext ctx) {
        List<Resource> all = new ArrayList<>();
        Set<String> members = new HashSet<>();
        for (CacheReplicationGroup g : ctx.get(ElastiCacheDatasets.REPLICATION_GROUPS)) {
            members.addAll(g.memberClusterIds());
            all.add(new Resource("AWS::ElastiCache::ReplicationGroup", g.id(), g.arn(),
                    Map.of("ReplicationGroupId", g.id()), g.memberClusterIds().stream()
                    .map(node -> new Part(node, Map.of("CacheClusterId", node))).toList(), Map.of()));
        }
        for (CacheCluster c : ctx.get(ElastiCacheDatasets.CACHE_CLUSTERS)) {
            if (!c.isGroupMember(members) && isRedisOrValkey(c.engine())) {
                all.add(Resource.of("AWS::ElastiCache::CacheCluster", c.id(), c.arn(), Map.of("CacheClusterId", c.id())));
            }
        }
        return all;
    }

    private static boolean isRedisOrValkey(String engine) {
        String name = engine == null ? "" : engine.toLowerCase(Locale.ROOT);
        return name.equals("redis") || name.equals("valkey");
    }
}
