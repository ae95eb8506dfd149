package com.huntaze.audit.services.dynamodb;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;
import java.util.Set;

/**
 * dynamodb.point-in-time-recovery: each table can be restored to any second of its recovery period
 * (DescribeContinuousBackups PointInTimeRecoveryStatus ENABLED, with its RecoveryPeriodInDays); else NOK.
 */
public final class DynamoDbPointInTimeRecoveryCheck implements Check {

    @Override
    public String id() {
        return "dynamodb.point-in-time-recovery";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(DynamoDbDatasets.CONTINUOUS_BACKUPS);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        return ctx.get(DynamoDbDatasets.CONTINUOUS_BACKUPS).stream().map(b -> {
            var evidence = Evidence.of("PointInTimeRecoveryStatus", b.pointInTimeRecoveryStatus(),
                    "RecoveryPeriodInDays", b.recoveryPeriodDays(),
                    "EarliestRestorableDateTime", b.earliestRestorable() == null ? null
                            : b.earliestRestorable().toString());
            if (b.enabled()) {
                return ctx.ok(b.table(), b.arn(), b.recoveryPeriodDays() == null
                        ? "Point-in-time recovery is on."
                        : "Point-in-time recovery is on: the table can be restored to any second of the last "
                                + b.recoveryPeriodDays() + (b.recoveryPeriodDays() == 1 ? " day." : " days."),
                        evidence);
            }
            return ctx.nok(b.table(), b.arn(), "Point-in-time recovery is off: a bad write, a buggy migration or a"
                    + " deleted item cannot be rolled back (only to an on-demand backup, if one exists).", evidence);
        }).toList();
    }
}
