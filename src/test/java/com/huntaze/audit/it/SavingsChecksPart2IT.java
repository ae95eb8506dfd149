package com.huntaze.audit.it;

import static com.huntaze.audit.testing.ReportFindings.finding;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huntaze.audit.testing.CliRun;
import com.huntaze.audit.testing.DefaultVpc;
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
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerSchemeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The second half of the savings and observability checks against moto in two regions: idle load balancers,
 * idle caches, oversized Fargate services, unused secrets and alarm coverage. Metrics are seeded with
 * put_metric_data as AWS publishes them (AWS/ApplicationELB and AWS/NetworkELB by LoadBalancer = the ARN's suffix,
 * AWS/ElastiCache by CacheClusterId, AWS/ECS by ClusterName and ServiceName), daily, in the past.
 *
 * <p>moto never returns a secret's LastAccessedDate and dates every secret now: the loopback proxy answers
 * eu-west-1's ListSecrets with secrets read long ago, never read, and read yesterday. moto also dates every load
 * balancer and cache at its creation, now, too new for an idle verdict: the first test's proxy dates them 30 days
 * back ({@link Seed#createdAt}); {@link #justCreatedIdleLoadBalancersAndCachesAreTooNewToJudge} reads moto's own
 * dates. Everything else is moto's.
 */
@ExtendWith(Moto.class)
class SavingsChecksPart2IT {

    private static final String CHECKS = "elbv2.idle-load-balancer,elasticache.idle-cluster,ecs.service-rightsizing,"
            + "secretsmanager.unused-secret,cloudwatch.alarm-coverage";
    private static final Set<String> CHECK_IDS = Set.of(CHECKS.split(","));

    private MotoServer moto;
    private StubProxy proxy;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void setUp(MotoServer moto) {
        this.moto = moto;
        this.proxy = new StubProxy(moto.endpoint());
        // cloudwatch.alarm-coverage reads the SES account (its sesAccount kind), which moto cannot serve: both
        // regions in the sandbox, so that kind judges nothing here.
        Seed.sesAccount(proxy, "us-east-1", false);
        Seed.sesAccount(proxy, "eu-west-1", false);
    }

    @AfterEach
    void tearDown() {
        proxy.close();
    }

    // --- seeding ---------------------------------------------------------------------------------------------

    /** Daily datapoints: {@code values[0]} one day ago, {@code values[1]} two days ago, ... */
    private void metric(String region, String namespace, String name, Map<String, String> dimensions,
                        double... values) {
        List<Dimension> dims = dimensions.entrySet().stream()
                .map(d -> Dimension.builder().name(d.getKey()).value(d.getValue()).build()).toList();
        List<MetricDatum> data = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            data.add(MetricDatum.builder().metricName(name).dimensions(dims).value(values[i])
                    .timestamp(now.minus(Duration.ofDays(i + 1))).build());
        }
        try (CloudWatchClient cloudwatch = moto.configure(CloudWatchClient.builder(), region).build()) {
            cloudwatch.putMetricData(r -> r.namespace(namespace).metricData(data));
        }
    }

    private void alarm(String region, String name, String namespace, String metric, Map<String, String> dimensions) {
        try (CloudWatchClient cloudwatch = moto.configure(CloudWatchClient.builder(), region).build()) {
            cloudwatch.putMetricAlarm(r -> r.alarmName(name).namespace(namespace).metricName(metric)
                    .dimensions(dimensions.entrySet().stream().map(d -> Dimension.builder().name(d.getKey())
                            .value(d.getValue()).build()).toList())
                    .statistic(Statistic.AVERAGE).period(300).evaluationPeriods(3).threshold(80.0)
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                    .alarmActions("arn:aws:sns:" + region + ":123456789012:ops"));
        }
    }

    /**
     * A load balancer with one target group (and a listener forwarding to it) holding {@code targets} (moto: IP
     * targets are healthy); returns its CloudWatch LoadBalancer dimension.
     */
    private static String loadBalancer(ElasticLoadBalancingV2Client elb, DefaultVpc vpc, String name,
                                       LoadBalancerTypeEnum type, LoadBalancerSchemeEnum scheme, String... targets) {
        String arn = elb.createLoadBalancer(r -> r.name(name).type(type).scheme(scheme).subnets(vpc.twoSubnets()))
                .loadBalancers().get(0).loadBalancerArn();
        ProtocolEnum protocol = type == LoadBalancerTypeEnum.NETWORK ? ProtocolEnum.TCP : ProtocolEnum.HTTP;
        String group = elb.createTargetGroup(r -> r.name(name + "-tg").protocol(protocol).port(8080)
                .vpcId(vpc.vpcId()).targetType(TargetTypeEnum.IP)).targetGroups().get(0).targetGroupArn();
        for (String ip : targets) {
            elb.registerTargets(r -> r.targetGroupArn(group).targets(t -> t.id(ip).port(8080)));
        }
        elb.createListener(r -> r.loadBalancerArn(arn).protocol(protocol).port(80)
                .defaultActions(a -> a.type("forward").targetGroupArn(group)));
        return arn.substring(arn.indexOf(":loadbalancer/") + ":loadbalancer/".length());
    }

    private void seedLoadBalancers() {
        try (ElasticLoadBalancingV2Client elb = moto.configure(ElasticLoadBalancingV2Client.builder(), "us-east-1")
                .build()) {
            DefaultVpc vpc = DefaultVpc.of(moto, "us-east-1");
            String busy = loadBalancer(elb, vpc, "busy-web", LoadBalancerTypeEnum.APPLICATION,
                    LoadBalancerSchemeEnum.INTERNET_FACING, "172.31.1.10");
            String quiet = loadBalancer(elb, vpc, "quiet-web", LoadBalancerTypeEnum.APPLICATION,
                    LoadBalancerSchemeEnum.INTERNET_FACING, "172.31.1.20");
            String empty = loadBalancer(elb, vpc, "empty-api", LoadBalancerTypeEnum.APPLICATION,
                    LoadBalancerSchemeEnum.INTERNAL);
            String tcp = loadBalancer(elb, vpc, "tcp", LoadBalancerTypeEnum.NETWORK,
                    LoadBalancerSchemeEnum.INTERNET_FACING, "172.31.1.30");
            metric("us-east-1", "AWS/ApplicationELB", "RequestCount", Map.of("LoadBalancer", busy), 4200, 3900, 5100);
            metric("us-east-1", "AWS/ApplicationELB", "RequestCount", Map.of("LoadBalancer", quiet), 20, 35, 12);
            metric("us-east-1", "AWS/ApplicationELB", "RequestCount", Map.of("LoadBalancer", empty), 900, 850);
            metric("us-east-1", "AWS/NetworkELB", "NewFlowCount", Map.of("LoadBalancer", tcp), 1500, 1800);
            // busy-web has its alarms; quiet-web only a 5XX one.
            alarm("us-east-1", "busy-web-5xx", "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count",
                    Map.of("LoadBalancer", busy));
            alarm("us-east-1", "busy-web-latency", "AWS/ApplicationELB", "TargetResponseTime",
                    Map.of("LoadBalancer", busy));
            alarm("us-east-1", "quiet-web-5xx", "AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count",
                    Map.of("LoadBalancer", quiet));
        }
        try (ElasticLoadBalancingV2Client elb = moto.configure(ElasticLoadBalancingV2Client.builder(), "eu-west-1")
                .build()) {
            // Healthy, but no RequestCount datapoint at all: no request reached it.
            loadBalancer(elb, DefaultVpc.of(moto, "eu-west-1"), "eu-web", LoadBalancerTypeEnum.APPLICATION,
                    LoadBalancerSchemeEnum.INTERNET_FACING, "172.31.0.10");
        }
    }

    private void seedCaches() {
        try (ElastiCacheClient ec = moto.configure(ElastiCacheClient.builder(), "us-east-1").build()) {
            ec.createCacheCluster(r -> r.cacheClusterId("idle-cache").engine("redis").cacheNodeType("cache.t3.small")
                    .numCacheNodes(1));
            ec.createCacheCluster(r -> r.cacheClusterId("busy-cache").engine("redis").cacheNodeType("cache.t3.small")
                    .numCacheNodes(1));
            ec.createCacheCluster(r -> r.cacheClusterId("new-cache").engine("redis").cacheNodeType("cache.t3.small")
                    .numCacheNodes(1));
            ec.createReplicationGroup(r -> r.replicationGroupId("sessions").replicationGroupDescription("sessions")
                    .engine("redis").cacheNodeType("cache.t3.micro").numCacheClusters(1));
        }
        metric("us-east-1", "AWS/ElastiCache", "CurrConnections", Map.of("CacheClusterId", "idle-cache"), 0, 0, 0, 0);
        metric("us-east-1", "AWS/ElastiCache", "CurrConnections", Map.of("CacheClusterId", "busy-cache"), 12, 0, 30);
        // The group's one node, as moto names it.
        metric("us-east-1", "AWS/ElastiCache", "CurrConnections", Map.of("CacheClusterId", "sessions-001"), 0, 0);
        alarm("us-east-1", "busy-cache-cpu", "AWS/ElastiCache", "EngineCPUUtilization",
                Map.of("CacheClusterId", "busy-cache"));
        alarm("us-east-1", "busy-cache-memory", "AWS/ElastiCache", "DatabaseMemoryUsagePercentage",
                Map.of("CacheClusterId", "busy-cache"));
        try (ElastiCacheClient ec = moto.configure(ElastiCacheClient.builder(), "eu-west-1").build()) {
            ec.createCacheCluster(r -> r.cacheClusterId("eu-cache").engine("redis").cacheNodeType("cache.t3.micro")
                    .numCacheNodes(1));
        }
        metric("eu-west-1", "AWS/ElastiCache", "CurrConnections", Map.of("CacheClusterId", "eu-cache"), 7, 9);
    }

    private void seedServices() {
        try (EcsClient ecs = moto.configure(EcsClient.builder(), "us-east-1").build()) {
            ecs.createCluster(r -> r.clusterName("prod"));
            ecs.registerTaskDefinition(r -> r.family("api").requiresCompatibilities(Compatibility.FARGATE)
                    .networkMode("awsvpc").cpu("512").memory("1024")
                    .containerDefinitions(c -> c.name("api").image("nginx").essential(true)));
            ecs.registerTaskDefinition(r -> r.family("worker").requiresCompatibilities(Compatibility.FARGATE)
                    .networkMode("awsvpc").cpu("1 vCPU").memory("2 GB")
                    .containerDefinitions(c -> c.name("worker").image("busybox").essential(true)));
            for (String[] s : new String[][] {{"api", "api", "4"}, {"worker", "worker", "3"}, {"single", "api", "1"},
                    {"fresh", "api", "2"}}) {
                ecs.createService(r -> r.cluster("prod").serviceName(s[0]).taskDefinition(s[1])
                        .desiredCount(Integer.parseInt(s[2])).launchType(LaunchType.FARGATE));
            }
        }
        Map<String, String> api = ecsDimensions("prod", "api");
        Map<String, String> worker = ecsDimensions("prod", "worker");
        metric("us-east-1", "AWS/ECS", "CPUUtilization", api, 6, 4, 5);
        metric("us-east-1", "AWS/ECS", "MemoryUtilization", api, 11, 9, 10);
        metric("us-east-1", "AWS/ECS", "CPUUtilization", worker, 48, 52, 50);
        metric("us-east-1", "AWS/ECS", "MemoryUtilization", worker, 12, 15, 9);
        alarm("us-east-1", "api-cpu", "AWS/ECS", "CPUUtilization", api);
        alarm("us-east-1", "api-memory", "AWS/ECS", "MemoryUtilization", api);
    }

    private static Map<String, String> ecsDimensions(String cluster, String service) {
        Map<String, String> dims = new java.util.LinkedHashMap<>();
        dims.put("ClusterName", cluster);
        dims.put("ServiceName", service);
        return dims;
    }

    private void seedDatabaseAndSecrets() {
        try (RdsClient rds = moto.configure(RdsClient.builder(), "us-east-1").build()) {
            rds.createDBInstance(r -> r.dbInstanceIdentifier("orders").engine("postgres").dbInstanceClass("db.t3.micro")
                    .allocatedStorage(50).masterUsername("admin").masterUserPassword("password123"));
        }
        alarm("us-east-1", "orders-cpu", "AWS/RDS", "CPUUtilization", Map.of("DBInstanceIdentifier", "orders"));
        try (SecretsManagerClient secrets = moto.configure(SecretsManagerClient.builder(), "us-east-1").build()) {
            secrets.createSecret(r -> r.name("prod/new-key").secretString("never-read-by-the-audit"));
        }
        // eu-west-1's secrets as AWS describes old ones (JSON protocol, epoch seconds), which moto cannot.
        long day = Duration.ofDays(1).toSeconds();
        long today = now.truncatedTo(ChronoUnit.DAYS).getEpochSecond();
        proxy.when(r -> r.region().equals("eu-west-1") && r.operation().equals("ListSecrets"),
                new StubProxy.Response(200, "application/x-amz-json-1.1", "{\"SecretList\":["
                        + secretJson("eu/old-smtp", today - 400 * day, today - 200 * day) + ","
                        + secretJson("eu/never-read", today - 300 * day, null) + ","
                        + secretJson("eu/api-key", today - 300 * day, today - day) + "]}"));
    }

    private static String secretJson(String name, long created, Long lastAccessed) {
        return "{\"ARN\":\"arn:aws:secretsmanager:eu-west-1:123456789012:secret:" + name + "-AbCdEf\",\"Name\":\""
                + name + "\",\"CreatedDate\":" + created + (lastAccessed == null ? ""
                : ",\"LastAccessedDate\":" + lastAccessed) + "}";
    }

    private CliRun audit(String... extra) {
        return auditOnly(CHECKS, extra);
    }

    private CliRun auditOnly(String checks, String... extra) {
        List<String> args = new ArrayList<>(List.of("check", "--endpoint-url", proxy.endpoint().toString(),
                "--region", "us-east-1,eu-west-1", "--checks", checks));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private long getMetricDataRequestsIn(String region) {
        return proxy.requests().stream().filter(r -> r.region().equals(region) && (r.operation().equals("GetMetricData")
                || r.path().endsWith("/GetMetricData"))).count();
    }

    private static double savings(JsonNode report, String check, String region, String resource) {
        return finding(report, check, region, resource).get("estimatedMonthlySavingsUsd").asDouble();
    }

    // --- tests -----------------------------------------------------------------------------------------------

    @Test
    void idleAndOversizedResourcesUnusedSecretsAndMissingAlarmsAreFoundInTwoRegionsWithTheirSavings() {
        seedLoadBalancers();
        seedCaches();
        seedServices();
        seedDatabaseAndSecrets();
        Seed.createdAt(proxy, now.minus(Duration.ofDays(30)));

        CliRun run = audit("--format", "json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        JsonNode report = run.json();
        Map<String, String> statuses = ReportFindings.statuses(report, CHECK_IDS);
        assertThat(statuses).isEqualTo(new TreeMap<>(Map.ofEntries(
                Map.entry("elbv2.idle-load-balancer us-east-1 busy-web", "OK"),
                Map.entry("elbv2.idle-load-balancer us-east-1 quiet-web", "NOK"),
                Map.entry("elbv2.idle-load-balancer us-east-1 empty-api", "NOK"),
                Map.entry("elbv2.idle-load-balancer us-east-1 tcp", "OK"),
                Map.entry("elbv2.idle-load-balancer eu-west-1 eu-web", "NOK"),
                Map.entry("elasticache.idle-cluster us-east-1 idle-cache", "NOK"),
                Map.entry("elasticache.idle-cluster us-east-1 busy-cache", "OK"),
                Map.entry("elasticache.idle-cluster us-east-1 new-cache", "TODO"),
                Map.entry("elasticache.idle-cluster us-east-1 sessions", "NOK"),
                Map.entry("elasticache.idle-cluster eu-west-1 eu-cache", "OK"),
                Map.entry("ecs.service-rightsizing us-east-1 prod/api", "NOK"),
                Map.entry("ecs.service-rightsizing us-east-1 prod/worker", "OK"),
                Map.entry("ecs.service-rightsizing us-east-1 prod/single", "OK"),
                Map.entry("ecs.service-rightsizing us-east-1 prod/fresh", "TODO"),
                Map.entry("secretsmanager.unused-secret us-east-1 prod/new-key", "OK"),
                Map.entry("secretsmanager.unused-secret eu-west-1 eu/old-smtp", "NOK"),
                Map.entry("secretsmanager.unused-secret eu-west-1 eu/never-read", "NOK"),
                Map.entry("secretsmanager.unused-secret eu-west-1 eu/api-key", "OK"),
                Map.entry("cloudwatch.alarm-coverage us-east-1 busy-web", "OK"),
                Map.entry("cloudwatch.alarm-coverage us-east-1 quiet-web", "NOK"),
                Map.entry("cloudwatch.alarm-coverage us-east-1 empty-api", "NOK"),
                Map.entry("cloudwatch.alarm-coverage us-east-1 busy-cache", "OK"),
                Map.entry("cloudwatch.alarm-coverage us-east-1 idle-cache", "NOK"),
                Map.entry("cloudwatch.alarm-coverage us-east-1 new-cache", "NOK"),
                Map.entry("cloudwatch.alarm-coverage us-east-1 sessions", "NOK"),
                Map.entry("cloudwatch.alarm-coverage us-east-1 prod/api", "OK"),
                Map.entry("cloudwatch.alarm-coverage us-east-1 prod/worker", "NOK"),
                Map.entry("cloudwatch.alarm-coverage us-east-1 prod/single", "NOK"),
                Map.entry("cloudwatch.alarm-coverage us-east-1 prod/fresh", "NOK"),
                Map.entry("cloudwatch.alarm-coverage us-east-1 orders", "NOK"),
                Map.entry("cloudwatch.alarm-coverage eu-west-1 eu-web", "NOK"),
                Map.entry("cloudwatch.alarm-coverage eu-west-1 eu-cache", "NOK"))));

        // ALB $0.0225/h × 730 + 2 zones × $0.005/h × 730; internal: no public address
        assertThat(savings(report, "elbv2.idle-load-balancer", "us-east-1", "quiet-web")).isEqualTo(23.73);
        assertThat(finding(report, "elbv2.idle-load-balancer", "us-east-1", "quiet-web").get("evidence")
                .get("BusiestDayRequests").asLong()).isEqualTo(35);
        JsonNode empty = finding(report, "elbv2.idle-load-balancer", "us-east-1", "empty-api");
        assertThat(empty.get("message").asText()).startsWith("No healthy target in its target group");
        assertThat(empty.get("estimatedMonthlySavingsUsd").asDouble()).isCloseTo(0.0225 * 730, Offset.offset(0.006));
        // eu-west-1's own figure: $0.0252/h × 730 + 2 × $0.005/h × 730
        JsonNode euWeb = finding(report, "elbv2.idle-load-balancer", "eu-west-1", "eu-web");
        assertThat(euWeb.get("estimatedMonthlySavingsUsd").asDouble()).isEqualTo(25.70);
        assertThat(euWeb.get("evidence").get("Datapoints").asInt()).isZero();
        assertThat(euWeb.get("evidence").get("NoDatapoints").asText()).contains("none in 7 days means none reached it");
        // cache.t3.small $0.034/h × 730; the group's one cache.t3.micro node $0.017/h × 730
        assertThat(savings(report, "elasticache.idle-cluster", "us-east-1", "idle-cache")).isEqualTo(24.82);
        assertThat(savings(report, "elasticache.idle-cluster", "us-east-1", "sessions")).isEqualTo(12.41);
        assertThat(finding(report, "elasticache.idle-cluster", "us-east-1", "new-cache").get("message").asText())
                .contains("no metrics");
        // (4 − 1) × (0.5 vCPU × $0.04048/h + 1 GB × $0.004445/h) × 730
        JsonNode api = finding(report, "ecs.service-rightsizing", "us-east-1", "prod/api");
        assertThat(api.get("estimatedMonthlySavingsUsd").asDouble()).isEqualTo(54.06);
        assertThat(api.get("evidence").get("AverageCpuPercent").asDouble()).isEqualTo(5.0);
        assertThat(api.get("evidence").get("TaskDefinition").asText()).isEqualTo("api:1");
        assertThat(finding(report, "ecs.service-rightsizing", "us-east-1", "prod/worker").get("message").asText())
                .startsWith("Average CPU 50.0% and memory 12.0%");
        JsonNode oldSmtp = finding(report, "secretsmanager.unused-secret", "eu-west-1", "eu/old-smtp");
        assertThat(oldSmtp.get("message").asText()).startsWith("Last read 200 days ago");
        assertThat(oldSmtp.get("estimatedMonthlySavingsUsd").asDouble()).isEqualTo(0.40);
        assertThat(finding(report, "secretsmanager.unused-secret", "eu-west-1", "eu/never-read").get("message").asText())
                .startsWith("Never read since it was created 300 days ago");

        JsonNode orders = finding(report, "cloudwatch.alarm-coverage", "us-east-1", "orders");
        assertThat(orders.get("evidence").get("Missing").toString()).isEqualTo("[\"FreeStorageSpace\"]");
        assertThat(orders.get("remediation").asText()).contains("aws cloudwatch put-metric-alarm --region us-east-1"
                + " --alarm-name orders-FreeStorageSpace --namespace AWS/RDS --metric-name FreeStorageSpace"
                + " --dimensions Name=DBInstanceIdentifier,Value=orders --statistic Minimum")
                .contains("--threshold 5368709120"); // a tenth of 50 GiB
        assertThat(finding(report, "cloudwatch.alarm-coverage", "us-east-1", "quiet-web").get("evidence")
                .get("Missing").toString()).isEqualTo("[\"TargetResponseTime\"]");
        assertThat(finding(report, "cloudwatch.alarm-coverage", "us-east-1", "prod/api").get("resourceType").asText())
                .isEqualTo("AWS::ECS::Service");

        double total = 23.73 + 0.0225 * 730 + 25.70 + 24.82 + 12.41 + 54.06 + 0.40 + 0.40;
        assertThat(report.get("summary").get("estimatedMonthlySavingsUsd").asDouble()).isCloseTo(total,
                Offset.offset(0.011));

        JsonNode calls = report.get("stats").get("apiCalls");
        assertThat(calls.get("cloudwatch:GetMetricData").asInt()).as("one request per region").isEqualTo(2);
        assertThat(getMetricDataRequestsIn("us-east-1")).isEqualTo(1);
        assertThat(getMetricDataRequestsIn("eu-west-1")).isEqualTo(1);
        assertThat(calls.has("cloudwatch:GetMetricStatistics")).isFalse();
        assertThat(calls.get("ecs:DescribeTaskDefinition").asInt()).as("once per distinct task definition").isEqualTo(2);
        assertThat(calls.get("cloudwatch:DescribeAlarms").asInt()).as("shared by the checks").isEqualTo(2);

        String md = audit().out();
        String table = md.substring(md.indexOf("## Savings"), md.indexOf("## To verify by hand"));
        assertThat(table.indexOf("| prod/api | us-east-1 |")).as("largest first")
                .isLessThan(table.indexOf("| eu-web | eu-west-1 |"));
        assertThat(table.indexOf("| eu-web | eu-west-1 |")).isLessThan(table.indexOf("| eu/old-smtp | eu-west-1 |"));
        assertThat(table).contains(String.format(java.util.Locale.ROOT, "| **Total** | | | **$%.2f** |",
                report.get("summary").get("estimatedMonthlySavingsUsd").asDouble()));
        assertThat(md).contains("aws cloudwatch put-metric-alarm --region eu-west-1 --alarm-name eu-web-TargetResponseTime");
    }

    @Test
    void justCreatedIdleLoadBalancersAndCachesAreTooNewToJudge() {
        seedLoadBalancers();
        seedCaches();
        String checks = "elbv2.idle-load-balancer,elasticache.idle-cluster";

        JsonNode report = auditOnly(checks, "--format", "json").json();
        assertThat(ReportFindings.statuses(report, Set.of(checks.split(",")))).isEqualTo(new TreeMap<>(Map.ofEntries(
                Map.entry("elbv2.idle-load-balancer us-east-1 busy-web", "OK"),
                Map.entry("elbv2.idle-load-balancer us-east-1 quiet-web", "TODO"),
                Map.entry("elbv2.idle-load-balancer us-east-1 empty-api", "TODO"),
                Map.entry("elbv2.idle-load-balancer us-east-1 tcp", "OK"),
                Map.entry("elbv2.idle-load-balancer eu-west-1 eu-web", "TODO"),
                Map.entry("elasticache.idle-cluster us-east-1 idle-cache", "TODO"),
                Map.entry("elasticache.idle-cluster us-east-1 busy-cache", "OK"),
                Map.entry("elasticache.idle-cluster us-east-1 new-cache", "TODO"),
                Map.entry("elasticache.idle-cluster us-east-1 sessions", "TODO"),
                Map.entry("elasticache.idle-cluster eu-west-1 eu-cache", "OK"))));
        JsonNode quiet = finding(report, "elbv2.idle-load-balancer", "us-east-1", "quiet-web");
        assertThat(quiet.get("message").asText())
                .isEqualTo("Load balancer created 0 days ago: too new to judge idle over the last 7 days.");
        assertThat(quiet.get("evidence").get("BusiestDayRequests").asLong()).isEqualTo(35);
        assertThat(Instant.parse(quiet.get("evidence").get("CreatedTime").asText())).isAfter(now.minus(Duration.ofHours(1)));
        assertThat(finding(report, "elbv2.idle-load-balancer", "eu-west-1", "eu-web").get("message").asText())
                .startsWith("Load balancer created 0 days ago: too new to judge idle");
        assertThat(finding(report, "elasticache.idle-cluster", "us-east-1", "idle-cache").get("message").asText())
                .isEqualTo("Cache cluster created 0 days ago: too new to judge idle over the last 7 days.");
        // moto lists no member cluster of a group: the group's own ReplicationGroupCreateTime stands in.
        assertThat(finding(report, "elasticache.idle-cluster", "us-east-1", "sessions").get("message").asText())
                .isEqualTo("Replication group created 0 days ago: too new to judge idle over the last 7 days.");
        assertThat(finding(report, "elasticache.idle-cluster", "us-east-1", "new-cache").get("message").asText())
                .as("no datapoint at all stays \"no metrics\"").contains("no metrics");
        assertThat(report.get("summary").get("estimatedMonthlySavingsUsd").asDouble()).isZero();

        // Even a 1-day window is longer than these resources have existed.
        JsonNode oneDay = auditOnly(checks, "--format", "json", "--idle-days", "1").json();
        assertThat(finding(oneDay, "elbv2.idle-load-balancer", "us-east-1", "quiet-web").get("status").asText())
                .isEqualTo("TODO");
        assertThat(finding(oneDay, "elbv2.idle-load-balancer", "us-east-1", "quiet-web").get("message").asText())
                .isEqualTo("Load balancer created 0 days ago: too new to judge idle over the last day.");
    }

    @Test
    void theConfigNarrowsAlarmCoverageAndChangesWhatItRequires(@TempDir Path dir) throws IOException {
        seedDatabaseAndSecrets();
        try (RdsClient rds = moto.configure(RdsClient.builder(), "us-east-1").build()) {
            rds.createDBInstance(r -> r.dbInstanceIdentifier("orders-staging").engine("postgres")
                    .dbInstanceClass("db.t3.micro").allocatedStorage(20).masterUsername("admin")
                    .masterUserPassword("password123"));
        }
        Path config = dir.resolve("huntaze-audit.yml");
        Files.writeString(config, """
                alarmCoverage:
                  exclude: ["*-staging"]
                  required:
                    rdsInstance: [CPUUtilization]
                """);

        JsonNode report = auditOnly("cloudwatch.alarm-coverage", "--format", "json", "--config",
                config.toString()).json();

        assertThat(ReportFindings.statuses(report, Set.of("cloudwatch.alarm-coverage")))
                .isEqualTo(Map.of("cloudwatch.alarm-coverage us-east-1 orders", "OK"));

        Files.writeString(config, "alarmCoverage:\n  required:\n    rds: [CPUUtilization]\n");
        CliRun invalid = auditOnly("cloudwatch.alarm-coverage", "--config", config.toString());
        assertThat(invalid.exitCode()).isEqualTo(2);
        assertThat(invalid.err()).contains(config + ":3: alarmCoverage.required.rds: unknown resource kind");
    }
}
