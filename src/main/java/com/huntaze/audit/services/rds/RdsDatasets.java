package com.huntaze.audit.services.rds;

import com.fasterxml.jackson.core.type.TypeReference;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;

/** The datasets of the rds service, each filled by one of its collectors. */
public final class RdsDatasets {
    private RdsDatasets() {
    }

    public static final Dataset<List<DbInstance>> DB_INSTANCES =
            new Dataset<>("rds.dbInstances", Scope.REGIONAL, "rds", new TypeReference<>() { });

    public static final Dataset<List<DbCluster>> DB_CLUSTERS =
            new Dataset<>("rds.dbClusters", Scope.REGIONAL, "rds", new TypeReference<>() { });

    /** Every major engine version RDS knows, with its support lifecycles (the same list in every region). */
    public static final Dataset<List<DbMajorEngineVersion>> MAJOR_ENGINE_VERSIONS =
            new Dataset<>("rds.majorEngineVersions", Scope.REGIONAL, "rds", new TypeReference<>() { });

    /** The pending maintenance actions of the region's DB instances and clusters (only those that have some). */
    public static final Dataset<List<PendingMaintenance>> PENDING_MAINTENANCE =
            new Dataset<>("rds.pendingMaintenance", Scope.REGIONAL, "rds", new TypeReference<>() { });

    /**
     * The failover events (category {@code failover}) of DB instances and clusters in the last
     * {@code attestationMaxAgeDays} days, at most the 14 days RDS keeps: the evidence of {@code manual.failover-test}.
     */
    public static final Dataset<List<RdsEvent>> FAILOVER_EVENTS =
            new Dataset<>("rds.failoverEvents", Scope.REGIONAL, "rds", new TypeReference<>() { });
}
