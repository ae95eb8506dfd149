package com.huntaze.audit.services.backup;

import java.time.Instant;

/**
 * An AWS Backup restore job, from ListRestoreJobs.
 *
 * @param recoveryPointArn  the recovery point restored from
 * @param sourceResourceArn the resource that recovery point is a backup of (null when AWS does not say)
 * @param createdResourceArn the resource the restore created (null when AWS does not say)
 */
public record RestoreJob(String id, String status, String resourceType, Instant creationDate, Instant completionDate,
                         String recoveryPointArn, String sourceResourceArn, String createdResourceArn) {
}
