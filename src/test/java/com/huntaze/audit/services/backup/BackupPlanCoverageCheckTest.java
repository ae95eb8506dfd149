package com.huntaze.audit.services.backup;

import static com.huntaze.audit.testing.Fixtures.aurora;
import static com.huntaze.audit.testing.Fixtures.db;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.inventory.CollectionFailure;
import com.huntaze.audit.services.ServiceCatalog;
import com.huntaze.audit.services.rds.DbCluster;
import com.huntaze.audit.services.rds.DbInstance;
import com.huntaze.audit.services.rds.RdsBackupRetentionCheck;
import com.huntaze.audit.services.rds.RdsDatasets;
import com.huntaze.audit.testing.CheckHarness;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackupPlanCoverageCheckTest {

    private static final String DB = "arn:aws:rds:us-east-1:123456789012:db:";
    private static final String CLUSTER = "arn:aws:rds:us-east-1:123456789012:cluster:";
    private static final BackupRule DAILY = new BackupRule("daily", "cron(0 5 ? * * *)", 35L);

    private static BackupPlanCoverageCheck check() {
        return new BackupPlanCoverageCheck(ServiceCatalog.current().all(BackupProtectable.class));
    }

    private static BackupSelection byArn(String name, String... resources) {
        return new BackupSelection("sel-" + name, name, List.of(resources), List.of(), List.of(), List.of());
    }

    private static BackupPlan plan(String name, List<BackupRule> rules, BackupSelection... selections) {
        return new BackupPlan("id-" + name, name, "arn:aws:backup:us-east-1:123456789012:backup-plan:id-" + name, rules,
                List.of(selections));
    }

    private static CheckHarness audit(List<BackupPlan> plans, List<ProtectedResource> protectedResources,
                                      List<DbInstance> instances, List<DbCluster> clusters) {
        return CheckHarness.of(check())
                .with(BackupDatasets.PLANS, plans)
                .with(BackupDatasets.PROTECTED_RESOURCES, protectedResources)
                .with(RdsDatasets.DB_INSTANCES, instances)
                .with(RdsDatasets.DB_CLUSTERS, clusters)
                .with(com.huntaze.audit.services.dynamodb.DynamoDbDatasets.TABLES, List.of())
                .with(com.huntaze.audit.services.efs.EfsDatasets.FILE_SYSTEMS, List.of());
    }

    private static CheckHarness audit(List<BackupPlan> plans, DbInstance... instances) {
        return audit(plans, List.of(), List.of(instances), List.of());
    }

    @Test
    void anInstanceSelectedByItsArnIsOkWithThePlanAndItsRuleAndOneOutsideEveryPlanIsNok() {
        var audit = audit(List.of(plan("prod-daily", List.of(DAILY,
                        new BackupRule("monthly", "cron(0 5 1 * ? *)", 365L)), byArn("databases", DB + "orders-db"))),
                db("orders-db").build(), db("analytics-db").build());

        Finding covered = audit.finding("orders-db");
        assertThat(covered.status()).isEqualTo(Status.OK);
        assertThat(covered.message()).isEqualTo("In backup plan prod-daily (selection databases).");
        assertThat(covered.resourceType()).isEqualTo("AWS::RDS::DBInstance");
        assertThat(covered.resourceArn()).isEqualTo(DB + "orders-db");
        assertThat(covered.evidence()).containsEntry("BackupPlan", "prod-daily").containsEntry("Selection", "databases")
                .containsEntry("MatchedBy", DB + "orders-db").containsEntry("Rule", "daily")
                .containsEntry("ScheduleExpression", "cron(0 5 ? * * *)").containsEntry("DeleteAfterDays", 35L)
                .containsEntry("OtherRules", List.of("monthly: cron(0 5 1 * ? *), kept 365 days"));

        Finding outside = audit.finding("analytics-db");
        assertThat(outside.status()).isEqualTo(Status.NOK);
        assertThat(outside.message()).startsWith("Outside every backup plan: no selection of the region's 1 plan");
        assertThat(outside.evidence()).containsEntry("BackupPlans", List.of("prod-daily"));
        assertThat(outside.remediation()).contains("aws backup create-backup-selection");
    }

    @Test
    void wildcardsSelectEveryMatchingArnAndNotResourcesLeaveOneOut() {
        var everyDb = new BackupSelection("s1", "all-dbs", List.of("arn:aws:rds:*:*:db:*"),
                List.of(DB + "scratch-*"), List.of(), List.of());
        var audit = audit(List.of(plan("p", List.of(DAILY), everyDb)),
                db("orders-db").build(), db("scratch-42").build());

        assertThat(audit.finding("orders-db").status()).isEqualTo(Status.OK);
        assertThat(audit.finding("orders-db").evidence()).containsEntry("MatchedBy", "arn:aws:rds:*:*:db:*");
        assertThat(audit.finding("scratch-42").status()).isEqualTo(Status.NOK);
        assertThat(audit(List.of(plan("p", List.of(DAILY), byArn("everything", "*"))), db("orders-db").build())
                .finding("orders-db").status()).as("* selects every supported resource").isEqualTo(Status.OK);
    }

    @Test
    void anAuroraClusterIsJudgedOnceAsTheClusterNotAsItsMembers() {
        var audit = audit(List.of(plan("p", List.of(DAILY), byArn("clusters", "arn:aws:rds:*:*:cluster:*"))),
                List.of(), List.of(db("app-writer").cluster("app").build(), db("app-reader").cluster("app").build(),
                        db("solo").build()),
                List.of(aurora("app", true, 7, true, "app-writer", "app-reader")));

        assertThat(audit.findings()).extracting(Finding::resourceId).containsExactly("app", "p", "solo");
        Finding cluster = audit.finding("app");
        assertThat(cluster.status()).isEqualTo(Status.OK);
        assertThat(cluster.resourceType()).isEqualTo("AWS::RDS::DBCluster");
        assertThat(cluster.resourceArn()).isEqualTo(CLUSTER + "app");
        assertThat(audit.finding("solo").status()).as("arn:aws:rds:*:*:cluster:* names no instance")
                .isEqualTo(Status.NOK);
    }

    @Test
    void aResourceWithRecoveryPointsInAwsBackupIsOkEvenWithoutASelectionNamingIt() {
        var backedUp = new ProtectedResource(DB + "orders-db", "RDS", "orders-db", Instant.parse("2026-11-21T05:41:18Z"));

        Finding finding = audit(List.of(), List.of(backedUp), List.of(db("orders-db").build()), List.of())
                .finding("orders-db");

        assertThat(finding.status()).isEqualTo(Status.OK);
        assertThat(finding.message()).isEqualTo("AWS Backup holds recovery points of it (last backup"
                + " 2026-11-21T05:41:18Z).");
        assertThat(finding.evidence()).containsEntry("ProtectedResource", "RDS")
                .containsEntry("LastBackupTime", "2026-11-21T05:41:18Z");
    }

    @Test
    void aResourceOnlyATagSelectionCouldPickIsTodoNamingThePlan() {
        var tagged = new BackupSelection("s-tags", "tagged", List.of(), List.of(), List.of("aws:ResourceTag/backup = daily"),
                List.of());

        Finding finding = audit(List.of(plan("by-tags", List.of(DAILY), tagged)), db("orders-db").build())
                .finding("orders-db");

        assertThat(finding.status()).isEqualTo(Status.TODO);
        assertThat(finding.message()).contains("may be selected by the tags of plan by-tags")
                .contains("tags are not read");
        assertThat(finding.evidence()).containsEntry("BackupPlan", "by-tags").containsEntry("Selection", "tagged")
                .containsEntry("TagConditions", List.of("aws:ResourceTag/backup = daily"));
        assertThat(finding.remediation()).contains("aws backup get-backup-selection --backup-plan-id id-by-tags"
                + " --selection-id s-tags").contains("list-tags-for-resource");
    }

    @Test
    void tagConditionsNarrowTheArnsTheyComeWith() {
        var narrowed = new BackupSelection("s", "prod-dbs", List.of("arn:aws:rds:*:*:db:*"), List.of(), List.of(),
                List.of("aws:ResourceTag/env = prod"));
        var clustersOnly = new BackupSelection("s2", "prod-clusters", List.of("arn:aws:rds:*:*:cluster:*"), List.of(),
                List.of(), List.of("aws:ResourceTag/env = prod"));

        assertThat(audit(List.of(plan("p", List.of(DAILY), narrowed)), db("orders-db").build()).finding("orders-db")
                .status()).as("the ARN matches, the tags may not").isEqualTo(Status.TODO);
        assertThat(audit(List.of(plan("p", List.of(DAILY), clustersOnly)), db("orders-db").build()).finding("orders-db")
                .status()).as("the ARNs exclude it whatever its tags").isEqualTo(Status.NOK);
    }

    @Test
    void aSelectionByArnWinsOverATagSelectionAndNoPlanAtAllIsSaid() {
        var tagged = new BackupSelection("t", "tagged", List.of(), List.of(), List.of("backup = yes"), List.of());
        var audit = audit(List.of(plan("a-tags", List.of(DAILY), tagged), plan("b-arns", List.of(DAILY),
                byArn("dbs", DB + "orders-db"))), db("orders-db").build());

        assertThat(audit.finding("orders-db").status()).isEqualTo(Status.OK);
        assertThat(audit.finding("orders-db").evidence()).containsEntry("BackupPlan", "b-arns");
        assertThat(audit(List.of(), db("orders-db").build()).finding("orders-db").message())
                .isEqualTo("Outside every backup plan: the region has no AWS Backup plan, and AWS Backup holds no"
                        + " recovery point of it.");
    }

    @Test
    void aPlanRuleKeepingRecoveryPointsFewerThanMinBackupDaysIsNokOnThePlan() {
        var audit = audit(List.of(
                plan("eu-weekly", List.of(new BackupRule("weekly", "cron(0 3 ? * SUN *)", 3L))),
                plan("exactly", List.of(new BackupRule("daily", "cron(0 5 ? * * *)", 7L))),
                plan("forever", List.of(new BackupRule("yearly", "cron(0 5 1 1 ? *)", null)))));

        Finding shortPlan = audit.finding("eu-weekly");
        assertThat(shortPlan.status()).isEqualTo(Status.NOK);
        assertThat(shortPlan.resourceType()).isEqualTo("AWS::Backup::BackupPlan");
        assertThat(shortPlan.resourceArn()).isEqualTo("arn:aws:backup:us-east-1:123456789012:backup-plan:id-eu-weekly");
        assertThat(shortPlan.message()).isEqualTo("Rule weekly (3 days) keeps recovery points fewer than the required 7"
                + " days.");
        assertThat(shortPlan.evidence()).containsEntry("Rules", List.of("weekly: cron(0 3 ? * SUN *), kept 3 days"))
                .containsEntry("MinimumDays", 7);
        assertThat(shortPlan.remediation()).contains("aws backup update-backup-plan --backup-plan-id id-eu-weekly");
        assertThat(audit.finding("exactly").status()).isEqualTo(Status.OK);
        assertThat(audit.finding("forever").status()).isEqualTo(Status.OK);
        assertThat(audit.finding("forever").evidence())
                .containsEntry("Rules", List.of("yearly: cron(0 5 1 1 ? *), kept until deleted"));
    }

    @Test
    void theMinimumIsTheRdsThresholdMinBackupDaysDeclaredOnce() {
        var audit = audit(List.of(plan("p", List.of(new BackupRule("a", "rate(1 day)", 10L),
                new BackupRule("b", "rate(7 days)", 12L))))).threshold(RdsBackupRetentionCheck.MIN_BACKUP_DAYS, 14);

        assertThat(audit.finding("p").status()).isEqualTo(Status.NOK);
        assertThat(audit.finding("p").message()).isEqualTo("Rules a (10 days), b (12 days) keep recovery points fewer"
                + " than the required 14 days.");
        assertThat(check().thresholds()).containsExactly(RdsBackupRetentionCheck.MIN_BACKUP_DAYS);
    }

    @Test
    void nothingToJudgeMeansNoFindings() {
        assertThat(audit(List.of()).findings()).isEmpty();
    }

    @Test
    void unreadableSelectionsMakeTheRegionOneTodoNamingTheAction() {
        var denied = new CollectionFailure("backup:GetBackupSelection", CollectionFailure.Kind.ACCESS_DENIED,
                "AccessDeniedException", "not authorized");
        var audit = CheckHarness.of(check())
                .failing("us-east-1", BackupDatasets.PLANS, denied)
                .with(BackupDatasets.PROTECTED_RESOURCES, List.of())
                .with(RdsDatasets.DB_INSTANCES, List.of(db("orders-db").build()))
                .with(RdsDatasets.DB_CLUSTERS, List.of());

        assertThat(audit.findings()).singleElement().satisfies(todo -> {
            assertThat(todo.status()).isEqualTo(Status.TODO);
            assertThat(todo.message()).contains("backup:GetBackupSelection").contains("access denied");
        });
    }

    @Test
    void theCheckReadsWhatTheServicesContribute() {
        assertThat(check().requires()).contains(BackupDatasets.PLANS, BackupDatasets.PROTECTED_RESOURCES,
                RdsDatasets.DB_INSTANCES, RdsDatasets.DB_CLUSTERS,
                com.huntaze.audit.services.dynamodb.DynamoDbDatasets.TABLES,
                com.huntaze.audit.services.efs.EfsDatasets.FILE_SYSTEMS);
        var none = new BackupPlanCoverageCheck(List.of());
        assertThat(none.requires()).containsExactlyInAnyOrder(BackupDatasets.PLANS, BackupDatasets.PROTECTED_RESOURCES);
    }

    @Test
    void dynamoDbTablesAndEfsFileSystemsAreJudgedLikeDatabases() {
        var table = new com.huntaze.audit.services.dynamodb.DynamoDbTable("orders",
                "arn:aws:dynamodb:us-east-1:123456789012:table/orders", "ACTIVE", true, "PAY_PER_REQUEST",
                null);
        var audit = CheckHarness.of(check())
                .with(BackupDatasets.PLANS, List.of(plan("prod-daily", List.of(DAILY),
                        byArn("tables", "arn:aws:dynamodb:*:*:table/*"))))
                .with(BackupDatasets.PROTECTED_RESOURCES, List.of())
                .with(RdsDatasets.DB_INSTANCES, List.of())
                .with(RdsDatasets.DB_CLUSTERS, List.of())
                .with(com.huntaze.audit.services.dynamodb.DynamoDbDatasets.TABLES, List.of(table))
                .with(com.huntaze.audit.services.efs.EfsDatasets.FILE_SYSTEMS, List.of(
                        new com.huntaze.audit.services.efs.EfsFileSystem("fs-0uploads",
                                "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-0uploads", "uploads",
                                "available", null),
                        new com.huntaze.audit.services.efs.EfsFileSystem("fs-0gone",
                                "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-0gone", "gone",
                                "deleting", null)));

        Finding covered = audit.finding("orders");
        assertThat(covered.status()).isEqualTo(Status.OK);
        assertThat(covered.resourceType()).isEqualTo("AWS::DynamoDB::Table");
        Finding uploads = audit.finding("fs-0uploads");
        assertThat(uploads.status()).as("no selection names EFS").isEqualTo(Status.NOK);
        assertThat(uploads.resourceType()).isEqualTo("AWS::EFS::FileSystem");
        assertThat(audit.findings()).extracting(Finding::resourceId).doesNotContain("fs-0gone");
    }
}
