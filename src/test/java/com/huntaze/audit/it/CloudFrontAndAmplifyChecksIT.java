package com.huntaze.audit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huntaze.audit.testing.AmplifyStub;
import com.huntaze.audit.testing.CliRun;
import com.huntaze.audit.testing.DefaultVpc;
import com.huntaze.audit.testing.Moto;
import com.huntaze.audit.testing.MotoServer;
import com.huntaze.audit.testing.ReportFindings;
import com.huntaze.audit.testing.Seed;
import com.huntaze.audit.testing.StubProxy;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/**
 * The CloudFront and Amplify checks on moto, plus the loopback stub for Amplify, which moto 5.2.1 does not have:
 * the runbook's account, a distribution still on huntaze.vercel.app with allow-all, one on the DNS name of an ALB
 * created in moto that redirects to HTTPS, and an Amplify WEB_COMPUTE app without a compute role whose main branch
 * holds AWS_ACCESS_KEY_ID.
 */
@ExtendWith(Moto.class)
class CloudFrontAndAmplifyChecksIT {

    private static final String KEY_ID = "AKIAIOSFODNN7EXAMPLE";

    private MotoServer moto;
    private StubProxy proxy;

    @BeforeEach
    void setUp(MotoServer moto) {
        this.moto = moto;
        this.proxy = new StubProxy(moto.endpoint());
        // SESv2 GetAccount is a 404 on moto: the SES alarm-coverage kind reads it
        Seed.sesAccount(proxy, "us-east-1", false);
    }

    @AfterEach
    void tearDown() {
        proxy.close();
    }

    private String albDnsName() {
        DefaultVpc vpc = DefaultVpc.of(moto, "us-east-1");
        try (var elb = moto.configure(ElasticLoadBalancingV2Client.builder(), "us-east-1").build()) {
            return elb.createLoadBalancer(r -> r.name("prod-web").subnets(vpc.twoSubnets())).loadBalancers().get(0)
                    .dnsName();
        }
    }

    /** A distribution in moto with one custom origin on {@code domain}; returns its id. */
    private String distribution(String reference, String domain, String defaultPolicy,
                                Consumer<DistributionConfig.Builder> more) {
        try (var cloudFront = moto.configure(CloudFrontClient.builder(), "us-east-1").build()) {
            return cloudFront.createDistribution(r -> r.distributionConfig(c -> {
                c.callerReference(reference).comment(reference).enabled(true)
                        .origins(o -> o.quantity(1).items(i -> i.id("web").domainName(domain)
                                .customOriginConfig(cc -> cc.httpPort(80).httpsPort(443)
                                        .originProtocolPolicy("https-only"))))
                        .defaultCacheBehavior(b -> b.targetOriginId("web").viewerProtocolPolicy(defaultPolicy)
                                .forwardedValues(f -> f.queryString(false).cookies(k -> k.forward("none")))
                                .minTTL(0L)
                                .trustedSigners(t -> t.enabled(false).quantity(0)));
                more.accept(c);
            })).distribution().id();
        }
    }

    private void amplifyApp() {
        AmplifyStub amplify = AmplifyStub.in("us-east-1");
        amplify.app("d2k4q8m1x7z3pa", "huntaze-web", "WEB_COMPUTE")
                .variable("NEXT_PUBLIC_API_URL", "https://api.huntaze.com")
                .branch("main", null, "AWS_ACCESS_KEY_ID", KEY_ID, "DATABASE_URL", "postgres://db.internal/app")
                .branch("staging", null, "API_BASE_URL", "https://staging-api.huntaze.com");
        amplify.app("d9r5t2w8y4u6ib", "huntaze-docs", "WEB").branch("main", null);
        amplify.install(proxy);
    }

    private CliRun audit() {
        return CliRun.of("check", "--endpoint-url", proxy.endpoint().toString(), "--region", "us-east-1",
                "--checks", "cloudfront.*,amplify.*,cloudwatch.alarm-coverage", "--format", "json");
    }

    @Test
    void theRunbooksAccountIsJudgedRight() {
        String vercel = distribution("vercel", "huntaze.vercel.app", "allow-all", c -> c.aliases(a -> a.quantity(1)
                .items("huntaze.com")));
        String dns = albDnsName();
        String alb = distribution("alb", dns, "redirect-to-https", c -> c.cacheBehaviors(b -> b.quantity(1)
                .items(i -> i.pathPattern("/api/*").targetOriginId("web").viewerProtocolPolicy("https-only")
                        .forwardedValues(f -> f.queryString(true).cookies(k -> k.forward("all"))).minTTL(0L)
                        .trustedSigners(t -> t.enabled(false).quantity(0)))));
        try (var cloudwatch = moto.configure(CloudWatchClient.builder(), "us-east-1").build()) {
            cloudwatch.putMetricAlarm(r -> r.alarmName("alb-cdn-5xx").namespace("AWS/CloudFront")
                    .metricName("5xxErrorRate").dimensions(d -> d.name("DistributionId").value(alb),
                            d -> d.name("Region").value("Global"))
                    .statistic("Average").period(300).evaluationPeriods(1).threshold(5.0)
                    .comparisonOperator("GreaterThanOrEqualToThreshold"));
        }
        amplifyApp();

        CliRun run = audit();

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        JsonNode report = run.json();
        assertThat(report.get("summary").has("collectionErrors")).as(run.toString()).isFalse();
        Map<String, String> statuses = ReportFindings.statuses(report, id -> true);
        assertThat(statuses).containsAllEntriesOf(Map.of(
                "cloudfront.origin-in-account global " + vercel, "NOK",
                "cloudfront.origin-in-account global " + alb, "OK",
                "cloudfront.viewer-https global " + vercel, "NOK",
                "cloudfront.viewer-https global " + alb, "OK",
                "amplify.no-aws-keys-in-env us-east-1 d2k4q8m1x7z3pa", "NOK",
                "amplify.no-aws-keys-in-env us-east-1 d9r5t2w8y4u6ib", "OK",
                "amplify.service-role us-east-1 d2k4q8m1x7z3pa", "NOK",
                "amplify.service-role us-east-1 d9r5t2w8y4u6ib", "OK",
                "cloudwatch.alarm-coverage us-east-1 " + vercel, "NOK",
                "cloudwatch.alarm-coverage us-east-1 " + alb, "OK"));

        JsonNode outside = ReportFindings.finding(report, "cloudfront.origin-in-account", "global", vercel);
        assertThat(outside.get("message").asText()).startsWith("Origin huntaze.vercel.app is outside this account");
        assertThat(outside.get("evidence").get("Aliases").toString()).contains("huntaze.com");
        assertThat(outside.get("resourceType").asText()).isEqualTo("AWS::CloudFront::Distribution");
        JsonNode inAccount = ReportFindings.finding(report, "cloudfront.origin-in-account", "global", alb);
        assertThat(inAccount.get("message").asText()).contains(dns.toLowerCase())
                .contains("load balancer prod-web (application, us-east-1)");
        JsonNode clearText = ReportFindings.finding(report, "cloudfront.viewer-https", "global", vercel);
        assertThat(clearText.get("message").asText()).startsWith("Cache behavior default (*) allows HTTP");
        assertThat(ReportFindings.finding(report, "cloudfront.viewer-https", "global", alb).get("evidence")
                .get("ViewerProtocolPolicies").toString()).contains("/api/*: https-only");

        JsonNode keys = ReportFindings.finding(report, "amplify.no-aws-keys-in-env", "us-east-1", "d2k4q8m1x7z3pa");
        assertThat(keys.get("message").asText()).contains("app huntaze-web").contains("branch main: AWS_ACCESS_KEY_ID"
                + " (value holds access key id AKIA…MPLE)");
        JsonNode role = ReportFindings.finding(report, "amplify.service-role", "us-east-1", "d2k4q8m1x7z3pa");
        assertThat(role.get("message").asText()).startsWith("The SSR runtime has no role");
        assertThat(role.get("evidence").get("IamServiceRoleArn").asText()).isEqualTo("none");
        assertThat(run.out()).doesNotContain(KEY_ID).doesNotContain("postgres://db.internal");
    }

    @Test
    void distributionsAreListedAtTheMaximumPageSizeAndEachIsReadOnceAsAreAppsAndTheirBranches() {
        String first = distribution("one", "huntaze.vercel.app", "allow-all", c -> { });
        distribution("two", "huntaze.vercel.app", "https-only", c -> { });
        amplifyApp();

        JsonNode report = audit().json();

        JsonNode calls = report.get("stats").get("apiCalls");
        assertThat(calls.get("cloudfront:ListDistributions").asInt()).isEqualTo(1);
        assertThat(calls.get("cloudfront:GetDistribution").asInt()).as("one per distribution").isEqualTo(2);
        assertThat(calls.get("amplify:ListApps").asInt()).isEqualTo(1);
        assertThat(calls.get("amplify:ListBranches").asInt()).as("one per app").isEqualTo(2);
        assertThat(proxy.requests()).filteredOn(r -> r.service().equals("cloudfront") && r.path().contains("?"))
                .singleElement().satisfies(r -> assertThat(r.path()).contains("MaxItems=100"));
        assertThat(proxy.requests()).filteredOn(r -> r.service().equals("cloudfront"))
                .allSatisfy(r -> assertThat(r.region()).as("CloudFront is signed for us-east-1").isEqualTo("us-east-1"))
                .anySatisfy(r -> assertThat(r.path()).endsWith("/distribution/" + first));
        assertThat(proxy.requests()).filteredOn(r -> r.service().equals("amplify")).extracting(StubProxy.Request::path)
                .anySatisfy(p -> assertThat(p).startsWith("/apps?").contains("maxResults=100"))
                .anySatisfy(p -> assertThat(p).startsWith("/apps/d2k4q8m1x7z3pa/branches?").contains("maxResults=50"));
    }

    @Test
    void cloudFrontIsCollectedOnceWhateverTheNumberOfRegionsAndAlarmCoverageJudgesItInUsEast1Only() {
        String id = distribution("one", albDnsName(), "redirect-to-https", c -> { });
        AmplifyStub.noApps(proxy);

        CliRun run = CliRun.of("check", "--endpoint-url", proxy.endpoint().toString(), "--region",
                "eu-west-1,us-east-1", "--checks", "cloudfront.*,cloudwatch.alarm-coverage", "--format", "json");

        JsonNode report = run.json();
        assertThat(report.get("stats").get("apiCalls").get("cloudfront:ListDistributions").asInt()).isEqualTo(1);
        Map<String, String> coverage = ReportFindings.statuses(report, "cloudwatch.alarm-coverage"::equals);
        assertThat(coverage).containsEntry("cloudwatch.alarm-coverage us-east-1 " + id, "NOK")
                .doesNotContainKey("cloudwatch.alarm-coverage eu-west-1 " + id);
        assertThat(ReportFindings.finding(report, "cloudfront.origin-in-account", "global", id).get("status").asText())
                .isEqualTo("OK");
    }
}
