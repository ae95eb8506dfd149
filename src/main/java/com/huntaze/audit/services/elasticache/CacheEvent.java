package com.huntaze.audit.services.elasticache;

import java.time.Instant;

/**
 * An ElastiCache event, from DescribeEvents.
 *
 * @param sourceType {@code cache-cluster}, {@code replication-group}, ...
 * @param sourceId   the cluster's or group's id
 */
public record CacheEvent(String sourceType, String sourceId, Instant date, String message) {
}
