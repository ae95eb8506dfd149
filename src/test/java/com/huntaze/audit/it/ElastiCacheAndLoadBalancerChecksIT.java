package com.huntaze.audit.it;

import static com.huntaze.audit.testing.ReportFindings.finding;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huntaze.audit.testing.CliRun;
import com.huntaze.audit.testing.DefaultVpc;
import com.huntaze.audit.testing.Moto;
import com.huntaze.audit.testing.MotoServer;
import com.huntaze.audit.testing.ReportFindings;
import com.huntaze.audit.testing.StubProxy;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerSchemeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RedirectActionStatusCodeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;

/**
 * The ElastiCache and load balancer checks against moto in two regions. moto reports every IP target healthy, so
 * the loopback stub answers DescribeTargetHealth for one target group with an unhealthy target; everything else
 * is moto's.
 */
@ExtendWith(Moto.class)
class ElastiCacheAndLoadBalancerChecksIT {

    private static final String IAM_CERTIFICATE = "arn:aws:iam::123456789012:server-certificate/launch";

    private MotoServer moto;
    private StubProxy proxy;

    @BeforeEach
    void setUp(MotoServer moto) {
        this.moto = moto;
        this.proxy = new StubProxy(moto.endpoint());
    }

    @AfterEach
    void tearDown() {
        proxy.close();
    }

    // --- seeding ---------------------------------------------------------------------------------------------

    private void seedElastiCache() {
        try (ElastiCacheClient ec = moto.configure(ElastiCacheClient.builder(), "us-east-1").build()) {
            ec.createReplicationGroup(r -> r.replicationGroupId("sessions").replicationGroupDescription("sessions")
                    .engine("redis").cacheNodeType("cache.r7g.large").numCacheClusters(2)
                    .automaticFailoverEnabled(true).multiAZEnabled(true).snapshotRetentionLimit(7)
                    .atRestEncryptionEnabled(true).transitEncryptionEnabled(true).authToken("a-long-enough-auth-token"));
            ec.createReplicationGroup(r -> r.replicationGroupId("queue").replicationGroupDescription("jobs")
                    .engine("redis").cacheNodeType("cache.t3.micro").numCacheClusters(1));
            ec.createCacheCluster(r -> r.cacheClusterId("solo").engine("redis").cacheNodeType("cache.t3.small")
                    .numCacheNodes(1).preferredAvailabilityZone("us-east-1b").snapshotRetentionLimit(3));
            ec.createCacheCluster(r -> r.cacheClusterId("fragments").engine("memcached").cacheNodeType("cache.t3.small")
                    .numCacheNodes(2));
        }
        try (ElastiCacheClient ec = moto.configure(ElastiCacheClient.builder(), "eu-west-1").build()) {
            ec.createReplicationGroup(r -> r.replicationGroupId("eu-cache").replicationGroupDescription("eu")
                    .engine("redis").cacheNodeType("cache.m7g.large").numCacheClusters(2)
                    .automaticFailoverEnabled(true).multiAZEnabled(false).snapshotRetentionLimit(10)
                    .atRestEncryptionEnabled(true).transitEncryptionEnabled(true).userGroupIds("eu-app-users"));
        }
    }

    private void seedLoadBalancers() {
        try (ElasticLoadBalancingV2Client elb = moto.configure(ElasticLoadBalancingV2Client.builder(), "us-east-1")
                .build()) {
            DefaultVpc vpc = DefaultVpc.of(moto, "us-east-1");
            String web = alb(elb, vpc, "web", LoadBalancerSchemeEnum.INTERNET_FACING);
            String legacy = alb(elb, vpc, "legacy", LoadBalancerSchemeEnum.INTERNET_FACING);
            String internal = alb(elb, vpc, "internal-api", LoadBalancerSchemeEnum.INTERNAL);
            String nlb = elb.createLoadBalancer(r -> r.name("tcp").type(LoadBalancerTypeEnum.NETWORK)
                    .scheme(LoadBalancerSchemeEnum.INTERNET_FACING).subnets(vpc.twoSubnets()))
                    .loadBalancers().get(0).loadBalancerArn();

            String webTg = targetGroup(elb, vpc, "web-tg", ProtocolEnum.HTTP, "10.0.1.10", "10.0.2.10");
            String legacyTg = targetGroup(elb, vpc, "legacy-tg", ProtocolEnum.HTTP);
            String apiTg = targetGroup(elb, vpc, "api-tg", ProtocolEnum.HTTP, "10.0.1.20");
            String tcpTg = targetGroup(elb, vpc, "tcp-tg", ProtocolEnum.TCP, "10.0.1.30");
            targetGroup(elb, vpc, "spare-tg", ProtocolEnum.HTTP, "10.0.1.40");

            elb.createListener(r -> r.loadBalancerArn(web).protocol(ProtocolEnum.HTTPS).port(443)
                    .certificates(c -> c.certificateArn(IAM_CERTIFICATE)).defaultActions(forward(webTg)));
            elb.createListener(r -> r.loadBalancerArn(web).protocol(ProtocolEnum.HTTP).port(80)
                    .defaultActions(Action.builder().type(ActionTypeEnum.REDIRECT).redirectConfig(c -> c
                            .protocol("HTTPS").port("443").statusCode(RedirectActionStatusCodeEnum.HTTP_301)).build()));
            // HTTPS is there, but port 80 serves the same content in clear text instead of redirecting.
            elb.createListener(r -> r.loadBalancerArn(legacy).protocol(ProtocolEnum.HTTPS).port(443)
                    .certificates(c -> c.certificateArn(IAM_CERTIFICATE)).defaultActions(forward(legacyTg)));
            elb.createListener(r -> r.loadBalancerArn(legacy).protocol(ProtocolEnum.HTTP).port(80)
                    .defaultActions(forward(legacyTg)));
            elb.createListener(r -> r.loadBalancerArn(internal).protocol(ProtocolEnum.HTTP).port(80)
                    .defaultActions(forward(apiTg)));
            elb.createListener(r -> r.loadBalancerArn(nlb).protocol(ProtocolEnum.TCP).port(80)
                    .defaultActions(forward(tcpTg)));
        }
        try (ElasticLoadBalancingV2Client elb = moto.configure(ElasticLoadBalancingV2Client.builder(), "eu-west-1")
                .build()) {
            DefaultVpc vpc = DefaultVpc.of(moto, "eu-west-1");
            String euWeb = alb(elb, vpc, "eu-web", LoadBalancerSchemeEnum.INTERNET_FACING);
            String euTg = targetGroup(elb, vpc, "eu-tg", ProtocolEnum.HTTP, "172.31.0.10");
            elb.createListener(r -> r.loadBalancerArn(euWeb).protocol(ProtocolEnum.HTTPS).port(443)
                    .certificates(c -> c.certificateArn(IAM_CERTIFICATE)).defaultActions(forward(euTg)));
        }
        // moto's IP targets are always healthy: api-tg's target is made unhealthy here.
        proxy.when(r -> r.operation().equals("DescribeTargetHealth")
                        && URLDecoder.decode(r.body(), StandardCharsets.UTF_8).contains(":targetgroup/api-tg/"),
                new StubProxy.Response(200, "text/xml", """
                        <DescribeTargetHealthResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/">
                          <DescribeTargetHealthResult>
                            <TargetHealthDescriptions>
                              <member>
                                <Target><Id>10.0.1.20</Id><Port>8080</Port></Target>
                                <HealthCheckPort>traffic-port</HealthCheckPort>
                                <TargetHealth>
                                  <State>unhealthy</State>
                                  <Reason>Target.ResponseCodeMismatch</Reason>
                                  <Description>Health checks failed with these codes: [502]</Description>
                                </TargetHealth>
                              </member>
                            </TargetHealthDescriptions>
                          </DescribeTargetHealthResult>
                          <ResponseMetadata><RequestId>stub</RequestId></ResponseMetadata>
                        </DescribeTargetHealthResponse>"""));
    }

    private static String alb(ElasticLoadBalancingV2Client elb, DefaultVpc vpc, String name,
                              LoadBalancerSchemeEnum scheme) {
        return elb.createLoadBalancer(r -> r.name(name).type(LoadBalancerTypeEnum.APPLICATION).scheme(scheme)
                .subnets(vpc.twoSubnets())).loadBalancers().get(0).loadBalancerArn();
    }

    private static String targetGroup(ElasticLoadBalancingV2Client elb, DefaultVpc vpc, String name,
                                      ProtocolEnum protocol, String... ips) {
        String arn = elb.createTargetGroup(r -> r.name(name).protocol(protocol).port(8080).vpcId(vpc.vpcId())
                .targetType(TargetTypeEnum.IP)).targetGroups().get(0).targetGroupArn();
        if (ips.length > 0) {
            elb.registerTargets(r -> r.targetGroupArn(arn).targets(Arrays.stream(ips)
                    .map(ip -> TargetDescription.builder().id(ip).port(8080).build()).toList()));
        }
        return arn;
    }

    private static Action forward(String targetGroupArn) {
        return Action.builder().type(ActionTypeEnum.FORWARD).targetGroupArn(targetGroupArn).build();
    }

    // --- running ---------------------------------------------------------------------------------------------

    private CliRun audit(String... extra) {
        String[] base = {"check", "--endpoint-url", proxy.endpoint().toString(), "--region", "us-east-1,eu-west-1"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(args);
    }

    /**
     * "checkId region resourceId" → status, for the findings of the ElastiCache and ELBv2 checks but the idle ones
     * and elbv2.multi-az, which have their own ITs (SavingsChecks*IT, NetworkChecksIT).
     */
    private static Map<String, String> statuses(JsonNode report) {
        return ReportFindings.statuses(report, id -> (id.startsWith("elasticache.") || id.startsWith("elbv2."))
                && !id.equals("elasticache.idle-cluster") && !id.equals("elbv2.idle-load-balancer")
                && !id.equals("elbv2.multi-az")
                && !id.equals("elasticache.engine-support"));
    }

    // --- tests -----------------------------------------------------------------------------------------------

    @Test
    void fiveChecksJudgeEveryCacheAndLoadBalancerInTwoRegions() {
        seedElastiCache();
        seedLoadBalancers();

        CliRun run = audit("--format", "json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        JsonNode report = run.json();
        assertThat(statuses(report)).isEqualTo(new TreeMap<>(Map.ofEntries(
                Map.entry("elasticache.multi-az us-east-1 sessions", "OK"),
                Map.entry("elasticache.multi-az us-east-1 queue", "NOK"),
                Map.entry("elasticache.multi-az us-east-1 solo", "NOK"),
                Map.entry("elasticache.multi-az eu-west-1 eu-cache", "NOK"),
                Map.entry("elasticache.backup-retention us-east-1 sessions", "OK"),
                Map.entry("elasticache.backup-retention us-east-1 queue", "NOK"),
                Map.entry("elasticache.backup-retention us-east-1 solo", "NOK"),
                Map.entry("elasticache.backup-retention eu-west-1 eu-cache", "OK"),
                Map.entry("elasticache.encryption us-east-1 sessions", "OK"),
                Map.entry("elasticache.encryption us-east-1 queue", "NOK"),
                Map.entry("elasticache.encryption us-east-1 solo", "NOK"),
                Map.entry("elasticache.encryption eu-west-1 eu-cache", "OK"),
                Map.entry("elbv2.target-health us-east-1 web-tg", "OK"),
                Map.entry("elbv2.target-health us-east-1 tcp-tg", "OK"),
                Map.entry("elbv2.target-health us-east-1 legacy-tg", "NOK"),
                Map.entry("elbv2.target-health us-east-1 api-tg", "NOK"),
                Map.entry("elbv2.target-health eu-west-1 eu-tg", "OK"),
                Map.entry("elbv2.https-listener us-east-1 web", "OK"),
                Map.entry("elbv2.https-listener us-east-1 legacy", "NOK"),
                Map.entry("elbv2.https-listener us-east-1 internal-api", "OK"),
                Map.entry("elbv2.https-listener eu-west-1 eu-web", "OK"))));

        JsonNode solo = finding(report, "elasticache.multi-az", "us-east-1", "solo");
        assertThat(solo.get("resourceType").asText()).isEqualTo("AWS::ElastiCache::CacheCluster");
        assertThat(solo.get("resourceArn").asText()).isEqualTo("arn:aws:elasticache:us-east-1:123456789012:cluster:solo");
        assertThat(solo.get("evidence").get("CacheNodeType").asText()).isEqualTo("cache.t3.small");
        assertThat(solo.get("evidence").get("AvailabilityZone").asText()).isEqualTo("us-east-1b");
        JsonNode euMultiAz = finding(report, "elasticache.multi-az", "eu-west-1", "eu-cache");
        assertThat(euMultiAz.get("resourceType").asText()).isEqualTo("AWS::ElastiCache::ReplicationGroup");
        assertThat(euMultiAz.get("message").asText()).startsWith("Multi-AZ is disabled");

        assertThat(finding(report, "elasticache.backup-retention", "us-east-1", "queue").get("message").asText())
                .contains("automatic backups disabled");
        assertThat(finding(report, "elasticache.backup-retention", "us-east-1", "solo").get("evidence")
                .get("SnapshotRetentionLimit").asInt()).isEqualTo(3);
        // moto's standalone clusters carry no encryption fields at all: absent reads as not enabled.
        assertThat(finding(report, "elasticache.encryption", "us-east-1", "solo").get("message").asText())
                .contains("encryption at rest, encryption in transit, authentication");
        assertThat(finding(report, "elasticache.encryption", "eu-west-1", "eu-cache").get("message").asText())
                .contains("RBAC user group eu-app-users");

        JsonNode api = finding(report, "elbv2.target-health", "us-east-1", "api-tg");
        assertThat(api.get("message").asText()).contains("10.0.1.20:8080 unhealthy (Target.ResponseCodeMismatch:"
                + " Health checks failed with these codes: [502])").contains("behind internal-api");
        assertThat(finding(report, "elbv2.target-health", "us-east-1", "legacy-tg").get("message").asText())
                .startsWith("No registered targets");
        assertThat(finding(report, "elbv2.https-listener", "us-east-1", "legacy").get("message").asText())
                .startsWith("HTTP listener on port 80 does not redirect to HTTPS (port 80: forward)");
        assertThat(finding(report, "elbv2.https-listener", "us-east-1", "internal-api").get("message").asText())
                .startsWith("Internal load balancer");
    }

    @Test
    void statsShowOneDescribeLoadBalancersPerRegionAndPerResourceCallsOnlyWhereNeeded() {
        seedElastiCache();
        seedLoadBalancers();

        JsonNode calls = audit("--format", "json").json().get("stats").get("apiCalls");

        assertThat(calls.get("elasticloadbalancing:DescribeLoadBalancers").asInt())
                .as("two checks read load balancers, two regions").isEqualTo(2);
        assertThat(calls.get("elasticloadbalancing:DescribeTargetGroups").asInt()).isEqualTo(2);
        assertThat(calls.get("elasticloadbalancing:DescribeListeners").asInt()).as("one per load balancer").isEqualTo(5);
        assertThat(calls.get("elasticloadbalancing:DescribeTargetHealth").asInt())
                .as("one per attached target group; spare-tg is attached to nothing").isEqualTo(5);
        assertThat(calls.get("elasticache:DescribeReplicationGroups").asInt()).as("three checks, two regions").isEqualTo(2);
        assertThat(calls.get("elasticache:DescribeCacheClusters").asInt()).isEqualTo(2);
        assertThat(proxy.requests().stream().filter(r -> r.operation().equals("DescribeTargetHealth")
                && URLDecoder.decode(r.body(), StandardCharsets.UTF_8).contains(":targetgroup/spare-tg/"))).isEmpty();
    }

    @Test
    void aDeniedCallBecomesATodoNamingItsIamActionWhileTheOtherRegionIsJudged() {
        seedElastiCache();
        seedLoadBalancers();
        proxy.when(r -> r.region().equals("us-east-1") && r.operation().equals("DescribeReplicationGroups"),
                StubProxy.Response.queryError(403, "AccessDenied", "not authorized to perform"
                        + " elasticache:DescribeReplicationGroups"));
        // A per-load-balancer call of a dependent dataset: the listeners, fetched after the load balancers.
        proxy.when(r -> r.region().equals("eu-west-1") && r.operation().equals("DescribeListeners"),
                StubProxy.Response.queryError(403, "AccessDenied", "not authorized to perform"
                        + " elasticloadbalancing:DescribeListeners"));

        CliRun run = audit("--format", "json");

        Map<String, String> statuses = statuses(run.json());
        for (String check : new String[] {"elasticache.multi-az", "elasticache.backup-retention", "elasticache.encryption"}) {
            assertThat(statuses).containsEntry(check + " us-east-1 ", "TODO");
            assertThat(finding(run.json(), check, "us-east-1", "").get("message").asText())
                    .contains("elasticache:DescribeReplicationGroups").contains("access denied");
        }
        assertThat(statuses).containsEntry("elbv2.https-listener eu-west-1 ", "TODO")
                .containsEntry("elasticache.multi-az eu-west-1 eu-cache", "NOK")
                .containsEntry("elbv2.target-health eu-west-1 eu-tg", "OK")
                .containsEntry("elbv2.https-listener us-east-1 legacy", "NOK");
        assertThat(finding(run.json(), "elbv2.https-listener", "eu-west-1", "").get("message").asText())
                .contains("elasticloadbalancing:DescribeListeners");
    }

    @Test
    void minSnapshotDaysRaisesTheBar() {
        seedElastiCache();

        JsonNode report = audit("--format", "json", "--min-snapshot-days", "14").json();

        JsonNode eu = finding(report, "elasticache.backup-retention", "eu-west-1", "eu-cache");
        assertThat(eu.get("status").asText()).isEqualTo("NOK");
        assertThat(eu.get("message").asText()).isEqualTo("Snapshots are kept 10 days, fewer than the required 14.");
        assertThat(finding(report, "elasticache.backup-retention", "us-east-1", "sessions").get("status").asText())
                .isEqualTo("NOK");
    }

    @Test
    void minSnapshotDaysBelowOneIsAUsageError() {
        CliRun run = CliRun.of("check", "--demo", "--min-snapshot-days", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--min-snapshot-days must be between 1 and 35 (days), not 0");
    }

    @Test
    void markdownReportListsTheFindings() {
        seedElastiCache();
        seedLoadBalancers();

        CliRun run = audit();

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out())
                .contains("| ❌ NOK | solo | us-east-1 |", "| ReplicationGroup: none,"
                        + " CacheNodeType: cache.t3.small, AvailabilityZone: us-east-1b, Engine: redis |")
                .contains("`elbv2.https-listener` · severity", "| ❌ NOK | legacy | us-east-1 |")
                .contains("| internal-api | us-east-1 | `elbv2.https-listener` | Internal load balancer: not reachable"
                        + " from the internet, so this check does not require HTTPS")
                .contains("`elbv2.target-health` · severity", "| ❌ NOK | api-tg | us-east-1 |");
    }
}
