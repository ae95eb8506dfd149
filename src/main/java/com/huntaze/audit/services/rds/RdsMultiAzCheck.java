package com.huntaze.audit.services.rds;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;
import java.util.Set;

/** rds.multi-az: each DB instance survives the loss of one Availability Zone. */
public final class RdsMultiAzCheck implements Check {

    @Override
    public String id() {
        return "rds.multi-az";
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
            var evidence = Evidence.of("MultiAZ", s.multiAz(), "Source", s.source(),
                    "AvailabilityZone", i.availabilityZone(), "Engine", i.engine());
            if (s.multiAz()) {
                return ctx.ok(i.id(), i.arn(), s.fromCluster()
                        ? "Cluster " + s.cluster().id() + " spans several Availability Zones."
                        : "Multi-AZ: a standby in another Availability Zone takes over on failure.", evidence);
            }
            return ctx.nok(i.id(), i.arn(), s.fromCluster()
                    ? "Cluster " + s.cluster().id() + " has no instance in a second Availability Zone: losing "
                            + i.availabilityZone() + " takes the database down."
                    : "Single-AZ: losing " + i.availabilityZone() + " takes the database down until it is restored.",
                    evidence);
        }).toList();
    }
}
