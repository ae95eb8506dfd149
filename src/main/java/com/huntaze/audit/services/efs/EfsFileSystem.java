package com.huntaze.audit.services.efs;

import java.time.Instant;

/** An EFS file system, from DescribeFileSystems. */
public record EfsFileSystem(String id, String arn, String name, String lifeCycleState, Instant created) {
}
