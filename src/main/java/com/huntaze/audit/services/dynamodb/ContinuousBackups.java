package com.huntaze.audit.services.dynamodb;

import java.time.Instant;

/**
 * A table's point-in-time recovery, from DescribeContinuousBackups.
 *
 * @param pointInTimeRecoveryStatus ENABLED or DISABLED
 * @param recoveryPeriodDays        how far back it can restore (1 to 35 days), null when off
 * @param earliestRestorable        the earliest restorable time, null when off
 */
public record ContinuousBackups(String table, String arn, String pointInTimeRecoveryStatus,
                                Integer recoveryPeriodDays, Instant earliestRestorable) {

    public boolean enabled() {
        return "ENABLED".equals(pointInTimeRecoveryStatus);
    }
}
