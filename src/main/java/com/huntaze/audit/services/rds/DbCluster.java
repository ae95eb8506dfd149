package com.huntaze.audit.services.rds;

import java.util.List;

/** An RDS DB cluster (Aurora, or a Multi-AZ DB cluster), from DescribeDBClusters. */
public record DbCluster(
        String id,
        String arn,
        String engine,
        boolean multiAz,
        int backupRetentionDays,
        boolean storageEncrypted,
        boolean deletionProtection,
        List<String> memberInstanceIds) {

    public DbCluster {
        memberInstanceIds = memberInstanceIds == null ? List.of() : List.copyOf(memberInstanceIds);
    }
}
