package com.huntaze.audit.services.secretsmanager;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;
import java.util.Set;

/** secretsmanager.rotation: every secret rotates automatically. */
public final class SecretsManagerRotationCheck implements Check {

    @Override
    public String id() {
        return "secretsmanager.rotation";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(SecretsManagerDatasets.SECRETS);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        return ctx.get(SecretsManagerDatasets.SECRETS).stream().map(s -> {
            var evidence = Evidence.of("RotationEnabled", s.rotationEnabled(),
                    "RotationAfterDays", s.rotationAfterDays(),
                    "LastRotatedDate", s.lastRotatedDate() == null ? null : s.lastRotatedDate().toString(),
                    "OwningService", s.owningService());
            if (s.rotationEnabled()) {
                return ctx.ok(s.name(), s.arn(), s.rotationAfterDays() == null ? "Rotates automatically."
                        : "Rotates automatically every " + s.rotationAfterDays() + " days.", evidence);
            }
            return ctx.nok(s.name(), s.arn(), "Never rotates: a leaked value stays valid until someone changes it"
                    + " by hand.", evidence);
        }).toList();
    }
}
