package com.huntaze.audit.inventory;

import com.fasterxml.jackson.core.type.TypeReference;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.inventory.model.CloudWatchAlarms;
import com.huntaze.audit.inventory.model.DbCluster;
import com.huntaze.audit.inventory.model.DbInstance;
import com.huntaze.audit.inventory.model.EcsCluster;
import com.huntaze.audit.inventory.model.LogGroup;
import com.huntaze.audit.inventory.model.MetricData;
import com.huntaze.audit.inventory.model.SesAccount;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every dataset the inventory knows. Adding one: a constant here, a record in model/, a collector in aws/. */
public final class Datasets {
    private Datasets() {
    }

    public static final Dataset<List<DbInstance>> RDS_DB_INSTANCES =
            new Dataset<>("rds.dbInstances", Scope.REGIONAL, "rds", new TypeReference<>() { });
    public static final Dataset<List<DbCluster>> RDS_DB_CLUSTERS =
            new Dataset<>("rds.dbClusters", Scope.REGIONAL, "rds", new TypeReference<>() { });
    public static final Dataset<List<EcsCluster>> ECS_CLUSTERS =
            new Dataset<>("ecs.clusters", Scope.REGIONAL, "ecs", new TypeReference<>() { });
    public static final Dataset<SesAccount> SES_ACCOUNT =
            new Dataset<>("ses.account", Scope.REGIONAL, "ses", new TypeReference<>() { });

    /** DescribeAlarms, metric and composite alarms. */
    public static final Dataset<CloudWatchAlarms> CLOUDWATCH_ALARMS =
            new Dataset<>("cloudwatch.alarms", Scope.REGIONAL, "cloudwatch", new TypeReference<>() { });
    public static final Dataset<List<LogGroup>> LOGS_LOG_GROUPS =
            new Dataset<>("logs.logGroups", Scope.REGIONAL, "logs", new TypeReference<>() { });
    /** The metric specs of the selected checks, read with GetMetricData (see {@link MetricSpec}). */
    public static final Dataset<MetricData> CLOUDWATCH_METRICS =
            new Dataset<>("cloudwatch.metrics", Scope.REGIONAL, "cloudwatch", new TypeReference<>() { });

    public static final List<Dataset<?>> ALL = List.of(RDS_DB_INSTANCES, RDS_DB_CLUSTERS, ECS_CLUSTERS, SES_ACCOUNT,
            CLOUDWATCH_ALARMS, LOGS_LOG_GROUPS, CLOUDWATCH_METRICS);

    private static final Map<String, Dataset<?>> BY_ID =
            ALL.stream().collect(Collectors.toMap(Dataset::id, Function.identity()));

    public static Dataset<?> byId(String id) {
        Dataset<?> dataset = BY_ID.get(id);
        if (dataset == null) {
            throw new IllegalArgumentException("unknown dataset: " + id);
        }
        return dataset;
    }
}
