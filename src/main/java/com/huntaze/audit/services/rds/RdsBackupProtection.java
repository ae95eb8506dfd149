package com.huntaze.audit.services.rds;

import com.huntaze.audit.services.backup.BackupProtectable;
import com.huntaze.audit.services.backup.BackupProtectable.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@code backup.plan-coverage} judges of RDS: each DB cluster (Aurora, Multi-AZ DB cluster: AWS Backup backs
 * up the cluster, not its members) and each DB instance that belongs to no cluster.
 */
final class RdsBackupProtection {
    private RdsBackupProtection() {
    }

    static final BackupProtectable DATABASES = new BackupProtectable("RDS DB instances and clusters",
            Set.of(RdsDatasets.DB_INSTANCES, RdsDatasets.DB_CLUSTERS), ctx -> {
                List<DbCluster> clusters = ctx.get(RdsDatasets.DB_CLUSTERS);
                Set<String> clusterIds = clusters.stream().map(DbCluster::id).collect(Collectors.toSet());
                List<Resource> resources = new ArrayList<>();
                for (DbInstance db : ctx.get(RdsDatasets.DB_INSTANCES)) {
                    if (!db.isClusterMember() || !clusterIds.contains(db.clusterId())) {
                        resources.add(new Resource("AWS::RDS::DBInstance", db.id(), db.arn()));
                    }
                }
                for (DbCluster cluster : clusters) {
                    resources.add(new Resource("AWS::RDS::DBCluster", cluster.id(), cluster.arn()));
                }
                return resources;
            });
}
