package com.huntaze.audit.services.elasticache;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.inventory.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * elasticache.multi-az: a Redis OSS / Valkey cache survives the loss of its primary node or its Availability Zone.
 * A replication group needs both Multi-AZ and automatic failover; a standalone node has neither. Memcached is
 * left out (see {@link CacheResource}).
 */
public final class ElastiCacheMultiAzCheck implements Check {

    @Override
    public String id() {
        return "elasticache.multi-az";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(ElastiCacheDatasets.REPLICATION_GROUPS, ElastiCacheDatasets.CACHE_CLUSTERS);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        return CacheResource.of(ctx.get(ElastiCacheDatasets.REPLICATION_GROUPS),
                ctx.get(ElastiCacheDatasets.CACHE_CLUSTERS)).stream().map(r -> r.typed(judge(ctx, r))).toList();
    }

    private static Finding judge(CheckContext ctx, CacheResource r) {
        String where = r.cacheNodeType() + (r.availabilityZones().isEmpty() ? ""
                : " in " + String.join(", ", r.availabilityZones()));
        if (r.standalone()) {
            var evidence = Evidence.of("ReplicationGroup", "none", "CacheNodeType", r.cacheNodeType(),
                    "AvailabilityZone", r.zonesEvidence(), "Engine", r.engine());
            return ctx.nok(r.id(), r.arn(), "Standalone node (" + where + "): no replica and no failover; losing the"
                    + " node or its Availability Zone takes the cache down and loses its data.", evidence);
        }
        var evidence = Evidence.of("MultiAZ", r.multiAz(), "AutomaticFailover", r.automaticFailover(),
                "Nodes", r.nodes(), "CacheNodeType", r.cacheNodeType(), "AvailabilityZones", r.zonesEvidence());
        if (r.multiAz() && r.automaticFailover()) {
            return ctx.ok(r.id(), r.arn(), "Multi-AZ with automatic failover: a replica in another Availability Zone"
                    + " is promoted when the primary fails.", evidence);
        }
        List<String> missing = new ArrayList<>();
        if (!r.multiAz()) {
            missing.add("Multi-AZ");
        }
        if (!r.automaticFailover()) {
            missing.add("automatic failover");
        }
        String replicas = r.nodes() <= 1 ? " The group has a single node (" + where + "): add a replica in another"
                + " Availability Zone first." : "";
        return ctx.nok(r.id(), r.arn(), String.join(" and ", missing) + (missing.size() > 1 ? " are" : " is")
                + " disabled: when the primary fails, writes stop until it is replaced by hand." + replicas, evidence);
    }
}
