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
}
