package com.huntaze.audit.inventory;

import com.fasterxml.jackson.core.type.TypeReference;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.inventory.model.CacheCluster;
import com.huntaze.audit.inventory.model.CacheReplicationGroup;
import com.huntaze.audit.inventory.model.CloudWatchAlarms;
import com.huntaze.audit.inventory.model.DbCluster;
import com.huntaze.audit.inventory.model.DbInstance;
import com.huntaze.audit.inventory.model.EcsCluster;
import com.huntaze.audit.inventory.model.EcsService;
import com.huntaze.audit.inventory.model.EcsTaskDefinition;
import com.huntaze.audit.inventory.model.IamAccessKey;
import com.huntaze.audit.inventory.model.IamAccountSummary;
import com.huntaze.audit.inventory.model.IamUser;
import com.huntaze.audit.inventory.model.LoadBalancer;
import com.huntaze.audit.inventory.model.LoadBalancerListener;
import com.huntaze.audit.inventory.model.LogGroup;
import com.huntaze.audit.inventory.model.MetricData;
import com.huntaze.audit.inventory.model.Secret;
import com.huntaze.audit.inventory.model.SesAccount;
import com.huntaze.audit.inventory.model.TargetGroup;
import com.huntaze.audit.inventory.model.SesIdentity;
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
    public static final Dataset<List<CacheReplicationGroup>> ELASTICACHE_REPLICATION_GROUPS =
            new Dataset<>("elasticache.replicationGroups", Scope.REGIONAL, "elasticache", new TypeReference<>() { });
    /** Every cache cluster, replication group members included (one cluster per node there). */
    public static final Dataset<List<CacheCluster>> ELASTICACHE_CACHE_CLUSTERS =
            new Dataset<>("elasticache.cacheClusters", Scope.REGIONAL, "elasticache", new TypeReference<>() { });
    public static final Dataset<List<LoadBalancer>> ELBV2_LOAD_BALANCERS =
            new Dataset<>("elbv2.loadBalancers", Scope.REGIONAL, "elasticloadbalancing", new TypeReference<>() { });
    /** The listeners of every load balancer in {@link #ELBV2_LOAD_BALANCERS}. */
    public static final Dataset<List<LoadBalancerListener>> ELBV2_LISTENERS =
            new Dataset<>("elbv2.listeners", Scope.REGIONAL, "elasticloadbalancing", new TypeReference<>() { });
    /** Every target group, with target health for those attached to a load balancer. */
    public static final Dataset<List<TargetGroup>> ELBV2_TARGET_GROUPS =
            new Dataset<>("elbv2.targetGroups", Scope.REGIONAL, "elasticloadbalancing", new TypeReference<>() { });

    /** The services of every cluster in {@link #ECS_CLUSTERS}. */
    public static final Dataset<List<EcsService>> ECS_SERVICES =
            new Dataset<>("ecs.services", Scope.REGIONAL, "ecs", new TypeReference<>() { });
    public static final Dataset<IamAccountSummary> IAM_ACCOUNT_SUMMARY =
            new Dataset<>("iam.accountSummary", Scope.GLOBAL, "iam", new TypeReference<>() { });
    public static final Dataset<List<IamUser>> IAM_USERS =
            new Dataset<>("iam.users", Scope.GLOBAL, "iam", new TypeReference<>() { });
    /** The access keys of every user in {@link #IAM_USERS}, with their last use. */
    public static final Dataset<List<IamAccessKey>> IAM_ACCESS_KEYS =
            new Dataset<>("iam.accessKeys", Scope.GLOBAL, "iam", new TypeReference<>() { });
    public static final Dataset<List<Secret>> SECRETSMANAGER_SECRETS =
            new Dataset<>("secretsmanager.secrets", Scope.REGIONAL, "secretsmanager", new TypeReference<>() { });

    public static final Dataset<List<SesIdentity>> SES_EMAIL_IDENTITIES =
            new Dataset<>("ses.emailIdentities", Scope.REGIONAL, "ses", new TypeReference<>() { });

    /** DescribeAlarms, metric and composite alarms. */
    public static final Dataset<CloudWatchAlarms> CLOUDWATCH_ALARMS =
            new Dataset<>("cloudwatch.alarms", Scope.REGIONAL, "cloudwatch", new TypeReference<>() { });
    public static final Dataset<List<LogGroup>> LOGS_LOG_GROUPS =
            new Dataset<>("logs.logGroups", Scope.REGIONAL, "logs", new TypeReference<>() { });
    /** The metric specs of the selected checks, read with GetMetricData (see {@link MetricSpec}). */
    public static final Dataset<MetricData> CLOUDWATCH_METRICS =
            new Dataset<>("cloudwatch.metrics", Scope.REGIONAL, "cloudwatch", new TypeReference<>() { });

    /** The task definitions the services of {@link #ECS_SERVICES} run (each distinct revision once). */
    public static final Dataset<List<EcsTaskDefinition>> ECS_TASK_DEFINITIONS =
            new Dataset<>("ecs.taskDefinitions", Scope.REGIONAL, "ecs", new TypeReference<>() { });

    public static final List<Dataset<?>> ALL = List.of(RDS_DB_INSTANCES, RDS_DB_CLUSTERS, ECS_CLUSTERS, SES_ACCOUNT,
            ELASTICACHE_REPLICATION_GROUPS, ELASTICACHE_CACHE_CLUSTERS,
            ELBV2_LOAD_BALANCERS, ELBV2_LISTENERS, ELBV2_TARGET_GROUPS,
            ECS_SERVICES, IAM_ACCOUNT_SUMMARY, IAM_USERS, IAM_ACCESS_KEYS, SECRETSMANAGER_SECRETS,
            SES_EMAIL_IDENTITIES, CLOUDWATCH_ALARMS, LOGS_LOG_GROUPS, CLOUDWATCH_METRICS,
            ECS_TASK_DEFINITIONS);

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
