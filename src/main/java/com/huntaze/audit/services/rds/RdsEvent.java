package com.huntaze.audit.services.rds;

import java.time.Instant;
import java.util.List;

/**
 * An RDS event, from DescribeEvents.
 *
 * @param sourceType {@code db-instance} or {@code db-cluster}
 * @param sourceId   the DB instance or cluster id
 * @param categories the event's categories, e.g. {@code failover}
 */
public record RdsEvent(String sourceType, String sourceId, String sourceArn, Instant date, String message,
                       List<String> categories) {

    public RdsEvent {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
