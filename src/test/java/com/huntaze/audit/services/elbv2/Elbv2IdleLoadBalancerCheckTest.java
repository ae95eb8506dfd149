package com.huntaze.audit.services.elbv2;

import static com.huntaze.audit.services.elbv2.Elbv2IdleLoadBalancerCheck.ALB_REQUESTS;
import static com.huntaze.audit.services.elbv2.Elbv2IdleLoadBalancerCheck.NLB_NEW_FLOWS;
import static com.huntaze.audit.testing.Fixtures.daily;
import static com.huntaze.audit.testing.Fixtures.healthyTarget;
import static com.huntaze.audit.testing.Fixtures.loadBalancer;
import static com.huntaze.audit.testing.Fixtures.metrics;
import static com.huntaze.audit.testing.Fixtures.target;
import static com.huntaze.audit.testing.Fixtures.targetGroup;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.services.Idle;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.inventory.MetricData;
import com.huntaze.audit.inventory.MetricSeries;
import com.huntaze.audit.testing.CheckHarness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Elbv2IdleLoadBalancerCheckTest {

    private static final LoadBalancer WEB = loadBalancer("web", "application", "internet-facing");
    private static final LoadBalancer INTERNAL = loadBalancer("internal", "application", "internal");
    private static final LoadBalancer TCP = loadBalancer("tcp", "network", "internet-facing");

    private static TargetGroup healthyGroupOf(LoadBalancer lb) {
        return targetGroup(lb.name() + "-tg", List.of(lb.arn()), healthyTarget("10.0.1.10"));
    }

    private static CheckHarness audit(String region, List<LoadBalancer> lbs, List<TargetGroup> groups,
                                      MetricData metrics) {
        return CheckHarness.of(new Elbv2IdleLoadBalancerCheck(), region)
                .with(region, Elbv2Datasets.LOAD_BALANCERS, lbs)
                .with(region, Elbv2Datasets.TARGET_GROUPS, groups)
                .with(region, MetricData.DATASET, metrics);
    }

    /** One ALB with one healthy target and these daily RequestCount sums. */
    private static Finding judgeAlb(LoadBalancer lb, MetricSeries requests) {
        return audit("us-east-1", List.of(lb), List.of(healthyGroupOf(lb)), metrics(ALB_REQUESTS, lb.name(), requests))
                .finding(lb.name());
    }

    @Test
    void aBusyAlbWithAHealthyTargetIsOk() {
        Finding f = judgeAlb(WEB, daily(4210, 3980, 5120, 4470, 3900, 2800, 2650));

        assertThat(f.status()).isEqualTo(Status.OK);
        assertThat(f.message()).isEqualTo("Up to 5,120 requests a day in the last 7 days, 1 healthy target.");
        assertThat(f.estimatedMonthlySavingsUsd()).isZero();
        assertThat(f.evidence()).containsEntry("BusiestDayRequests", 5120L).containsEntry("HealthyTargets", 1L);
    }

    @Test
    void fewerRequestsThanTheThresholdOnEveryDayIsIdleAndSavesItsHoursAndItsPublicAddresses() {
        Finding f = judgeAlb(WEB, daily(12, 99, 40, 3, 0, 7, 1));

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.message()).isEqualTo("At most 99 requests a day in the last 7 days (under 100): it bills its hours"
                + " while serving nothing.");
        // $0.0225/h × 730 h = 16.425, + 2 zones × $0.005/h × 730 h = 7.30
        assertThat(f.estimatedMonthlySavingsUsd()).isEqualTo(Math.round((16.425 + 7.3) * 100) / 100.0);
        assertThat((String) f.evidence().get("Estimate"))
                .isEqualTo("$0.0225/h × 730 h + 2 public IPv4 (one per zone) × $0.005/h × 730 h = $23.73/month");
        assertThat((String) f.evidence().get("PriceSource")).contains("elasticloadbalancing/pricing").contains("vpc/pricing");
        assertThat(f.evidence()).containsEntry("TotalRequests", 162L).containsEntry("IdleRequestsPerDay", 100);
    }

    @Test
    void oneDayAtTheThresholdIsInUse() {
        assertThat(judgeAlb(WEB, daily(0, 0, 100, 0)).status()).isEqualTo(Status.OK);
    }

    @Test
    void noDatapointInTheWholeWindowMeansNoRequestAndSaysSo() {
        Finding f = judgeAlb(WEB, MetricSeries.EMPTY);

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.message()).startsWith("No requests in the last 7 days:");
        assertThat(f.evidence()).containsEntry("Datapoints", 0).containsEntry("BusiestDayRequests", 0L);
        assertThat((String) f.evidence().get("NoDatapoints"))
                .contains("CloudWatch publishes no RequestCount datapoint for a period without requests");
        assertThat(f.estimatedMonthlySavingsUsd()).isPositive();
    }

    @Test
    void anInternalLoadBalancerHasNoPublicAddressToPayFor() {
        Finding f = judgeAlb(INTERNAL, daily(0, 0));

        assertThat(f.estimatedMonthlySavingsUsd()).isEqualTo(Math.round(0.0225 * 730 * 100) / 100.0);
        assertThat((String) f.evidence().get("Estimate")).doesNotContain("IPv4");
    }

    @Test
    void noHealthyTargetInAnyGroupIsIdleEvenWithTraffic() {
        TargetGroup broken = targetGroup("web-tg", List.of(WEB.arn()),
                target("10.0.1.10", "unhealthy", "Target.Timeout", "Request timed out"));
        TargetGroup empty = targetGroup("web-canary-tg", List.of(WEB.arn()));
        TargetGroup elsewhere = targetGroup("other-tg", List.of(INTERNAL.arn()), healthyTarget("10.0.2.20"));

        Finding f = audit("us-east-1", List.of(WEB), List.of(broken, empty, elsewhere),
                metrics(ALB_REQUESTS, "web", daily(900, 1200))).finding("web");

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.message()).startsWith("No healthy target in any of its 2 target groups:");
        assertThat(f.evidence()).containsEntry("TargetGroups", List.of("web-tg", "web-canary-tg"))
                .containsEntry("HealthyTargets", 0L);
    }

    @Test
    void bothReasonsAreNamedWhenBothHold() {
        TargetGroup empty = targetGroup("web-tg", List.of(WEB.arn()));

        Finding f = audit("us-east-1", List.of(WEB), List.of(empty), MetricData.NONE).finding("web");

        assertThat(f.message()).isEqualTo("No healthy target in its target group, and no requests in the last 7 days:"
                + " it bills its hours while serving nothing.");
    }

    @Test
    void aLambdaTargetWithHealthChecksOffServes() {
        TargetGroup lambda = targetGroup("fn-tg", List.of(WEB.arn()), target("arn:aws:lambda:us-east-1:123456789012:"
                + "function:api", "unavailable", "Target.HealthCheckDisabled", "Health checks are disabled"));

        Finding f = audit("us-east-1", List.of(WEB), List.of(lambda), metrics(ALB_REQUESTS, "web", daily(5000)))
                .finding("web");

        assertThat(f.status()).isEqualTo(Status.OK);
    }

    @Test
    void anAlbWithoutTargetGroupsIsJudgedByItsTrafficAlone() {
        LoadBalancer redirects = loadBalancer("old-domain", "application", "internet-facing");
        LoadBalancer forgotten = loadBalancer("forgotten", "application", "internet-facing");
        var harness = audit("us-east-1", List.of(redirects, forgotten), List.of(),
                metrics(ALB_REQUESTS, "old-domain", daily(800, 750), "forgotten", MetricSeries.EMPTY));

        Finding ok = harness.finding("old-domain");
        assertThat(ok.status()).isEqualTo(Status.OK);
        assertThat(ok.message()).contains("without a target group (redirects or fixed responses)");
        Finding idle = harness.finding("forgotten");
        assertThat(idle.status()).isEqualTo(Status.NOK);
        assertThat(idle.message()).startsWith("No target group, and no requests in the last 7 days");
    }

    @Test
    void aNetworkLoadBalancerIsJudgedOnNewFlows() {
        TargetGroup tcpGroup = targetGroup("tcp-tg", List.of(TCP.arn()), healthyTarget("10.0.1.30"));
        var harness = audit("us-east-1", List.of(TCP), List.of(tcpGroup),
                new MetricData(Map.of(NLB_NEW_FLOWS.id(), Map.of("tcp", daily(20, 30)),
                        ALB_REQUESTS.id(), Map.of("tcp", daily(5000)))));

        Finding f = harness.finding("tcp");
        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.message()).startsWith("At most 30 new flows a day");
        assertThat(f.evidence()).containsEntry("BusiestDayNewFlows", 30L)
                .containsEntry("Metric", "AWS/NetworkELB NewFlowCount (Sum per 1 day)");
    }

    @Test
    void aNetworkLoadBalancerWithoutATargetGroupServesNothing() {
        Finding f = audit("us-east-1", List.of(TCP), List.of(), metrics(NLB_NEW_FLOWS, "tcp", daily(5000)))
                .finding("tcp");
        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.message()).startsWith("No target group:");
    }

    @Test
    void gatewayLoadBalancersAreNotJudged() {
        LoadBalancer gateway = loadBalancer("inspect", "gateway", "internal");
        assertThat(audit("us-east-1", List.of(gateway), List.of(), MetricData.NONE).findings()).isEmpty();
    }

    @Test
    void theThresholdsChangeTheVerdictAndTheMessageStatesThem() {
        var harness = audit("us-east-1", List.of(WEB), List.of(healthyGroupOf(WEB)),
                metrics(ALB_REQUESTS, "web", daily(400, 350)));
        assertThat(harness.finding("web").status()).isEqualTo(Status.OK);

        Finding f = harness.threshold(Elbv2IdleLoadBalancerCheck.IDLE_REQUESTS_PER_DAY, 1000)
                .threshold(Idle.DAYS, 14).finding("web");
        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.message()).startsWith("At most 400 requests a day in the last 14 days (under 1000)");
    }

    @Test
    void aRegionMissingFromThePriceTableUsesUsEast1AndSaysSo() {
        Finding f = audit("eu-central-1", List.of(INTERNAL), List.of(healthyGroupOf(INTERNAL)),
                metrics(ALB_REQUESTS, "internal", daily(0))).finding("internal");

        assertThat(f.estimatedMonthlySavingsUsd()).isPositive();
        assertThat((String) f.evidence().get("PriceRegion")).isEqualTo("us-east-1 price used: the price table has no"
                + " eu-central-1 figure for elbv2.load-balancer-hour application");
    }

    @Test
    void declaresOneMetricPerLoadBalancerTypeOnItsArnSuffix() {
        assertThat(new Elbv2IdleLoadBalancerCheck().metrics()).containsExactly(ALB_REQUESTS, NLB_NEW_FLOWS);
        assertThat(ALB_REQUESTS.targets(List.of(WEB, TCP))).singleElement().satisfies(t -> {
            assertThat(t.resourceKey()).isEqualTo("web");
            assertThat(t.dimensionSets()).containsExactly(Map.of("LoadBalancer", "app/web/50dc6c495c0c9188"));
        });
        assertThat(NLB_NEW_FLOWS.targets(List.of(WEB, TCP))).singleElement().satisfies(t ->
                assertThat(t.dimensionSets()).containsExactly(Map.of("LoadBalancer", "net/tcp/50dc6c495c0c9188")));
        assertThat(ALB_REQUESTS.namespace()).isEqualTo("AWS/ApplicationELB");
        assertThat(ALB_REQUESTS.statistic().name()).isEqualTo("Sum");
    }

    // --- a load balancer younger than the idle window ----------------------------------------------------------

    private static LoadBalancer createdDaysAgo(String name, int days) {
        return loadBalancer(name, "application", "internet-facing", CheckHarness.NOW.minus(Duration.ofDays(days)));
    }

    @Test
    void aQuietAlbCreatedLessThanIdleDaysAgoIsTooNewToJudgeAndSavesNothing() {
        LoadBalancer fresh = createdDaysAgo("fresh", 2);

        Finding f = judgeAlb(fresh, daily(0, 3));

        assertThat(f.status()).isEqualTo(Status.TODO);
        assertThat(f.message()).isEqualTo("Load balancer created 2 days ago: too new to judge idle over the last 7"
                + " days.");
        assertThat(f.estimatedMonthlySavingsUsd()).isZero();
        assertThat(f.evidence()).containsEntry("CreatedTime", "2026-11-20T12:00:00Z").containsEntry("AgeDays", 2L)
                .containsEntry("BusiestDayRequests", 3L).doesNotContainKey("Estimate");
        assertThat(f.remediation()).contains("2026-11-27T12:00:00Z");
    }

    @Test
    void aNewAlbWithoutAnyTargetOrRequestIsTooNewAsMotoCreatesIt() {
        LoadBalancer justCreated = loadBalancer("new", "application", "internet-facing",
                CheckHarness.NOW.minus(Duration.ofMinutes(5)));

        Finding f = audit("us-east-1", List.of(justCreated), List.of(), MetricData.NONE).finding("new");

        assertThat(f.status()).isEqualTo(Status.TODO);
        assertThat(f.message()).isEqualTo("Load balancer created 0 days ago: too new to judge idle over the last 7"
                + " days.");
    }

    @Test
    void aNewLoadBalancerWithTrafficIsStillOk() {
        Finding f = judgeAlb(createdDaysAgo("busy-new", 1), daily(4200));

        assertThat(f.status()).isEqualTo(Status.OK);
    }

    @Test
    void oneCreatedAtLeastIdleDaysAgoIsJudged() {
        Finding f = judgeAlb(createdDaysAgo("week-old", 7), daily(0, 0));

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.estimatedMonthlySavingsUsd()).isPositive();
    }

    @Test
    void theAgeIsMeasuredFromTheAuditsReferenceTimeAgainstIdleDays() {
        LoadBalancer lb = createdDaysAgo("lb", 10);
        var harness = audit("us-east-1", List.of(lb), List.of(healthyGroupOf(lb)), metrics(ALB_REQUESTS, "lb", daily(0)));

        assertThat(harness.finding("lb").status()).as("10 days old, 7-day window").isEqualTo(Status.NOK);
        Finding f = harness.threshold(Idle.DAYS, 14).finding("lb");
        assertThat(f.status()).isEqualTo(Status.TODO);
        assertThat(f.message()).isEqualTo("Load balancer created 10 days ago: too new to judge idle over the last 14"
                + " days.");
        assertThat(harness.now(CheckHarness.NOW.plus(Duration.ofDays(4))).finding("lb").status())
                .as("14 days old at a later reference time").isEqualTo(Status.NOK);
    }
}
