package com.huntaze.audit.services.dbsnapshots;

import java.time.Instant;

/** A manual RDS DB snapshot: what the throwaway service keeps of DescribeDBSnapshots. */
public record ManualSnapshot(String id, String arn, String instanceId, int allocatedStorageGb, Instant created) {
}
