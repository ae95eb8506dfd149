package com.huntaze.audit.services.dbsnapshots;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Threshold;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.pricing.Price;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * dbsnapshots.old-manual-snapshot (the throwaway service's check): a manual snapshot older than
 * {@code maxManualSnapshotDays} is forgotten storage: NOK, its storage cost as the saving.
 */
public final class DbSnapshotsOldManualSnapshotCheck implements Check {

    // Up to the ten years no audit window needs more than.
    static final Threshold MAX_AGE_DAYS = new Threshold("maxManualSnapshotDays", 30, "days", 1, 3650, null,
            "A manual RDS snapshot older than this many days is forgotten");

    @Override
    public String id() {
        return "dbsnapshots.old-manual-snapshot";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(DbSnapshotsAuditService.MANUAL_SNAPSHOTS);
    }

    @Override
    public List<Threshold> thresholds() {
        return List.of(MAX_AGE_DAYS);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        int maxDays = ctx.threshold(MAX_AGE_DAYS);
        return ctx.get(DbSnapshotsAuditService.MANUAL_SNAPSHOTS).stream().map(s -> {
            long days = s.created() == null ? 0 : Duration.between(s.created(), ctx.now()).toDays();
            var evidence = Evidence.of("AgeDays", days, "AllocatedStorage", s.allocatedStorageGb(),
                    "DBInstanceIdentifier", s.instanceId());
            if (days <= maxDays) {
                return ctx.ok(s.id(), s.arn(), "Taken " + days + " days ago.", evidence);
            }
            Optional<Price> price = ctx.prices().price(ctx.region(), DbSnapshotsAuditService.SNAPSHOT_GB_MONTH);
            return ctx.nok(s.id(), s.arn(), "Taken " + days + " days ago and kept since: forgotten storage.", evidence)
                    .withSavings(price.map(p -> p.usd() * s.allocatedStorageGb()).orElse(0.0));
        }).toList();
    }
}
