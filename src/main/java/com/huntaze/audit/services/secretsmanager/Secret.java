package com.huntaze.audit.services.secretsmanager;

import java.time.Instant;

/**
 * A Secrets Manager secret, from ListSecrets (which carries everything here: no DescribeSecret needed).
 *
 * @param rotationAfterDays the rotation schedule in days, or null when none is set (or it is a cron expression)
 * @param owningService     the service that manages the secret (e.g. {@code rds} for a managed master password),
 *                          or null for a secret of the account's own
 * @param lastAccessedDate  the day it was last read (AWS rounds to the day), or null when never read
 */
public record Secret(
        String name,
        String arn,
        boolean rotationEnabled,
        Integer rotationAfterDays,
        Instant lastRotatedDate,
        Instant lastAccessedDate,
        Instant createdDate,
        String owningService) {
}
