package com.huntaze.audit.services.ecs;

import static com.huntaze.audit.testing.Fixtures.ecsService;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Status;
import com.huntaze.audit.inventory.CollectionFailure;
import com.huntaze.audit.services.applicationautoscaling.ApplicationAutoScalingDatasets;
import com.huntaze.audit.services.applicationautoscaling.ScalableTarget;
import com.huntaze.audit.services.applicationautoscaling.ScalingPolicy;
import com.huntaze.audit.testing.CheckHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class EcsServiceAutoscalingCheckTest {

    private static final String DESIRED_COUNT = "ecs:service:DesiredCount";

    private static ScalableTarget target(String resourceId, int min, int max) {
        return new ScalableTarget(resourceId, DESIRED_COUNT, min, max, false, false);
    }

    private static ScalingPolicy cpuTracking(String name, String resourceId, double target) {
        return new ScalingPolicy(name, resourceId, DESIRED_COUNT, "TargetTrackingScaling",
                "ECSServiceAverageCPUUtilization", target, List.of("TargetTracking-" + resourceId + "-AlarmHigh"));
    }

    private static CheckHarness audit(List<EcsService> services, List<ScalableTarget> targets,
                                      List<ScalingPolicy> policies) {
        return CheckHarness.of(new EcsServiceAutoscalingCheck())
                .with(EcsDatasets.SERVICES, services)
                .with(ApplicationAutoScalingDatasets.ECS_SCALABLE_TARGETS, targets)
                .with(ApplicationAutoScalingDatasets.ECS_SCALING_POLICIES, policies);
    }

    @Test
    void aScalableTargetWithRoomAndATargetTrackingPolicyIsOkAndNoTargetIsNok() {
        var audit = audit(List.of(ecsService("prod", "ai-router").tasks(2, 2, 0).build(),
                        ecsService("prod", "beta").tasks(1, 1, 0).build()),
                List.of(target("service/prod/ai-router", 2, 4)),
                List.of(cpuTracking("cpu70", "service/prod/ai-router", 70)));

        var router = audit.finding("prod/ai-router");
        assertThat(router.status()).isEqualTo(Status.OK);
        assertThat(router.message())
                .isEqualTo("Scales between 2 and 4 tasks (cpu70: target tracking ECSServiceAverageCPUUtilization 70).");
        assertThat(router.evidence()).containsEntry("ResourceId", "service/prod/ai-router")
                .containsEntry("MinCapacity", 2).containsEntry("MaxCapacity", 4)
                .containsEntry("Policies", List.of("cpu70: target tracking ECSServiceAverageCPUUtilization 70"));
        assertThat(router.resourceArn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:service/prod/ai-router");

        var beta = audit.finding("prod/beta");
        assertThat(beta.status()).isEqualTo(Status.NOK);
        assertThat(beta.message()).isEqualTo("No scalable target: the service never scales; it stays at 1 task"
                + " whatever the load.");
        assertThat(beta.evidence()).containsEntry("ScalableTarget", "none").containsEntry("DesiredCount", 1);
        assertThat(beta.remediation()).contains("register-scalable-target --service-namespace ecs"
                        + " --resource-id service/prod/beta --scalable-dimension ecs:service:DesiredCount"
                        + " --min-capacity 1 --max-capacity 2")
                .contains("put-scaling-policy").contains("ECSServiceAverageCPUUtilization");
    }

    @Test
    void maxCapacityEqualToMinCapacityIsNokEvenWithAPolicy() {
        var pinned = audit(List.of(ecsService("prod", "api").tasks(3, 3, 0).build()),
                List.of(target("service/prod/api", 3, 3)),
                List.of(cpuTracking("cpu70", "service/prod/api", 70)))
                .finding("prod/api");

        assertThat(pinned.status()).isEqualTo(Status.NOK);
        assertThat(pinned.message()).startsWith("MaxCapacity equals MinCapacity (3): the service never scales");
        assertThat(pinned.evidence()).containsEntry("MinCapacity", 3).containsEntry("MaxCapacity", 3);
        assertThat(pinned.remediation()).startsWith("Raise its MaxCapacity").contains("--max-capacity 6")
                .doesNotContain("put-scaling-policy");
    }

    @Test
    void aTargetWithoutAnyPolicyIsNokAndBothGapsAreNamedTogether() {
        var audit = audit(List.of(ecsService("prod", "api").tasks(2, 2, 0).build(),
                        ecsService("prod", "worker").tasks(2, 2, 0).build()),
                List.of(target("service/prod/api", 2, 6), target("service/prod/worker", 2, 2)),
                List.of());

        var api = audit.finding("prod/api");
        assertThat(api.status()).isEqualTo(Status.NOK);
        assertThat(api.message()).startsWith("No scaling policy: the service never scales");
        assertThat(api.evidence()).containsEntry("Policies", List.of("none"));
        assertThat(api.remediation()).startsWith("Give it a target-tracking policy");
        var worker = audit.finding("prod/worker");
        assertThat(worker.message()).startsWith("MaxCapacity equals MinCapacity (2) and no scaling policy:");
        assertThat(worker.remediation()).contains("register-scalable-target").contains("; then give it a");
    }

    @Test
    void aTargetOnAnotherDimensionOrAPolicyOfAnotherServiceDoesNotCount() {
        var audit = audit(List.of(ecsService("prod", "api").tasks(2, 2, 0).build(),
                        ecsService("staging", "api").tasks(2, 2, 0).build()),
                List.of(new ScalableTarget("service/prod/api", "ecs:service:OtherCount", 2, 4, false, false),
                        target("service/staging/api", 2, 4)),
                // Same service name, other cluster: the resource id tells them apart.
                List.of(cpuTracking("cpu70", "service/prod/api", 70)));

        assertThat(audit.finding("prod/api").message()).startsWith("No scalable target");
        var staging = audit.finding("staging/api");
        assertThat(staging.status()).isEqualTo(Status.NOK);
        assertThat(staging.message()).startsWith("No scaling policy");
    }

    @Test
    void aStepScalingPolicyCountsAndSaysWhichAlarmInvokesIt() {
        var audit = audit(List.of(ecsService("prod", "worker").tasks(2, 2, 0).build(),
                        ecsService("prod", "orphan").tasks(2, 2, 0).build()),
                List.of(target("service/prod/worker", 2, 10), target("service/prod/orphan", 2, 10)),
                List.of(new ScalingPolicy("backlog", "service/prod/worker", DESIRED_COUNT, "StepScaling", null, null,
                                List.of("queue-backlog-high")),
                        new ScalingPolicy("manual", "service/prod/orphan", DESIRED_COUNT, "StepScaling", null, null,
                                List.of())));

        var worker = audit.finding("prod/worker");
        assertThat(worker.status()).isEqualTo(Status.OK);
        assertThat(worker.evidence()).containsEntry("Policies",
                List.of("backlog: step scaling, invoked by queue-backlog-high"));
        // The issue asks for at least one policy: one no alarm invokes is still a policy, and the evidence says so.
        var orphan = audit.finding("prod/orphan");
        assertThat(orphan.status()).isEqualTo(Status.OK);
        assertThat(orphan.message()).contains("manual: step scaling, invoked by no alarm");
    }

    @Test
    void everyPolicyIsListedWithItsMetricAndTarget() {
        var api = audit(List.of(ecsService("prod", "api").tasks(4, 4, 0).build()),
                List.of(target("service/prod/api", 4, 20)),
                List.of(cpuTracking("cpu", "service/prod/api", 72.5),
                        new ScalingPolicy("requests", "service/prod/api", DESIRED_COUNT, "TargetTrackingScaling",
                                "RequestsPerTarget", 1000.0, List.of()),
                        new ScalingPolicy("forecast", "service/prod/api", DESIRED_COUNT, "PredictiveScaling",
                                "ECSServiceCPUUtilization", 60.0, List.of())))
                .finding("prod/api");

        assertThat(api.evidence()).containsEntry("Policies", List.of(
                "cpu: target tracking ECSServiceAverageCPUUtilization 72.5",
                "requests: target tracking RequestsPerTarget 1000",
                "forecast: predictive scaling ECSServiceCPUUtilization 60"));
    }

    @Test
    void suspendedDynamicScalingIsShownButTheVerdictFollowsTheCriteria() {
        var api = audit(List.of(ecsService("prod", "api").tasks(2, 2, 0).build()),
                List.of(new ScalableTarget("service/prod/api", DESIRED_COUNT, 2, 4, true, false)),
                List.of(cpuTracking("cpu70", "service/prod/api", 70)))
                .finding("prod/api");

        assertThat(api.status()).isEqualTo(Status.OK);
        assertThat(api.message()).endsWith(", but dynamic scale-out is suspended.");
        assertThat(api.evidence()).containsEntry("SuspendedState", "dynamic scale-out");
    }

    @Test
    void servicesScaledToZeroOrNotActiveGetNoFinding() {
        var audit = audit(List.of(ecsService("prod", "paused").tasks(0, 0, 0).build(),
                        ecsService("prod", "leaving").status("DRAINING").tasks(2, 2, 0).build(),
                        ecsService("prod", "gone").status("INACTIVE").tasks(1, 0, 0).build()),
                List.of(), List.of());

        assertThat(audit.findings()).isEmpty();
    }

    @Test
    void deniedDescribeScalableTargetsMakesTheRegionTodoNamingTheAction() {
        var denied = new CollectionFailure("application-autoscaling:DescribeScalableTargets",
                CollectionFailure.Kind.ACCESS_DENIED, "AccessDeniedException", "not authorized");
        var todo = CheckHarness.of(new EcsServiceAutoscalingCheck())
                .with(EcsDatasets.SERVICES, List.of(ecsService("prod", "api").build()))
                .failing("us-east-1", ApplicationAutoScalingDatasets.ECS_SCALABLE_TARGETS, denied)
                .with(ApplicationAutoScalingDatasets.ECS_SCALING_POLICIES, List.of())
                .findingIn("us-east-1").orElseThrow();

        assertThat(todo.status()).isEqualTo(Status.TODO);
        assertThat(todo.message()).contains("application-autoscaling:DescribeScalableTargets")
                .contains("access denied");
    }
}
