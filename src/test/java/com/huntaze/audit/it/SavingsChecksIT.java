package com.huntaze.audit.it;

import static com.huntaze.audit.testing.ReportFindings.finding;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huntaze.audit.testing.CliRun;
import com.huntaze.audit.testing.Moto;
import com.huntaze.audit.testing.MotoServer;
import com.huntaze.audit.testing.ReportFindings;
import com.huntaze.audit.testing.Seed;
import com.huntaze.audit.testing.StubProxy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * The savings and observability checks against moto in two regions: RDS instances with DatabaseConnections seeded
 * through put_metric_data (as AWS publishes them: AWS/RDS, DBInstanceIdentifier), log groups with and without
 * retention, alarms with and without actions; the CLI's JSON and Markdown, and one GetMetricData per region.
 *
 * <p>moto dates every instance at its creation, now, and an idle instance younger than --idle-days is too new to
 * judge: the audits go through a loopback proxy that dates moto's instances 30 days back, except
 * {@link #justCreatedIdleInstancesAreTooNewToJudge}, which reads moto's own answer.
 */
@ExtendWith(Moto.class)
class SavingsChecksIT {

    private MotoServer moto;
    private StubProxy proxy;

    @BeforeEach
    void setUp(MotoServer moto) {
        this.moto = moto;
        this.proxy = new StubProxy(moto.endpoint());
        Seed.createdAt(proxy, Instant.now().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS));
    }

    @AfterEach
    void tearDown() {
        proxy.close();
    }

    private void db(String region, String id, String engine, boolean multiAz) {
        try (RdsClient rds = moto.configure(RdsClient.builder(), region).build()) {
            rds.createDBInstance(r -> r.dbInstanceIdentifier(id).engine(engine).dbInstanceClass("db.t3.micro")
                    .allocatedStorage(20).masterUsername("admin").masterUserPassword("password123").multiAZ(multiAz)
                    .backupRetentionPeriod(7).storageEncrypted(true));
        }
    }

    /** Daily DatabaseConnections datapoints, {@code values[0]} one day ago, {@code values[1]} two days ago, ... */
    private void connections(String region, String instance, double... values) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<MetricDatum> data = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            data.add(MetricDatum.builder().metricName("DatabaseConnections").timestamp(now.minus(Duration.ofDays(i + 1)))
                    .value(values[i]).unit("Count").dimensions(d -> d.name("DBInstanceIdentifier").value(instance)).build());
        }
        try (CloudWatchClient cloudwatch = moto.configure(CloudWatchClient.builder(), region).build()) {
            cloudwatch.putMetricData(r -> r.namespace("AWS/RDS").metricData(data));
        }
    }

    private void logGroup(String region, String name, Integer retentionDays) {
        try (CloudWatchLogsClient logs = moto.configure(CloudWatchLogsClient.builder(), region).build()) {
            logs.createLogGroup(r -> r.logGroupName(name));
            if (retentionDays != null) {
                logs.putRetentionPolicy(r -> r.logGroupName(name).retentionInDays(retentionDays));
            }
            logs.createLogStream(r -> r.logGroupName(name).logStreamName("main"));
            logs.putLogEvents(r -> r.logGroupName(name).logStreamName("main").logEvents(e -> e
                    .timestamp(System.currentTimeMillis()).message("x".repeat(4000))));
        }
    }

    private void alarm(String region, String name, boolean actionsEnabled, String... actions) {
        try (CloudWatchClient cloudwatch = moto.configure(CloudWatchClient.builder(), region).build()) {
            cloudwatch.putMetricAlarm(r -> r.alarmName(name).namespace("AWS/RDS").metricName("CPUUtilization")
                    .dimensions(d -> d.name("DBInstanceIdentifier").value("busy-db")).statistic(Statistic.AVERAGE)
                    .period(300).evaluationPeriods(1).threshold(80.0)
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                    .actionsEnabled(actionsEnabled).alarmActions(actions));
        }
    }

    private void seedTwoRegions() {
        db("us-east-1", "idle-db", "postgres", false);
        db("us-east-1", "idle-multi-az", "postgres", true);
        db("us-east-1", "busy-db", "postgres", false);
        db("us-east-1", "unmonitored-db", "postgres", false);
        db("eu-west-1", "eu-idle-db", "mysql", false);
        connections("us-east-1", "idle-db", 0, 0, 0, 0, 0);
        connections("us-east-1", "idle-multi-az", 0, 0);
        connections("us-east-1", "busy-db", 0, 0, 4, 0);
        // Outside the 7-day lookback: an old connection does not make an instance busy.
        connections("eu-west-1", "eu-idle-db", 0, 0, 0, 0, 0, 0, 0, 0, 0, 12);
        logGroup("us-east-1", "/app/kept", 30);
        logGroup("us-east-1", "/app/forever", null);
        logGroup("eu-west-1", "/eu/forever", null);
        alarm("us-east-1", "cpu-paged", true, "arn:aws:sns:us-east-1:123456789012:ops");
        alarm("us-east-1", "cpu-silent", true);
        alarm("us-east-1", "cpu-disabled", false, "arn:aws:sns:us-east-1:123456789012:ops");
        alarm("eu-west-1", "eu-cpu-silent", true);
    }

    private CliRun audit(String... extra) {
        return auditAt(proxy.endpoint().toString(), extra);
    }

    private static CliRun auditAt(String endpoint, String... extra) {
        String[] base = {"check", "--endpoint-url", endpoint, "--region", "us-east-1,eu-west-1"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(args);
    }

    private static Map<String, String> statuses(JsonNode report) {
        return ReportFindings.statuses(report, Set.of("rds.idle-instance", "logs.retention", "cloudwatch.alarm-actions"));
    }

    @Test
    void idleInstancesLogGroupsAndAlarmsAreJudgedInTwoRegionsWithTheirSavings() {
        seedTwoRegions();

        CliRun run = audit("--format", "json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        JsonNode report = run.json();
        assertThat(statuses(report)).isEqualTo(new TreeMap<>(Map.ofEntries(
                Map.entry("rds.idle-instance us-east-1 idle-db", "NOK"),
                Map.entry("rds.idle-instance us-east-1 idle-multi-az", "NOK"),
                Map.entry("rds.idle-instance us-east-1 busy-db", "OK"),
                Map.entry("rds.idle-instance us-east-1 unmonitored-db", "TODO"),
                Map.entry("rds.idle-instance eu-west-1 eu-idle-db", "NOK"),
                Map.entry("logs.retention us-east-1 /app/kept", "OK"),
                Map.entry("logs.retention us-east-1 /app/forever", "NOK"),
                Map.entry("logs.retention eu-west-1 /eu/forever", "NOK"),
                Map.entry("cloudwatch.alarm-actions us-east-1 cpu-paged", "OK"),
                Map.entry("cloudwatch.alarm-actions us-east-1 cpu-silent", "NOK"),
                Map.entry("cloudwatch.alarm-actions us-east-1 cpu-disabled", "NOK"),
                Map.entry("cloudwatch.alarm-actions eu-west-1 eu-cpu-silent", "NOK"))));

        // postgres db.t3.micro, us-east-1: $0.018/h × 730 + 20 GB gp2 × $0.115 = 13.14 + 2.30
        JsonNode idle = finding(report, "rds.idle-instance", "us-east-1", "idle-db");
        assertThat(idle.get("estimatedMonthlySavingsUsd").asDouble()).isEqualTo(15.44);
        assertThat(idle.get("evidence").get("MaxDatabaseConnections").asDouble()).isZero();
        assertThat(idle.get("evidence").get("Datapoints").asInt()).isEqualTo(5);
        assertThat(idle.get("evidence").get("PriceSource").asText()).startsWith("https://aws.amazon.com/rds/postgresql/pricing/, ");
        assertThat(finding(report, "rds.idle-instance", "us-east-1", "idle-multi-az").get("estimatedMonthlySavingsUsd")
                .asDouble()).as("Multi-AZ doubles instance and storage").isEqualTo(30.88);
        // mysql db.t3.micro, eu-west-1's own figures: $0.018/h × 730 + 20 GB × $0.127 = 13.14 + 2.54
        JsonNode euIdle = finding(report, "rds.idle-instance", "eu-west-1", "eu-idle-db");
        assertThat(euIdle.get("estimatedMonthlySavingsUsd").asDouble()).isEqualTo(15.68);
        assertThat(euIdle.get("evidence").get("Datapoints").asInt()).as("only the last 7 days").isEqualTo(7);
        assertThat(euIdle.get("evidence").has("PriceRegion")).isFalse();
        assertThat(finding(report, "rds.idle-instance", "us-east-1", "busy-db").get("evidence")
                .get("MaxDatabaseConnections").asDouble()).isEqualTo(4.0);
        assertThat(finding(report, "rds.idle-instance", "us-east-1", "unmonitored-db").get("message").asText())
                .contains("no metrics");

        JsonNode forever = finding(report, "logs.retention", "us-east-1", "/app/forever");
        assertThat(forever.get("evidence").get("StoredBytes").asLong()).isPositive();
        assertThat(forever.get("resourceArn").asText()).isEqualTo("arn:aws:logs:us-east-1:123456789012:log-group:/app/forever");
        assertThat(finding(report, "cloudwatch.alarm-actions", "us-east-1", "cpu-disabled").get("message").asText())
                .contains("notifies nobody");

        assertThat(report.get("summary").get("estimatedMonthlySavingsUsd").asDouble())
                .as("the log groups hold a few kilobytes: $0.00").isEqualTo(15.44 + 30.88 + 15.68, org.assertj.core.data.Offset.offset(0.001));

        JsonNode calls = report.get("stats").get("apiCalls");
        assertThat(calls.get("cloudwatch:GetMetricData").asInt()).as("one GetMetricData per region").isEqualTo(2);
        assertThat(calls.has("cloudwatch:GetMetricStatistics")).isFalse();
        assertThat(calls.get("cloudwatch:DescribeAlarms").asInt()).isEqualTo(2);
        assertThat(calls.get("logs:DescribeLogGroups").asInt()).isEqualTo(2);
        assertThat(calls.get("rds:DescribeDBInstances").asInt()).as("shared with the other RDS checks").isEqualTo(2);
    }

    @Test
    void justCreatedIdleInstancesAreTooNewToJudge() {
        seedTwoRegions();

        JsonNode report = auditAt(moto.endpoint().toString(), "--format", "json", "--checks", "rds.idle-instance").json();

        assertThat(statuses(report)).isEqualTo(new TreeMap<>(Map.ofEntries(
                Map.entry("rds.idle-instance us-east-1 idle-db", "TODO"),
                Map.entry("rds.idle-instance us-east-1 idle-multi-az", "TODO"),
                Map.entry("rds.idle-instance us-east-1 busy-db", "OK"),
                Map.entry("rds.idle-instance us-east-1 unmonitored-db", "TODO"),
                Map.entry("rds.idle-instance eu-west-1 eu-idle-db", "TODO"))));
        JsonNode idle = finding(report, "rds.idle-instance", "us-east-1", "idle-db");
        assertThat(idle.get("message").asText())
                .isEqualTo("DB instance created 0 days ago: too new to judge idle over the last 7 days.");
        assertThat(idle.get("estimatedMonthlySavingsUsd").asDouble()).isZero();
        assertThat(idle.get("evidence").get("AgeDays").asLong()).isZero();
        assertThat(idle.get("evidence").get("InstanceCreateTime").asText()).isNotEmpty();
        assertThat(finding(report, "rds.idle-instance", "us-east-1", "unmonitored-db").get("message").asText())
                .as("no datapoint at all stays \"no metrics\"").contains("no metrics");
        assertThat(report.get("summary").get("estimatedMonthlySavingsUsd").asDouble()).isZero();

        JsonNode oneDay = auditAt(moto.endpoint().toString(), "--format", "json", "--checks", "rds.idle-instance",
                "--idle-days", "1").json();
        assertThat(finding(oneDay, "rds.idle-instance", "us-east-1", "idle-db").get("message").asText())
                .as("created minutes ago: younger than even a 1-day window")
                .isEqualTo("DB instance created 0 days ago: too new to judge idle over the last day.");
    }

    @Test
    void markdownShowsTheSavingsTableLargestFirstWithTotalAndPriceDate() {
        seedTwoRegions();

        String md = audit().out();

        String table = md.substring(md.indexOf("## Savings"), md.indexOf("## To verify by hand"));
        assertThat(table).contains("| idle-multi-az | us-east-1 |");
        assertThat(table.indexOf("idle-multi-az")).isLessThan(table.indexOf("eu-idle-db"));
        assertThat(table.indexOf("eu-idle-db")).isLessThan(table.indexOf("| idle-db"));
        assertThat(table).contains("| **Total** | | | **$62.00** |");
        assertThat(md).containsPattern("730 hours a month, from the embedded price table of \\d{4}-\\d\\d-\\d\\d");
    }

    @Test
    void logStorageSavingsFollowStoredBytesAndAPricesFile(@TempDir Path dir) throws IOException {
        logGroup("us-east-1", "/app/forever", null);
        logGroup("eu-west-1", "/eu/forever", null);
        // A price per GB large enough that a few kilobytes show in cents, in us-east-1 only: eu-west-1 keeps its own.
        Path prices = dir.resolve("prices.json");
        Files.writeString(prices, """
                {"date": "2027-01-15", "regions": {"us-east-1": {
                  "logs.storage-gb-month": {"source": "test", "usd": 1000000}}}}""");

        JsonNode report = audit("--format", "json", "--prices", prices.toString()).json();

        JsonNode us = finding(report, "logs.retention", "us-east-1", "/app/forever");
        double gb = us.get("evidence").get("StoredBytes").asLong() / (1024.0 * 1024 * 1024);
        assertThat(us.get("estimatedMonthlySavingsUsd").asDouble()).isEqualTo(Math.round(gb * 1_000_000 * 100) / 100.0)
                .isPositive();
        assertThat(us.get("evidence").get("PriceSource").asText()).isEqualTo("test, 2027-01-15");
        JsonNode eu = finding(report, "logs.retention", "eu-west-1", "/eu/forever");
        assertThat(eu.get("estimatedMonthlySavingsUsd").asDouble()).isZero();
        assertThat(eu.get("evidence").get("PriceSource").asText()).startsWith("https://aws.amazon.com/cloudwatch/pricing/");
        // No check needed a metric's resource here but rds.idle-instance still asks: no instance, no query, no call.
        assertThat(report.get("stats").get("apiCalls").has("cloudwatch:GetMetricData")).isFalse();
    }

    @Test
    void aDeniedGetMetricDataIsOneTodoNamingItAndTheRestIsComplete() {
        seedTwoRegions();
        try (StubProxy proxy = new StubProxy(moto.endpoint())) {
            proxy.when(r -> r.region().equals("eu-west-1") && (r.operation().equals("GetMetricData")
                            || r.path().endsWith("/GetMetricData")),
                    StubProxy.Response.queryError(403, "AccessDenied", "not authorized to perform: cloudwatch:GetMetricData"));
            Seed.createdAt(proxy, Instant.now().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS));

            JsonNode report = CliRun.of("check", "--endpoint-url", proxy.endpoint().toString(), "--region",
                    "us-east-1,eu-west-1", "--format", "json").json();

            Map<String, String> statuses = statuses(report);
            assertThat(statuses).containsEntry("rds.idle-instance eu-west-1 ", "TODO")
                    .doesNotContainKey("rds.idle-instance eu-west-1 eu-idle-db")
                    .containsEntry("rds.idle-instance us-east-1 idle-db", "NOK")
                    .containsEntry("logs.retention eu-west-1 /eu/forever", "NOK")
                    .containsEntry("cloudwatch.alarm-actions eu-west-1 eu-cpu-silent", "NOK");
            JsonNode todo = finding(report, "rds.idle-instance", "eu-west-1", "");
            assertThat(todo.get("message").asText()).contains("cloudwatch:GetMetricData").contains("access denied");
            assertThat(todo.get("remediation").asText()).contains("Grant cloudwatch:GetMetricData");
        }
    }
}
