package com.huntaze.audit.services.rds;

import java.util.List;

/**
 * An RDS DB cluster (Aurora, or a Multi-AZ DB cluster), from DescribeDBClusters.
 *
 * @param engineVersion the cluster's full engine version ({@code 15.6}, {@code 8.0.mysql_aurora.3.05.2})
 */
public record DbCluster(
        String id,
        String arn,
        String engine,
        boolean multiAz,
        int backupRetentionDays,
        boolean storageEncrypted,
        boolean deletionProtection,
        List<String> memberInstanceIds,
        String engineVersion) {

    public DbCluster {
        memberInstanceIds = memberInstanceIds == null ? List.of() : List.copyOf(memberInstanceIds);
    }
}
