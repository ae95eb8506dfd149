package com.huntaze.audit.services.rds;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;
import java.util.Set;

/** rds.public-access: no DB instance has a public endpoint (PubliclyAccessible; an absent field reads as false). */
public final class RdsPublicAccessCheck implements Check {

    @Override
    public String id() {
        return "rds.public-access";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(RdsDatasets.DB_INSTANCES);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        return ctx.get(RdsDatasets.DB_INSTANCES).stream().map(i -> {
            var evidence = Evidence.of("PubliclyAccessible", i.publiclyAccessible());
            return i.publiclyAccessible()
                    ? ctx.nok(i.id(), i.arn(), "Publicly accessible: its endpoint resolves to a public IP address.", evidence)
                    : ctx.ok(i.id(), i.arn(), "Not publicly accessible.", evidence);
        }).toList();
    }
}
