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
 * elasticache.encryption: data is encrypted at rest and in transit, and clients must authenticate (an AUTH token,
 * or an RBAC user group). A flag AWS leaves out reads as not enabled. Memcached is left out: it offers neither
 * encryption at rest nor authentication, so there is no setting to fix (see {@link CacheResource}).
 */
public final class ElastiCacheEncryptionCheck implements Check {

    @Override
    public String id() {
        return "elasticache.encryption";
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
        boolean rbac = !r.userGroupIds().isEmpty();
        var evidence = Evidence.of("AtRestEncryptionEnabled", r.atRestEncryption(),
                "TransitEncryptionEnabled", r.transitEncryption(), "AuthTokenEnabled", r.authTokenEnabled(),
                "UserGroupIds", rbac ? r.userGroupIds() : null, "Kind", r.kind());
        List<String> missing = new ArrayList<>();
        if (!r.atRestEncryption()) {
            missing.add("encryption at rest");
        }
        if (!r.transitEncryption()) {
            missing.add("encryption in transit");
        }
        if (!r.authTokenEnabled() && !rbac) {
            missing.add("authentication (no AUTH token, no RBAC user group)");
        }
        if (missing.isEmpty()) {
            return ctx.ok(r.id(), r.arn(), "Encrypted at rest and in transit; clients authenticate with "
                    + (rbac ? "RBAC user group " + String.join(", ", r.userGroupIds()) : "an AUTH token") + ".",
                    evidence);
        }
        String exposure = !r.authTokenEnabled() && !rbac
                ? " Anything that can reach its port can read and change the data." : "";
        return ctx.nok(r.id(), r.arn(), "Missing: " + String.join(", ", missing) + "." + exposure, evidence);
    }
}
