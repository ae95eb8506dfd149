package com.huntaze.audit.services.rds;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;
import java.util.Set;

/** rds.deletion-protection: no DB instance (or, for a cluster member, its cluster) can be deleted by one call. */
public final class RdsDeletionProtectionCheck implements Check {

    @Override
    public String id() {
        return "rds.deletion-protection";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(RdsDatasets.DB_INSTANCES, RdsDatasets.DB_CLUSTERS);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        var settings = EffectiveRdsSettings.resolver(ctx.get(RdsDatasets.DB_CLUSTERS));
        return ctx.get(RdsDatasets.DB_INSTANCES).stream().map(settings).map(s -> {
            var i = s.instance();
            var evidence = Evidence.of("DeletionProtection", s.deletionProtection(), "Source", s.source(),
                    "Engine", i.engine());
            if (s.deletionProtection()) {
                return ctx.ok(i.id(), i.arn(), s.fromCluster()
                        ? "Cluster " + s.cluster().id() + " has deletion protection."
                        : "Deletion protection is on.", evidence);
            }
            return ctx.nok(i.id(), i.arn(), s.fromCluster()
                    ? "Cluster " + s.cluster().id() + " has no deletion protection: one delete-db-cluster call"
                            + " (a script, a Terraform destroy) removes the database."
                    : "No deletion protection: one delete-db-instance call (a script, a Terraform destroy) removes"
                            + " the database.", evidence);
        }).toList();
    }
}
