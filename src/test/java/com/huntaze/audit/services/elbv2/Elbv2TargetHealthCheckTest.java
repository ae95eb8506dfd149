package com.huntaze.audit.services.elbv2;

import static com.huntaze.audit.testing.Fixtures.healthyTarget;
import static com.huntaze.audit.testing.Fixtures.loadBalancerArn;
import static com.huntaze.audit.testing.Fixtures.target;
import static com.huntaze.audit.testing.Fixtures.targetGroup;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Status;
import com.huntaze.audit.testing.CheckHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class Elbv2TargetHealthCheckTest {

    private static final List<String> WEB = List.of(loadBalancerArn("app", "web"));

    private static CheckHarness audit(TargetGroup... groups) {
        return CheckHarness.of(new Elbv2TargetHealthCheck()).with(Elbv2Datasets.TARGET_GROUPS, List.of(groups));
    }

    @Test
    void everyTargetHealthyIsOk() {
        var finding = audit(targetGroup("api", WEB, healthyTarget("10.0.1.10"), healthyTarget("10.0.2.10")))
                .finding("api");
        assertThat(finding.status()).isEqualTo(Status.OK);
        assertThat(finding.resourceArn()).endsWith(":targetgroup/api/73e2d6bc24d8a067");
        assertThat(finding.message()).isEqualTo("All 2 targets are healthy.");
        assertThat(finding.evidence()).containsEntry("LoadBalancers", List.of("web")).containsEntry("Healthy", 2)
                .doesNotContainKey("NotHealthy");
    }

    @Test
    void oneUnhealthyTargetIsNokListingItsReason() {
        var finding = audit(targetGroup("api", WEB, healthyTarget("10.0.1.10"), target("10.0.2.10", "unhealthy",
                "Target.ResponseCodeMismatch", "Health checks failed with these codes: [502]"))).finding("api");
        assertThat(finding.status()).isEqualTo(Status.NOK);
        assertThat(finding.message()).isEqualTo("1 of 2 targets are not healthy (behind web): 10.0.2.10:8080 unhealthy"
                + " (Target.ResponseCodeMismatch: Health checks failed with these codes: [502]).");
        assertThat(finding.evidence()).containsEntry("Healthy", 1).containsEntry("NotHealthy",
                List.of("10.0.2.10:8080 unhealthy (Target.ResponseCodeMismatch: Health checks failed with these codes: [502])"));
    }

    @Test
    void aTargetStillInitialOrUnusedCountsAsNotHealthy() {
        var finding = audit(targetGroup("api", WEB, target("10.0.1.10", "unused", "Target.NotInUse",
                "Target group is not configured to receive traffic from the load balancer"))).finding("api");
        assertThat(finding.status()).isEqualTo(Status.NOK);
        assertThat(finding.message()).contains("1 of 1 target is not healthy").contains("Target.NotInUse");
    }

    @Test
    void aGroupWithNoRegisteredTargetsIsNok() {
        var finding = audit(targetGroup("empty", WEB)).finding("empty");
        assertThat(finding.status()).isEqualTo(Status.NOK);
        assertThat(finding.message()).startsWith("No registered targets (behind web)").contains("503");
        assertThat(finding.evidence()).containsEntry("Registered", 0);
    }

    @Test
    void drainingTargetsAreListedButDoNotFailTheGroup() {
        var finding = audit(targetGroup("api", WEB, healthyTarget("10.0.1.10"),
                target("10.0.1.9", "draining", "Target.DeregistrationInProgress", "Target deregistration is in progress")))
                .finding("api");
        assertThat(finding.status()).isEqualTo(Status.OK);
        assertThat(finding.message()).isEqualTo("All 1 target is healthy (1 draining).");
        assertThat(finding.evidence()).containsKey("Draining");
    }

    @Test
    void onlyDrainingTargetsLeaveNothingToServe() {
        var finding = audit(targetGroup("api", WEB, target("10.0.1.9", "draining", null, null))).finding("api");
        assertThat(finding.status()).isEqualTo(Status.NOK);
        assertThat(finding.message()).startsWith("Every target is draining");
    }

    @Test
    void anUnattachedGroupGetsNoFinding() {
        var findings = audit(targetGroup("spare", List.of()), targetGroup("api", WEB, healthyTarget("10.0.1.10")))
                .findings();
        assertThat(findings).extracting(f -> f.resourceId()).containsExactly("api");
    }

    @Test
    void aGroupBehindSeveralLoadBalancersNamesThemAll() {
        var finding = audit(targetGroup("api", List.of(loadBalancerArn("app", "web"), loadBalancerArn("net", "tcp")),
                target("i-0abc", "unhealthy", "Target.Timeout", "Request timed out"))).finding("api");
        assertThat(finding.message()).contains("(behind web, tcp)");
    }
}
