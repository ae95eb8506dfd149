package com.huntaze.audit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huntaze.audit.testing.AmplifyStub;
import com.huntaze.audit.testing.CliRun;
import com.huntaze.audit.testing.Moto;
import com.huntaze.audit.testing.MotoServer;
import com.huntaze.audit.testing.Seed;
import com.huntaze.audit.testing.StubProxy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * The whole path against moto: resources in two regions → CLI with --endpoint-url → JSON report and exit code.
 * SESv2 GetAccount is not implemented by moto, so a loopback stub in front of it answers that operation.
 */
@ExtendWith(Moto.class)
class FoundationAuditIT {

    private MotoServer moto;
    private StubProxy proxy;

    @BeforeEach
    void setUp(MotoServer moto) {
        this.moto = moto;
        this.proxy = new StubProxy(moto.endpoint());
        // moto answers ListEmailIdentities with HTTP 500 whenever PageSize is sent: no SES identities here.
        proxy.when(r -> r.path().startsWith("/v2/email/identities?"), StubProxy.Response.json("{\"EmailIdentities\":[]}"));
        // moto has no Amplify at all: no Amplify app here.
        AmplifyStub.noApps(proxy);
        Seed.noBackupSelectionsRestoresOrCacheEvents(proxy);
    }

    @AfterEach
    void tearDown() {
        proxy.close();
    }

    private void seedTwoRegions() {
        Seed.db(moto, "us-east-1", "good-db", true, 7, false, true);
        Seed.db(moto, "us-east-1", "bad-db", false, 0, true, false);
        Seed.db(moto, "eu-west-1", "eu-db", true, 3, false, true);
        Seed.ecsCluster(moto, "us-east-1", "leftover", false);
        Seed.ecsCluster(moto, "us-east-1", "busy", true);
        Seed.ecsCluster(moto, "eu-west-1", "eu-busy", true);
        Seed.sesAccount(proxy, "us-east-1", true);
        Seed.sesAccount(proxy, "eu-west-1", false);
        Seed.rdsLifecyclesAndMaintenance(proxy);
    }

    private CliRun audit(String... extra) {
        String[] base = {"check", "--endpoint-url", proxy.endpoint().toString(), "--region", "us-east-1,eu-west-1",
                "--format", "json"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(args);
    }

    /** The checks this class is about: later checks judge the same resources, and have their own ITs. */
    private static final Set<String> FOUNDATION_CHECKS = Set.of("rds.multi-az", "rds.backup-retention",
            "rds.public-access", "rds.storage-encrypted", "ecs.empty-cluster", "ses.production-access");

    /** "checkId region resourceId" → status, for every finding of the foundation's checks. */
    private static Map<String, String> statuses(JsonNode report) {
        Map<String, String> statuses = new TreeMap<>();
        report.get("findings").forEach(f -> {
            if (FOUNDATION_CHECKS.contains(f.get("checkId").asText())) {
                statuses.put(f.get("checkId").asText() + " " + f.get("region").asText() + " "
                        + f.get("resourceId").asText(), f.get("status").asText());
            }
        });
        return statuses;
    }

    private static int count(JsonNode report, String status) {
        int count = 0;
        for (JsonNode f : report.get("findings")) {
            count += f.get("status").asText().equals(status) ? 1 : 0;
        }
        return count;
    }

    @Test
    void sixChecksJudgeEveryResourceInTwoRegions() {
        seedTwoRegions();

        CliRun run = audit();

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        JsonNode report = run.json();
        assertThat(report.get("account").asText()).isEqualTo("123456789012");
        assertThat(report.get("regions").toString()).isEqualTo("[\"us-east-1\",\"eu-west-1\"]");
        assertThat(statuses(report)).isEqualTo(new TreeMap<>(Map.ofEntries(
                Map.entry("rds.multi-az us-east-1 good-db", "OK"),
                Map.entry("rds.multi-az us-east-1 bad-db", "NOK"),
                Map.entry("rds.multi-az eu-west-1 eu-db", "OK"),
                Map.entry("rds.backup-retention us-east-1 good-db", "OK"),
                Map.entry("rds.backup-retention us-east-1 bad-db", "NOK"),
                Map.entry("rds.backup-retention eu-west-1 eu-db", "NOK"),
                Map.entry("rds.public-access us-east-1 good-db", "OK"),
                Map.entry("rds.public-access us-east-1 bad-db", "NOK"),
                Map.entry("rds.public-access eu-west-1 eu-db", "OK"),
                Map.entry("rds.storage-encrypted us-east-1 good-db", "OK"),
                Map.entry("rds.storage-encrypted us-east-1 bad-db", "NOK"),
                Map.entry("rds.storage-encrypted eu-west-1 eu-db", "OK"),
                Map.entry("ecs.empty-cluster us-east-1 leftover", "NOK"),
                Map.entry("ecs.empty-cluster us-east-1 busy", "OK"),
                Map.entry("ecs.empty-cluster eu-west-1 eu-busy", "OK"),
                Map.entry("ses.production-access us-east-1 ", "OK"),
                Map.entry("ses.production-access eu-west-1 ", "NOK"))));

        JsonNode backup = finding(report, "rds.backup-retention", "eu-west-1", "eu-db");
        assertThat(backup.get("evidence").get("BackupRetentionPeriod").asInt()).isEqualTo(3);
        assertThat(backup.get("resourceArn").asText()).isEqualTo("arn:aws:rds:eu-west-1:123456789012:db:eu-db");
        JsonNode sandbox = finding(report, "ses.production-access", "eu-west-1", "");
        assertThat(sandbox.get("evidence").get("Max24HourSend").asDouble()).isEqualTo(200.0);

        // The summary counts every finding, those of later checks included.
        JsonNode summary = report.get("summary");
        assertThat(summary.get("nok").asInt()).isEqualTo(count(report, "NOK")).isGreaterThanOrEqualTo(7);
        assertThat(summary.get("ok").asInt()).isEqualTo(count(report, "OK")).isGreaterThanOrEqualTo(10);
        assertThat(summary.get("todo").asInt()).isEqualTo(count(report, "TODO"));
    }

    @Test
    void statsShowOneDescribeDbInstancesPerRegionAndOnlyReadOperations() {
        seedTwoRegions();

        JsonNode stats = audit().json().get("stats");

        JsonNode calls = stats.get("apiCalls");
        assertThat(calls.get("rds:DescribeDBInstances").asInt()).as("four RDS checks, two regions").isEqualTo(2);
        assertThat(calls.get("rds:DescribeDBClusters").asInt()).isEqualTo(2);
        assertThat(calls.get("sts:GetCallerIdentity").asInt()).isEqualTo(1);
        assertThat(calls.get("ses:GetAccount").asInt()).isEqualTo(2);
        calls.fieldNames().forEachRemaining(action ->
                assertThat(action).matches("[a-z0-9-]+:(Describe|List|Get)[A-Za-z0-9]+"));
        assertThat(stats.get("durationMs").asLong()).isPositive();
        // Only what the stats count was sent: the proxy saw exactly as many requests.
        long counted = 0;
        for (JsonNode n : calls) {
            counted += n.asLong();
        }
        assertThat(proxy.requests()).hasSize((int) counted);
    }

    @Test
    void aDeniedCallBecomesATodoNamingTheIamActionAndTheRestIsComplete() {
        seedTwoRegions();
        proxy.when(r -> r.region().equals("eu-west-1") && r.operation().equals("DescribeDBInstances"),
                StubProxy.Response.queryError(403, "AccessDenied",
                        "User: arn:aws:iam::123456789012:user/auditor is not authorized to perform: rds:DescribeDBInstances"));

        CliRun run = audit();

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        Map<String, String> statuses = statuses(run.json());
        for (String check : new String[] {"rds.multi-az", "rds.backup-retention", "rds.public-access", "rds.storage-encrypted"}) {
            assertThat(statuses).containsEntry(check + " eu-west-1 ", "TODO");
            JsonNode todo = finding(run.json(), check, "eu-west-1", "");
            assertThat(todo.get("message").asText()).contains("rds:DescribeDBInstances").contains("access denied");
            assertThat(todo.get("evidence").get("action").asText()).isEqualTo("rds:DescribeDBInstances");
            assertThat(todo.get("remediation").asText()).contains("Grant rds:DescribeDBInstances");
        }
        // Everything else is as in a clean run.
        assertThat(statuses).containsEntry("rds.multi-az us-east-1 bad-db", "NOK")
                .containsEntry("rds.multi-az us-east-1 good-db", "OK")
                .containsEntry("ecs.empty-cluster us-east-1 leftover", "NOK")
                .containsEntry("ecs.empty-cluster eu-west-1 eu-busy", "OK")
                .containsEntry("ses.production-access eu-west-1 ", "NOK")
                .hasSize(17);
    }

    @Test
    void aCompliantAccountExitsZero() {
        try (RdsClient rds = moto.configure(RdsClient.builder(), "us-east-1").build()) {
            rds.createDBInstance(r -> r.dbInstanceIdentifier("good-db").engine("postgres").dbInstanceClass("db.t3.micro")
                    .allocatedStorage(20).masterUsername("admin").masterUserPassword("password123").multiAZ(true)
                    .backupRetentionPeriod(7).publiclyAccessible(false).storageEncrypted(true).deletionProtection(true));
        }
        // backup.plan-coverage: a backup plan (in moto) whose selection (answered by the proxy) names the instance.
        try (var backup = moto.configure(software.amazon.awssdk.services.backup.BackupClient.builder(), "us-east-1")
                .build()) {
            String plan = backup.createBackupPlan(r -> r.backupPlan(p -> p.backupPlanName("daily").rules(rule -> rule
                    .ruleName("daily").targetBackupVaultName("Default").scheduleExpression("cron(0 5 ? * * *)")
                    .lifecycle(l -> l.deleteAfterDays(35L))))).backupPlanId();
            Seed.backupSelection(proxy, "us-east-1", plan, "sel-1", "databases",
                    List.of("arn:aws:rds:us-east-1:123456789012:db:good-db"), List.of());
        }
        Seed.ecsCluster(moto, "us-east-1", "busy", true);
        try (EcsClient ecs = moto.configure(EcsClient.builder(), "us-east-1").build()) {
            // moto starts a service with 0 running tasks; an update brings them up to the desired count (two:
            // ecs.service-redundancy wants a second task).
            ecs.updateService(r -> r.cluster("busy").service("api").desiredCount(2));
        }
        // ecs.service-autoscaling: the service scales between 1 and 2 tasks on CPU.
        try (var scaling = moto.configure(software.amazon.awssdk.services.applicationautoscaling
                .ApplicationAutoScalingClient.builder(), "us-east-1").build()) {
            scaling.registerScalableTarget(r -> r.serviceNamespace("ecs").resourceId("service/busy/api")
                    .scalableDimension("ecs:service:DesiredCount").minCapacity(1).maxCapacity(2));
            scaling.putScalingPolicy(r -> r.policyName("cpu70").serviceNamespace("ecs").resourceId("service/busy/api")
                    .scalableDimension("ecs:service:DesiredCount").policyType("TargetTrackingScaling")
                    .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(70.0).predefinedMetricSpecification(
                            m -> m.predefinedMetricType("ECSServiceAverageCPUUtilization"))));
        }
        // cloudwatch.alarm-coverage: the instance and the service have their alarms.
        try (var cloudwatch = moto.configure(software.amazon.awssdk.services.cloudwatch.CloudWatchClient.builder(),
                "us-east-1").build()) {
            for (String[] a : new String[][] {{"AWS/RDS", "CPUUtilization", "DBInstanceIdentifier", "good-db"},
                    {"AWS/RDS", "FreeStorageSpace", "DBInstanceIdentifier", "good-db"},
                    {"AWS/ECS", "CPUUtilization", "ServiceName", "api"}, {"AWS/ECS", "MemoryUtilization", "ServiceName", "api"}}) {
                cloudwatch.putMetricAlarm(r -> r.alarmName(a[3] + "-" + a[1]).namespace(a[0]).metricName(a[1])
                        .dimensions(a[0].equals("AWS/ECS")
                                ? List.of(dimension("ClusterName", "busy"), dimension(a[2], a[3]))
                                : List.of(dimension(a[2], a[3])))
                        .statistic("Average").period(300).evaluationPeriods(3).threshold(80.0)
                        .comparisonOperator("GreaterThanOrEqualToThreshold")
                        .alarmActions("arn:aws:sns:us-east-1:123456789012:ops"));
            }
            // SES has production access: its reputation is watched too.
            for (String metric : List.of("Reputation.BounceRate", "Reputation.ComplaintRate")) {
                cloudwatch.putMetricAlarm(r -> r.alarmName("ses-" + metric).namespace("AWS/SES").metricName(metric)
                        .statistic("Maximum").period(3600).evaluationPeriods(1).threshold(0.05)
                        .comparisonOperator("GreaterThanOrEqualToThreshold")
                        .alarmActions("arn:aws:sns:us-east-1:123456789012:ops"));
            }
        }
        // cloudwatch.alarm-destination: the alarms' topic exists and someone confirmed a subscription (moto confirms).
        try (var sns = moto.configure(software.amazon.awssdk.services.sns.SnsClient.builder(), "us-east-1").build()) {
            String ops = sns.createTopic(r -> r.name("ops")).topicArn();
            sns.subscribe(r -> r.topicArn(ops).protocol("email").endpoint("oncall@example.com"));
        }
        // s3.public-access-block: the account-level block all on (moto's S3 Control, without the account id the SDK
        // would put in front of its host).
        var s3ControlRules = software.amazon.awssdk.services.s3control.endpoints.S3ControlEndpointProvider
                .defaultProvider();
        try (var s3control = moto.configure(software.amazon.awssdk.services.s3control.S3ControlClient.builder(),
                "us-east-1").endpointProvider(p -> s3ControlRules.resolveEndpoint(p.toBuilder().requiresAccountId(false)
                .build())).build()) {
            s3control.putPublicAccessBlock(r -> r.accountId("123456789012").publicAccessBlockConfiguration(c -> c
                    .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true)));
        }
        Seed.sesAccount(proxy, "us-east-1", true);
        Seed.rdsLifecyclesAndMaintenance(proxy);
        // moto always reports the root user without MFA.
        proxy.when(r -> r.operation().equals("GetAccountSummary"), new StubProxy.Response(200, "text/xml",
                "<GetAccountSummaryResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><GetAccountSummaryResult>"
                        + "<SummaryMap><entry><key>AccountMFAEnabled</key><value>1</value></entry>"
                        + "<entry><key>AccountAccessKeysPresent</key><value>0</value></entry></SummaryMap>"
                        + "</GetAccountSummaryResult></GetAccountSummaryResponse>"));

        CliRun run = CliRun.of("check", "--endpoint-url", proxy.endpoint().toString(), "--region", "us-east-1",
                "--format", "json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.json().get("summary").get("nok").asInt()).isZero();
    }

    @Test
    void markdownReportOfARealRunHasTheChecklistAndTheByHandList() {
        seedTwoRegions();
        proxy.when(r -> r.region().equals("eu-west-1") && r.operation().equals("DescribeDBInstances"),
                StubProxy.Response.queryError(403, "AccessDenied", "denied"));

        CliRun run = CliRun.of("check", "--endpoint-url", proxy.endpoint().toString(), "--region", "us-east-1,eu-west-1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("# Launch-readiness audit — account 123456789012")
                .contains("`rds.multi-az` · severity", "| ❌ NOK | bad-db | us-east-1 |")
                .contains("## To verify by hand")
                .contains("rds:DescribeDBInstances access denied");
        assertThat(run.err()).as("stderr carries no progress line when it is not a terminal").isEmpty();
    }

    private static JsonNode finding(JsonNode report, String checkId, String region, String resourceId) {
        for (JsonNode f : report.get("findings")) {
            if (f.get("checkId").asText().equals(checkId) && f.get("region").asText().equals(region)
                    && f.get("resourceId").asText().equals(resourceId)) {
                return f;
            }
        }
        throw new AssertionError("no finding " + checkId + " " + region + " " + resourceId);
    }

    private static software.amazon.awssdk.services.cloudwatch.model.Dimension dimension(String name, String value) {
        return software.amazon.awssdk.services.cloudwatch.model.Dimension.builder().name(name).value(value).build();
    }
}
