package com.huntaze.audit.services.rds;

import com.huntaze.audit.collection.ServiceClient;
import software.amazon.awssdk.services.rds.RdsClient;
import com.huntaze.audit.collection.CollectionContext;
import com.huntaze.audit.collection.DatasetCollector;

import static com.huntaze.audit.collection.AwsCalls.call;

import com.huntaze.audit.inventory.Dataset;
import java.util.List;
import software.amazon.awssdk.services.rds.RdsClientBuilder;
import software.amazon.awssdk.services.rds.model.DBClusterMember;
import software.amazon.awssdk.services.rds.model.Subnet;
import software.amazon.awssdk.services.rds.model.VpcSecurityGroupMembership;

/**
 * RDS: DescribeDBInstances and DescribeDBClusters, all pages at the maximum page size (100). An instance's security
 * groups and the subnets of its subnet group come with DescribeDBInstances: no call of their own.
 */
final class RdsCollectors {
    private RdsCollectors() {
    }

    static final ServiceClient<RdsClient, RdsClientBuilder> RDS = ServiceClient.regional("rds", RdsClient::builder);

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
            return call("rds:DescribeDBInstances", () -> context.client(RDS)
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
                            i.instanceCreateTime(),
                            i.vpcSecurityGroups().stream().map(VpcSecurityGroupMembership::vpcSecurityGroupId)
                                    .toList(),
                            i.dbSubnetGroup() == null ? null : i.dbSubnetGroup().dbSubnetGroupName(),
                            i.dbSubnetGroup() == null ? null : i.dbSubnetGroup().vpcId(),
                            i.dbSubnetGroup() == null ? List.of() : i.dbSubnetGroup().subnets().stream()
                                    .map(Subnet::subnetIdentifier).toList(),
                            i.engineVersion(),
                            i.autoMinorVersionUpgrade()))
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
            return call("rds:DescribeDBClusters", () -> context.client(RDS)
                    .describeDBClustersPaginator(r -> r.maxRecords(MAX_RECORDS)).dbClusters().stream()
                    .map(c -> new DbCluster(
                            c.dbClusterIdentifier(),
                            c.dbClusterArn(),
                            c.engine(),
                            Boolean.TRUE.equals(c.multiAZ()),
                            c.backupRetentionPeriod() == null ? 0 : c.backupRetentionPeriod(),
                            Boolean.TRUE.equals(c.storageEncrypted()),
                            Boolean.TRUE.equals(c.deletionProtection()),
                            c.dbClusterMembers().stream().map(DBClusterMember::dbInstanceIdentifier).toList(),
                            c.engineVersion()))
                    .toList());
        }
    };

    /**
     * Every major engine version with its lifecycles: DescribeDBMajorEngineVersions without a filter, all pages of 100
     * (its maximum). One walk covers every engine the region runs, whatever their number, and an engine name the API
     * does not take (the old {@code aurora}) cannot fail it.
     */
    static final DatasetCollector<List<DbMajorEngineVersion>> MAJOR_ENGINE_VERSIONS = new DatasetCollector<>() {
        @Override
        public Dataset<List<DbMajorEngineVersion>> dataset() {
            return RdsDatasets.MAJOR_ENGINE_VERSIONS;
        }

        @Override
        public List<String> actions() {
            return List.of("rds:DescribeDBMajorEngineVersions");
        }

        @Override
        public List<DbMajorEngineVersion> collect(CollectionContext context) {
            return call("rds:DescribeDBMajorEngineVersions", () -> context.client(RDS)
                    .describeDBMajorEngineVersionsPaginator(r -> r.maxRecords(MAX_RECORDS)).dbMajorEngineVersions()
                    .stream()
                    .map(v -> new DbMajorEngineVersion(v.engine(), v.majorEngineVersion(),
                            v.supportedEngineLifecycles().stream()
                                    .map(l -> new DbMajorEngineVersion.Lifecycle(l.lifecycleSupportNameAsString(),
                                            l.lifecycleSupportStartDate(), l.lifecycleSupportEndDate()))
                                    .toList()))
                    .toList());
        }
    };

    /** DescribePendingMaintenanceActions: one walk per region for every instance and cluster, pages of 100. */
    static final DatasetCollector<List<PendingMaintenance>> PENDING_MAINTENANCE = new DatasetCollector<>() {
        @Override
        public Dataset<List<PendingMaintenance>> dataset() {
            return RdsDatasets.PENDING_MAINTENANCE;
        }

        @Override
        public List<String> actions() {
            return List.of("rds:DescribePendingMaintenanceActions");
        }

        @Override
        public List<PendingMaintenance> collect(CollectionContext context) {
            return call("rds:DescribePendingMaintenanceActions", () -> context.client(RDS)
                    .describePendingMaintenanceActionsPaginator(r -> r.maxRecords(MAX_RECORDS))
                    .pendingMaintenanceActions().stream()
                    .map(p -> new PendingMaintenance(p.resourceIdentifier(), p.pendingMaintenanceActionDetails().stream()
                            .map(a -> new PendingMaintenance.Action(a.action(), a.description(),
                                    a.autoAppliedAfterDate(), a.forcedApplyDate(), a.currentApplyDate(),
                                    a.optInStatus()))
                            .toList()))
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
            return call("rds:DescribeEvents", () -> context.client(RDS)
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
