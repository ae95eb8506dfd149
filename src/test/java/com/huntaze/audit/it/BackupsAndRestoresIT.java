package com.huntaze.audit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huntaze.audit.testing.AmplifyStub;
import com.huntaze.audit.testing.CliRun;
import com.huntaze.audit.testing.Moto;
import com.huntaze.audit.testing.MotoServer;
import com.huntaze.audit.testing.Seed;
import com.huntaze.audit.testing.StubProxy;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.backup.BackupClient;

/**
 * backup.plan-coverage, manual.restore-test and manual.failover-test against moto in two regions. moto keeps the DB
 * instances and the backup plans with their rules (ListBackupPlans, GetBackupPlan); what it lacks is answered by the
 * loopback proxy, AWS-shaped: backup selections (not implemented), protected resources and restore jobs (no route),
 * RDS failover events (moto only has canned creation and backup events) and ElastiCache events (not implemented).
 */
@ExtendWith(Moto.class)
class BackupsAndRestoresIT {

    private static final String DB = "arn:aws:rds:%s:123456789012:db:%s";

    private MotoServer moto;
    private StubProxy proxy;

    @BeforeEach
    void setUp(MotoServer moto) {
        this.moto = moto;
        proxy = new StubProxy(moto.endpoint());
        Seed.sesAccount(proxy, "us-east-1", true);
        Seed.sesAccount(proxy, "eu-west-1", true);
        // what moto lacks of the other services a full audit reads
        Seed.rdsLifecyclesAndMaintenance(proxy);
        AmplifyStub.noApps(proxy);
    }

    @AfterEach
    void tearDown() {
        proxy.close();
    }

    /** A backup plan in moto (one rule), its id. */
    private String plan(String region, String name, long deleteAfterDays) {
        try (BackupClient backup = moto.configure(BackupClient.builder(), region).build()) {
            return backup.createBackupPlan(r -> r.backupPlan(p -> p.backupPlanName(name).rules(rule -> rule
                    .ruleName("daily").targetBackupVaultName("Default").scheduleExpression("cron(0 5 ? * * *)")
                    .lifecycle(l -> l.deleteAfterDays(deleteAfterDays))))).backupPlanId();
        }
    }

    /**
     * us-east-1: orders-db selected by ARN in plan prod-daily (35 days), analytics-db in no plan. eu-west-1: eu-db,
     * which only plan eu-tagged's selection by tags could pick, and that plan keeps recovery points 3 days.
     */
    private void seedPlans() {
        Seed.db(moto, "us-east-1", "orders-db", true, 7, false, true);
        Seed.db(moto, "us-east-1", "analytics-db", false, 7, false, true);
        Seed.db(moto, "eu-west-1", "eu-db", true, 7, false, true);
        String prod = plan("us-east-1", "prod-daily", 35);
        Seed.backupSelection(proxy, "us-east-1", prod, "sel-databases", "databases",
                List.of(String.format(DB, "us-east-1", "orders-db")), List.of());
        String tagged = plan("eu-west-1", "eu-tagged", 3);
        Seed.backupSelection(proxy, "eu-west-1", tagged, "sel-tagged", "tagged", List.of(), List.of("backup=daily"));
    }

    private CliRun audit() {
        Seed.noBackupSelectionsRestoresOrCacheEvents(proxy);
        return CliRun.of("check", "--endpoint-url", proxy.endpoint().toString(), "--region", "us-east-1,eu-west-1",
                "--format", "json");
    }

    @Test
    void anInstanceOutsideEveryPlanIsNokOneSelectedByArnOkAndOneOnlyATagSelectionCouldPickTodo() {
        seedPlans();

        CliRun run = audit();

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        JsonNode inside = run.finding("backup.plan-coverage", "us-east-1", "orders-db");
        assertThat(inside.get("status").asText()).isEqualTo("OK");
        assertThat(inside.get("message").asText()).isEqualTo("In backup plan prod-daily (selection databases).");
        assertThat(inside.get("evidence").get("Rule").asText()).isEqualTo("daily");
        assertThat(inside.get("evidence").get("ScheduleExpression").asText()).isEqualTo("cron(0 5 ? * * *)");
        assertThat(inside.get("evidence").get("DeleteAfterDays").asInt()).isEqualTo(35);

        JsonNode outside = run.finding("backup.plan-coverage", "us-east-1", "analytics-db");
        assertThat(outside.get("status").asText()).isEqualTo("NOK");
        assertThat(outside.get("message").asText()).startsWith("Outside every backup plan");
        assertThat(outside.get("resourceArn").asText()).isEqualTo(String.format(DB, "us-east-1", "analytics-db"));

        JsonNode byTags = run.finding("backup.plan-coverage", "eu-west-1", "eu-db");
        assertThat(byTags.get("status").asText()).isEqualTo("TODO");
        assertThat(byTags.get("message").asText()).contains("may be selected by the tags of plan eu-tagged");
        assertThat(byTags.get("evidence").get("TagConditions").toString()).contains("backup = daily");

        assertThat(run.finding("backup.plan-coverage", "us-east-1", "prod-daily").get("status").asText())
                .isEqualTo("OK");
        JsonNode shortPlan = run.finding("backup.plan-coverage", "eu-west-1", "eu-tagged");
        assertThat(shortPlan.get("status").asText()).isEqualTo("NOK");
        assertThat(shortPlan.get("message").asText()).contains("fewer than the required 7 days");

        JsonNode calls = run.json().get("stats").get("apiCalls");
        assertThat(calls.get("backup:ListBackupPlans").asInt()).as("one page per region").isEqualTo(2);
        assertThat(calls.get("backup:GetBackupPlan").asInt()).as("one per plan").isEqualTo(2);
        assertThat(calls.get("backup:ListBackupSelections").asInt()).isEqualTo(2);
        assertThat(calls.get("backup:GetBackupSelection").asInt()).as("one per selection").isEqualTo(2);
        assertThat(calls.get("backup:ListProtectedResources").asInt()).isEqualTo(2);
        assertThat(proxy.requests()).filteredOn(r -> r.path().startsWith("/resources/")
                        || r.path().startsWith("/backup/plans/?") || r.path().matches("/backup/plans/[^/]+/selections/\\?.*"))
                .hasSize(6).allSatisfy(r -> assertThat(r.path()).contains("maxResults=1000"));
    }

    @Test
    void aRestoreJobCompleted20DaysAgoTurnsManualRestoreTestOkWithItsEvidence() {
        Instant completed = Instant.now().minus(Duration.ofDays(20)).truncatedTo(ChronoUnit.SECONDS);
        proxy.when(r -> r.service().equals("backup") && r.region().equals("eu-west-1")
                && r.path().startsWith("/restore-jobs/"), StubProxy.Response.json("{\"RestoreJobs\":[{"
                + "\"AccountId\":\"123456789012\",\"RestoreJobId\":\"7F3C2B1A-0000-4E5D-9C8B-1A2B3C4D5E6F\","
                + "\"RecoveryPointArn\":\"arn:aws:rds:eu-west-1:123456789012:snapshot:awsbackup:job-0b6e4f1c\","
                + "\"SourceResourceArn\":\"arn:aws:rds:eu-west-1:123456789012:db:eu-db\","
                + "\"CreationDate\":" + (completed.getEpochSecond() - 2280) + ","
                + "\"CompletionDate\":" + completed.getEpochSecond() + ",\"Status\":\"COMPLETED\","
                + "\"PercentDone\":\"100.00%\",\"BackupSizeInBytes\":21474836480,"
                + "\"IamRoleArn\":\"arn:aws:iam::123456789012:role/service-role/AWSBackupDefaultServiceRole\","
                + "\"CreatedResourceArn\":\"arn:aws:rds:eu-west-1:123456789012:db:restore-test-eu-db\","
                + "\"ResourceType\":\"RDS\"}]}"));

        CliRun run = audit();

        JsonNode restore = run.finding("manual.restore-test", "global", "");
        assertThat(restore.get("status").asText()).as(run.toString()).isEqualTo("OK");
        assertThat(restore.get("message").asText()).startsWith("AWS Backup restore job"
                + " 7F3C2B1A-0000-4E5D-9C8B-1A2B3C4D5E6F completed on ").contains("(20 days ago) in eu-west-1");
        JsonNode evidence = restore.get("evidence");
        assertThat(evidence.get("RestoreJobId").asText()).isEqualTo("7F3C2B1A-0000-4E5D-9C8B-1A2B3C4D5E6F");
        assertThat(evidence.get("ResourceType").asText()).isEqualTo("RDS");
        assertThat(evidence.get("CompletionDate").asText()).isEqualTo(completed.toString());
        assertThat(evidence.get("SourceResourceArn").asText()).isEqualTo("arn:aws:rds:eu-west-1:123456789012:db:eu-db");
        assertThat(evidence.get("RecoveryPointArn").asText()).contains(":snapshot:awsbackup:job-0b6e4f1c");
        assertThat(evidence.get("CreatedResourceArn").asText()).endsWith(":db:restore-test-eu-db");
        // Only COMPLETED jobs of the attestation window are asked for, at the maximum page size.
        assertThat(proxy.requests()).filteredOn(r -> r.path().startsWith("/restore-jobs/")).hasSize(2)
                .allSatisfy(r -> assertThat(r.path()).contains("status=COMPLETED").contains("completeAfter=")
                        .contains("maxResults=1000"));
        assertThat(run.finding("manual.failover-test", "global", "").get("status").asText()).isEqualTo("TODO");
    }

    @Test
    void aFailoverEvent3DaysAgoTurnsManualFailoverTestOk() {
        Seed.db(moto, "us-east-1", "orders-db", true, 7, false, true);
        Instant date = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MILLIS);
        proxy.when(r -> r.service().equals("rds") && r.region().equals("us-east-1")
                && r.operation().equals("DescribeEvents"), new StubProxy.Response(200, "text/xml",
                "<DescribeEventsResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"><DescribeEventsResult>"
                        + "<Events><Event><SourceIdentifier>orders-db</SourceIdentifier>"
                        + "<SourceType>db-instance</SourceType><Message>Multi-AZ instance failover completed</Message>"
                        + "<EventCategories><EventCategory>failover</EventCategory></EventCategories>"
                        + "<Date>" + date + "</Date>"
                        + "<SourceArn>arn:aws:rds:us-east-1:123456789012:db:orders-db</SourceArn></Event></Events>"
                        + "</DescribeEventsResult><ResponseMetadata><RequestId>stub</RequestId></ResponseMetadata>"
                        + "</DescribeEventsResponse>"));

        CliRun run = audit();

        JsonNode failover = run.finding("manual.failover-test", "global", "");
        assertThat(failover.get("status").asText()).as(run.toString()).isEqualTo("OK");
        assertThat(failover.get("message").asText()).contains("(3 days ago): RDS db-instance orders-db in us-east-1")
                .contains("Multi-AZ instance failover completed");
        assertThat(failover.get("evidence").get("Date").asText()).isEqualTo(date.toString());
        assertThat(failover.get("evidence").get("Service").asText()).isEqualTo("RDS");
        // One walk per region and service: RDS's failover category over the 14 days it keeps, every source type.
        List<String> rdsEvents = proxy.requests().stream().filter(r -> r.service().equals("rds")
                && r.operation().equals("DescribeEvents")).map(r -> URLDecoder.decode(r.body(), StandardCharsets.UTF_8))
                .toList();
        assertThat(rdsEvents).hasSize(2).allSatisfy(body -> assertThat(body).contains("Duration=20160")
                .contains("EventCategories.EventCategory.1=failover").contains("MaxRecords=100")
                .doesNotContain("SourceType"));
        assertThat(run.json().get("stats").get("apiCalls").get("elasticache:DescribeEvents").asInt()).isEqualTo(2);
        // eu-west-1's DescribeEvents is moto's own (canned events, no failover): it turns nothing OK by itself.
        assertThat(failover.get("evidence").get("Region").asText()).isEqualTo("us-east-1");
    }

    @Test
    void withoutEvidenceTheManualItemsStayTodoAndSayWhy() {
        CliRun run = audit();

        JsonNode restore = run.finding("manual.restore-test", "global", "");
        assertThat(restore.get("status").asText()).isEqualTo("TODO");
        assertThat(restore.get("message").asText()).startsWith("No AWS Backup restore job completed in the last 90 days");
        JsonNode failover = run.finding("manual.failover-test", "global", "");
        assertThat(failover.get("status").asText()).isEqualTo("TODO");
        assertThat(failover.get("message").asText()).contains("both keep events 14 days");
        assertThat(run.json().get("summary").has("collectionErrors")).as(run.toString()).isFalse();
    }
}
