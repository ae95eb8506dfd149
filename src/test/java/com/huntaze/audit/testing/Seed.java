package com.huntaze.audit.testing;

import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.rds.RdsClient;

/** Creates resources in moto through the SDK, the way integration tests set up an account. */
public final class Seed {
    private Seed() {
    }

    public static void db(MotoServer moto, String region, String id, boolean multiAz, int backupDays,
                          boolean publicAccess, boolean encrypted) {
        try (RdsClient rds = moto.configure(RdsClient.builder(), region).build()) {
            rds.createDBInstance(r -> r.dbInstanceIdentifier(id).engine("postgres").dbInstanceClass("db.t3.micro")
                    .allocatedStorage(20).masterUsername("admin").masterUserPassword("password123")
                    .multiAZ(multiAz).backupRetentionPeriod(backupDays).publiclyAccessible(publicAccess)
                    .storageEncrypted(encrypted));
        }
    }

    /** An ECS cluster, optionally with one Fargate service "api" (desired count 1). */
    public static void ecsCluster(MotoServer moto, String region, String name, boolean withService) {
        try (EcsClient ecs = moto.configure(EcsClient.builder(), region).build()) {
            ecs.createCluster(r -> r.clusterName(name));
            if (withService) {
                ecs.registerTaskDefinition(r -> r.family("api").requiresCompatibilities(Compatibility.FARGATE)
                        .networkMode("awsvpc").cpu("256").memory("512")
                        .containerDefinitions(c -> c.name("api").image("nginx").essential(true)));
                ecs.createService(r -> r.cluster(name).serviceName("api").taskDefinition("api").desiredCount(1));
            }
        }
    }

    private static final Set<String> DESCRIBES_WITH_CREATION_TIMES = Set.of("DescribeLoadBalancers",
            "DescribeDBInstances", "DescribeCacheClusters", "DescribeReplicationGroups");
    private static final Pattern CREATION_TIME = Pattern.compile(
            "<(CreatedTime|InstanceCreateTime|CacheClusterCreateTime|ReplicationGroupCreateTime)>[^<]*</\\1>");

    /**
     * moto dates every load balancer, DB instance, cache cluster and replication group at the moment it was created,
     * and cannot be told otherwise: the proxy rewrites those creation times (CreatedTime, InstanceCreateTime,
     * CacheClusterCreateTime, ReplicationGroupCreateTime) in moto's answers, every region, to {@code when}, so that
     * the idle checks judge the resources as ones that old.
     */
    public static void createdAt(StubProxy proxy, Instant when) {
        proxy.when(r -> DESCRIBES_WITH_CREATION_TIMES.contains(r.operation()), new StubProxy.Rewrite(body ->
                CREATION_TIME.matcher(body).replaceAll("<$1>" + when + "</$1>")));
    }

    /**
     * SESv2 GetAccount is not implemented by moto: the proxy answers it for {@code region}. moto also fails
     * ListEmailIdentities whenever a page size is sent, so unless a rule added earlier answers it, the proxy
     * reports no identities.
     */
    public static void sesAccount(StubProxy proxy, String region, boolean production) {
        proxy.when(r -> r.path().startsWith("/v2/email/identities?"), StubProxy.Response.json("{\"EmailIdentities\":[]}"));
        proxy.when(r -> r.path().startsWith("/v2/email/account") && r.region().equals(region), StubProxy.Response.json(
                "{\"EnforcementStatus\":\"HEALTHY\",\"ProductionAccessEnabled\":" + production
                        + ",\"SendQuota\":{\"Max24HourSend\":" + (production ? "50000.0" : "200.0")
                        + ",\"MaxSendRate\":" + (production ? "14.0" : "1.0")
                        + ",\"SentLast24Hours\":0.0},\"SendingEnabled\":true}"));
    }

    /**
     * What moto does not implement of RDS (DescribeDBMajorEngineVersions, DescribePendingMaintenanceActions: HTML
     * 500s), answered by the proxy in every region as AWS would: the lifecycles of PostgreSQL 11 (standard support
     * ended 2024-02-29), PostgreSQL 16 (until 2029-02-28) and MySQL 8.0 (ended 2026-07-31), and no pending
     * maintenance. Add rules for particular answers before this one: the first matching rule wins.
     */
    public static void rdsLifecyclesAndMaintenance(StubProxy proxy) {
        proxy.when(r -> r.operation().equals("DescribeDBMajorEngineVersions"), new StubProxy.Response(200, "text/xml",
                "<DescribeDBMajorEngineVersionsResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\">"
                        + "<DescribeDBMajorEngineVersionsResult><DBMajorEngineVersions>"
                        + majorEngineVersion("postgres", "11", "2019-03-13", "2024-02-29", "2024-03-01", "2027-03-31")
                        + majorEngineVersion("postgres", "16", "2023-11-17", "2029-02-28", "2029-03-01", "2032-02-29")
                        + majorEngineVersion("mysql", "8.0", "2018-10-23", "2026-07-31", "2026-08-01", "2029-07-31")
                        + "</DBMajorEngineVersions></DescribeDBMajorEngineVersionsResult>"
                        + "<ResponseMetadata><RequestId>stub</RequestId></ResponseMetadata>"
                        + "</DescribeDBMajorEngineVersionsResponse>"));
        pendingMaintenance(proxy, r -> true, "");
    }

    /** DescribePendingMaintenanceActions answered with {@code resources} (ResourcePendingMaintenanceActions elements). */
    public static void pendingMaintenance(StubProxy proxy, java.util.function.Predicate<StubProxy.Request> when,
                                          String resources) {
        proxy.when(r -> r.operation().equals("DescribePendingMaintenanceActions") && when.test(r),
                new StubProxy.Response(200, "text/xml",
                        "<DescribePendingMaintenanceActionsResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\">"
                                + "<DescribePendingMaintenanceActionsResult><PendingMaintenanceActions>" + resources
                                + "</PendingMaintenanceActions></DescribePendingMaintenanceActionsResult>"
                                + "<ResponseMetadata><RequestId>stub</RequestId></ResponseMetadata>"
                                + "</DescribePendingMaintenanceActionsResponse>"));
    }

    /** One ResourcePendingMaintenanceActions element: an action on {@code arn} auto-applied after {@code after}. */
    public static String pendingAction(String arn, String action, String description, Instant after) {
        return "<ResourcePendingMaintenanceActions><ResourceIdentifier>" + arn + "</ResourceIdentifier>"
                + "<PendingMaintenanceActionDetails><PendingMaintenanceAction><Action>" + action + "</Action>"
                + "<AutoAppliedAfterDate>" + after + "</AutoAppliedAfterDate><Description>" + description
                + "</Description></PendingMaintenanceAction></PendingMaintenanceActionDetails>"
                + "</ResourcePendingMaintenanceActions>";
    }

    private static String majorEngineVersion(String engine, String major, String start, String end,
                                             String extendedStart, String extendedEnd) {
        return "<DBMajorEngineVersion><Engine>" + engine + "</Engine><MajorEngineVersion>" + major
                + "</MajorEngineVersion><SupportedEngineLifecycles>"
                + lifecycle("open-source-rds-standard-support", start + "T00:00:00Z", end + "T23:59:59Z")
                + lifecycle("open-source-rds-extended-support", extendedStart + "T00:00:00Z", extendedEnd + "T23:59:59Z")
                + "</SupportedEngineLifecycles></DBMajorEngineVersion>";
    }

    private static String lifecycle(String name, String start, String end) {
        return "<SupportedEngineLifecycle><LifecycleSupportName>" + name + "</LifecycleSupportName>"
                + "<LifecycleSupportStartDate>" + start + "</LifecycleSupportStartDate><LifecycleSupportEndDate>" + end
                + "</LifecycleSupportEndDate></SupportedEngineLifecycle>";
    }

    private static final java.util.regex.Pattern SELECTIONS = java.util.regex.Pattern.compile(
            "/backup/plans/([^/?]+)/selections/?(\\?.*)?");

    /**
     * What moto 5.2.1 lacks of AWS Backup (ListBackupSelections is not implemented, ListProtectedResources and
     * ListRestoreJobs have no route) and of ElastiCache (DescribeEvents is not implemented): the proxy answers them, in
     * every region, as an account without selections, recovery points, restore jobs or cache events would, so that a
     * full audit against moto collects those datasets. Rules added earlier win (a test's own answers, or those of
     * {@link #backupSelection}, which always come first).
     */
    public static void noBackupSelectionsRestoresOrCacheEvents(StubProxy proxy) {
        proxy.when(r -> r.service().equals("backup") && SELECTIONS.matcher(r.path()).matches(),
                StubProxy.Response.json("{\"BackupSelectionsList\":[]}"));
        proxy.when(r -> r.service().equals("backup") && r.path().startsWith("/resources/"),
                StubProxy.Response.json("{\"Results\":[]}"));
        proxy.when(r -> r.service().equals("backup") && r.path().startsWith("/restore-jobs/"),
                StubProxy.Response.json("{\"RestoreJobs\":[]}"));
        proxy.when(r -> r.service().equals("elasticache") && r.operation().equals("DescribeEvents"),
                cacheEvents());
    }

    /** An ElastiCache DescribeEvents page of {@code events} ({@code <Event>} elements), the last page. */
    public static StubProxy.Response cacheEvents(String... events) {
        return new StubProxy.Response(200, "text/xml", "<DescribeEventsResponse"
                + " xmlns=\"http://elasticache.amazonaws.com/doc/2015-02-02/\"><DescribeEventsResult><Events>"
                + String.join("", events) + "</Events></DescribeEventsResult><ResponseMetadata><RequestId>stub"
                + "</RequestId></ResponseMetadata></DescribeEventsResponse>");
    }

    /**
     * One selection of a backup plan, which moto cannot store: the proxy answers the plan's ListBackupSelections
     * (this one selection) and its GetBackupSelection in {@code region}, ahead of every other rule.
     *
     * @param resources  the selection's resource ARNs (wildcards allowed)
     * @param listOfTags its ListOfTags, as {@code KEY=VALUE} (StringEquals)
     */
    public static void backupSelection(StubProxy proxy, String region, String planId, String selectionId,
                                       String name, java.util.List<String> resources, java.util.List<String> listOfTags) {
        long created = Instant.parse("2026-01-05T10:00:00Z").getEpochSecond();
        String role = "arn:aws:iam::123456789012:role/service-role/AWSBackupDefaultServiceRole";
        String arns = resources.stream().map(a -> "\"" + a + "\"").collect(java.util.stream.Collectors.joining(","));
        String tags = listOfTags.stream().map(t -> "{\"ConditionType\":\"STRINGEQUALS\",\"ConditionKey\":\""
                + t.substring(0, t.indexOf('=')) + "\",\"ConditionValue\":\"" + t.substring(t.indexOf('=') + 1) + "\"}")
                .collect(java.util.stream.Collectors.joining(","));
        proxy.before(r -> r.region().equals(region) && r.service().equals("backup")
                        && r.path().startsWith("/backup/plans/" + planId + "/selections/" + selectionId),
                new StubProxy.Respond(StubProxy.Response.json("{\"BackupSelection\":{\"SelectionName\":\"" + name
                        + "\",\"IamRoleArn\":\"" + role + "\",\"Resources\":[" + arns + "],\"ListOfTags\":[" + tags
                        + "],\"NotResources\":[],\"Conditions\":{\"StringEquals\":[],\"StringNotEquals\":[],"
                        + "\"StringLike\":[],\"StringNotLike\":[]}},\"SelectionId\":\"" + selectionId
                        + "\",\"BackupPlanId\":\"" + planId + "\",\"CreationDate\":" + created + "}")));
        proxy.before(r -> r.region().equals(region) && r.service().equals("backup")
                        && r.path().matches("/backup/plans/" + planId + "/selections/?(\\?.*)?"),
                new StubProxy.Respond(StubProxy.Response.json("{\"BackupSelectionsList\":[{\"SelectionId\":\""
                        + selectionId + "\",\"SelectionName\":\"" + name + "\",\"BackupPlanId\":\"" + planId
                        + "\",\"CreationDate\":" + created + ",\"IamRoleArn\":\"" + role + "\"}]}")));
    }
}
