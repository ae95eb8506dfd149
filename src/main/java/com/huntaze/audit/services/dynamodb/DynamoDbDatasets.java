package com.huntaze.audit.services.dynamodb;

import com.fasterxml.jackson.core.type.TypeReference;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;

/**
 * The datasets of the dynamodb service, each filled by one of its collectors. The per-table calls are one dataset
 * each (both after ListTables, side by side), so that a check costs only the calls it reads.
 */
public final class DynamoDbDatasets {
    private DynamoDbDatasets() {
    }

    /** The names of the region's tables (ListTables). */
    public static final Dataset<List<String>> TABLE_NAMES =
            new Dataset<>("dynamodb.tableNames", Scope.REGIONAL, "dynamodb", new TypeReference<>() { });

    /** Each table (DescribeTable). */
    public static final Dataset<List<DynamoDbTable>> TABLES =
            new Dataset<>("dynamodb.tables", Scope.REGIONAL, "dynamodb", new TypeReference<>() { });

    /** Each table's point-in-time recovery (DescribeContinuousBackups). */
    public static final Dataset<List<ContinuousBackups>> CONTINUOUS_BACKUPS =
            new Dataset<>("dynamodb.continuousBackups", Scope.REGIONAL, "dynamodb", new TypeReference<>() { });
}
