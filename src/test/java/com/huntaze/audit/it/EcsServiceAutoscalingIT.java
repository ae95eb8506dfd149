package com.huntaze.audit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huntaze.audit.testing.CliRun;
import com.huntaze.audit.testing.Moto;
import com.huntaze.audit.testing.MotoServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.MetricType;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * ecs.service-autoscaling against moto, in two regions: the ECS services come from ECS, their scalable targets and
 * scaling policies from Application Auto Scaling (registered here through its API, as a deployment would).
 */
@ExtendWith(Moto.class)
class EcsServiceAutoscalingIT {

    private static final String CHECK = "ecs.service-autoscaling";
    /** More than one page of DescribeScalingPolicies (10 a page) in eu-west-1. */
    private static final int EU_SCALED_SERVICES = 12;

    private MotoServer moto;

    @BeforeEach
    void setUp(MotoServer moto) {
        this.moto = moto;
    }

    private void seed() {
        try (EcsClient ecs = moto.configure(EcsClient.builder(), "us-east-1").build();
             ApplicationAutoScalingClient scaling = moto.configure(ApplicationAutoScalingClient.builder(), "us-east-1")
                     .build()) {
            cluster(ecs, "prod");
            // The runbook's single-task beta: no scalable target at all.
            service(ecs, "prod", "beta", 1);
            // Two tasks, min 2 / max 4, target tracking on CPU at 70%.
            service(ecs, "prod", "ai-router", 2);
            register(scaling, "service/prod/ai-router", 2, 4);
            cpuPolicy(scaling, "service/prod/ai-router", "cpu70");
            // Pinned: a target with no room and no policy.
            service(ecs, "prod", "pinned", 2);
            register(scaling, "service/prod/pinned", 2, 2);
            // Scaled to zero: no finding, whatever its scaling.
            service(ecs, "prod", "paused", 0);
        }
        try (EcsClient ecs = moto.configure(EcsClient.builder(), "eu-west-1").build();
             ApplicationAutoScalingClient scaling = moto.configure(ApplicationAutoScalingClient.builder(), "eu-west-1")
                     .build()) {
            cluster(ecs, "prod");
            for (int i = 1; i <= EU_SCALED_SERVICES; i++) {
                String name = String.format("svc-%02d", i);
                service(ecs, "prod", name, 1);
                register(scaling, "service/prod/" + name, 1, 3);
                cpuPolicy(scaling, "service/prod/" + name, name + "-cpu");
            }
            // A target but no policy: us-east-1's policy on the same resource id belongs to that region only.
            service(ecs, "prod", "ai-router", 2);
            register(scaling, "service/prod/ai-router", 2, 4);
        }
    }

    private static void cluster(EcsClient ecs, String name) {
        ecs.createCluster(r -> r.clusterName(name));
        ecs.registerTaskDefinition(r -> r.family("app").containerDefinitions(c -> c.name("app").image("nginx")
                .memory(512).essential(true)));
    }

    private static void service(EcsClient ecs, String cluster, String name, int desiredCount) {
        ecs.createService(r -> r.cluster(cluster).serviceName(name).taskDefinition("app").desiredCount(desiredCount));
    }

    private static void register(ApplicationAutoScalingClient scaling, String resourceId, int min, int max) {
        scaling.registerScalableTarget(r -> r.serviceNamespace(ServiceNamespace.ECS).resourceId(resourceId)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT).minCapacity(min).maxCapacity(max));
    }

    private static void cpuPolicy(ApplicationAutoScalingClient scaling, String resourceId, String name) {
        scaling.putScalingPolicy(r -> r.policyName(name).serviceNamespace(ServiceNamespace.ECS).resourceId(resourceId)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .policyType(PolicyType.TARGET_TRACKING_SCALING)
                .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(70.0)
                        .predefinedMetricSpecification(m -> m.predefinedMetricType(
                                MetricType.ECS_SERVICE_AVERAGE_CPU_UTILIZATION))));
    }

    private CliRun audit() {
        return CliRun.of("check", "--endpoint-url", moto.endpoint().toString(), "--region", "us-east-1,eu-west-1",
                "--checks", CHECK, "--format", "json");
    }

    /** "region resourceId" → status of this check's findings. */
    private static Map<String, String> statuses(JsonNode report) {
        Map<String, String> statuses = new TreeMap<>();
        report.get("findings").forEach(f -> {
            if (f.get("checkId").asText().equals(CHECK)) {
                String key = f.get("region").asText() + " " + f.get("resourceId").asText();
                assertThat(statuses.put(key, f.get("status").asText())).as("one finding for " + key).isNull();
            }
        });
        return statuses;
    }

    @Test
    void eachActiveServiceWithTasksIsJudgedOnItsScalableTargetAndPolicies() {
        seed();

        CliRun run = audit();

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        JsonNode report = run.json();
        Map<String, String> expected = new TreeMap<>(Map.of(
                "us-east-1 prod/beta", "NOK",
                "us-east-1 prod/ai-router", "OK",
                "us-east-1 prod/pinned", "NOK",
                "eu-west-1 prod/ai-router", "NOK"));
        for (int i = 1; i <= EU_SCALED_SERVICES; i++) {
            expected.put(String.format("eu-west-1 prod/svc-%02d", i), "OK");
        }
        assertThat(statuses(report)).isEqualTo(expected);

        JsonNode router = run.finding(CHECK, "us-east-1", "prod/ai-router");
        assertThat(router.get("message").asText())
                .isEqualTo("Scales between 2 and 4 tasks (cpu70: target tracking ECSServiceAverageCPUUtilization 70).");
        assertThat(router.get("evidence").get("MinCapacity").asInt()).isEqualTo(2);
        assertThat(router.get("evidence").get("MaxCapacity").asInt()).isEqualTo(4);
        assertThat(router.get("evidence").get("Policies").toString())
                .isEqualTo("[\"cpu70: target tracking ECSServiceAverageCPUUtilization 70\"]");
        assertThat(router.get("resourceArn").asText()).endsWith(":service/prod/ai-router");

        assertThat(run.finding(CHECK, "us-east-1", "prod/beta").get("message").asText())
                .isEqualTo("No scalable target: the service never scales; it stays at 1 task whatever the load.");
        assertThat(run.finding(CHECK, "us-east-1", "prod/pinned").get("message").asText())
                .startsWith("MaxCapacity equals MinCapacity (2) and no scaling policy:");
        assertThat(run.finding(CHECK, "eu-west-1", "prod/ai-router").get("message").asText())
                .startsWith("No scaling policy:");

        // One walk per region of each dataset, every page (12 policies in eu-west-1: 2 pages of 10), and no client
        // of a service the selected check does not read.
        JsonNode calls = report.get("stats").get("apiCalls");
        assertThat(calls.get("application-autoscaling:DescribeScalableTargets").asInt()).isEqualTo(2);
        assertThat(calls.get("application-autoscaling:DescribeScalingPolicies").asInt()).isEqualTo(1 + 2);
        List<String> services = new ArrayList<>();
        calls.fieldNames().forEachRemaining(a -> services.add(a.substring(0, a.indexOf(':'))));
        assertThat(services).containsOnly("application-autoscaling", "ecs", "sts");
    }
}
