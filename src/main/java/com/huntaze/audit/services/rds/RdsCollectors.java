package com.huntaze.audit.services.rds;

import software.amazon.awssdk.services.rds.RdsClient;
import com.huntaze.audit.collection.CollectionContext;
import com.huntaze.audit.collection.DatasetCollector;

import static com.huntaze.audit.collection.AwsCalls.call;

import com.huntaze.audit.inventory.Dataset;
import java.util.List;
import software.amazon.awssdk.services.rds.model.DBClusterMember;

/** RDS: DescribeDBInstances and DescribeDBClusters, all pages at the maximum page size (100). */
final class RdsCollectors {
    private RdsCollectors() {
    }

    static final int MAX_RECORDS = 100;

    static final DatasetCollector<List<DbInstance>> DB_INSTANCES = new DatasetCollector<>() {
        @Override
        public Dataset<List<DbInstance>> dataset() {
            return RdsDatasets.DB_INSTANCES;
        }

        @Override
        public List<String> actions() {
            return List.of("rds:DescribeDBInstances");
        }

        @Override
        public List<DbInstance> collect(CollectionContext context) {
            return call("rds:DescribeDBInstances", () -> context.client("rds", RdsClient::builder)
                    .describeDBInstancesPaginator(r -> r.maxRecords(MAX_RECORDS)).dbInstances().stream()
                    .map(i -> new DbInstance(
                            i.dbInstanceIdentifier(),
                            i.dbInstanceArn(),
                            i.engine(),
                            i.dbInstanceClass(),
                            Boolean.TRUE.equals(i.multiAZ()),
                            i.backupRetentionPeriod() == null ? 0 : i.backupRetentionPeriod(),
                            Boolean.TRUE.equals(i.publiclyAccessible()),
                            Boolean.TRUE.equals(i.storageEncrypted()),
                            Boolean.TRUE.equals(i.deletionProtection()),
                            i.dbClusterIdentifier(),
                            i.availabilityZone(),
                            i.allocatedStorage() == null ? 0 : i.allocatedStorage(),
                            i.storageType(),
                            i.instanceCreateTime()))
                    .toList());
        }
    };

    static final DatasetCollector<List<DbCluster>> DB_CLUSTERS = new DatasetCollector<>() {
        @Override
        public Dataset<List<DbCluster>> dataset() {
            return RdsDatasets.DB_CLUSTERS;
        }

        @Override
        public List<String> actions() {
            return List.of("rds:DescribeDBClusters");
        }

        @Override
        public List<DbCluster> collect(CollectionContext context) {
            return call("rds:DescribeDBClusters", () -> context.client("rds", RdsClient::builder)
                    .describeDBClustersPaginator(r -> r.maxRecords(MAX_RECORDS)).dbClusters().stream()
                    .map(c -> new DbCluster(
                            c.dbClusterIdentifier(),
                            c.dbClusterArn(),
                            c.engine(),
                            Boolean.TRUE.equals(c.multiAZ()),
                            c.backupRetentionPeriod() == null ? 0 : c.backupRetentionPeriod(),
                            Boolean.TRUE.equals(c.storageEncrypted()),
                            Boolean.TRUE.equals(c.deletionProtection()),
                            c.dbClusterMembers().stream().map(DBClusterMember::dbInstanceIdentifier).toList()))
                    .toList());
        }
    };

    /** The source types whose failovers {@code manual.failover-test} reads. */
    static final java.util.Set<String> FAILOVER_SOURCE_TYPES = java.util.Set.of("db-instance", "db-cluster");

    /**
     * One DescribeEvents walk per region, category {@code failover}, over {@code attestationMaxAgeDays} (at most the
     * 14 days RDS keeps events); without a SourceType, so instances and clusters come in the same pages.
     */
    static final DatasetCollector<List<RdsEvent>> FAILOVER_EVENTS = new DatasetCollector<>() {
        @Override
        public Dataset<List<RdsEvent>> dataset() {
            return RdsDatasets.FAILOVER_EVENTS;
        }

        @Override
        public List<String> actions() {
            return List.of("rds:DescribeEvents");
        }

        @Override
        public List<RdsEvent> collect(CollectionContext context) {
            int minutes = com.huntaze.audit.services.manual.ManualCheck.eventWindowMinutes(context.metrics().thresholds());
            return call("rds:DescribeEvents", () -> context.client("rds", RdsClient::builder)
                    .describeEventsPaginator(r -> r.duration(minutes).eventCategories("failover")
                            .maxRecords(MAX_RECORDS))
                    .events().stream()
                    .filter(e -> FAILOVER_SOURCE_TYPES.contains(e.sourceTypeAsString()))
                    .map(e -> new RdsEvent(e.sourceTypeAsString(), e.sourceIdentifier(), e.sourceArn(), e.date(),
                            e.message(), e.eventCategories()))
                    .toList());
        }
    };
}
