package com.huntaze.audit.services.backup;

import java.time.Instant;

/**
 * A resource AWS Backup holds at least one recovery point of, from ListProtectedResources.
 *
 * @param resourceType AWS Backup's name for its kind: {@code RDS}, {@code Aurora}, {@code DynamoDB}, {@code EFS}, ...
 */
public record ProtectedResource(String arn, String resourceType, String name, Instant lastBackupTime) {
}
