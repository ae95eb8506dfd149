package com.huntaze.audit.services.ecs;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.services.applicationautoscaling.ApplicationAutoScalingDatasets;
import com.huntaze.audit.services.applicationautoscaling.ScalableTarget;
import com.huntaze.audit.services.applicationautoscaling.ScalingPolicy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ecs.service-autoscaling: an ACTIVE service that runs tasks (desiredCount ≥ 1) has an Application Auto Scaling
 * scalable target on its desired count ({@code service/CLUSTER/SERVICE}, {@code ecs:service:DesiredCount}) whose
 * MaxCapacity is above its MinCapacity, and at least one scaling policy on that target: OK. Anything missing: NOK,
 * naming what. Services scaled to zero and services being deleted (DRAINING, INACTIVE) get no finding.
 */
public final class EcsServiceAutoscalingCheck implements Check {

    /** The one scalable dimension of an ECS service. */
    static final String DESIRED_COUNT = "ecs:service:DesiredCount";

    @Override
    public String id() {
        return "ecs.service-autoscaling";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(EcsDatasets.SERVICES, ApplicationAutoScalingDatasets.ECS_SCALABLE_TARGETS,
                ApplicationAutoScalingDatasets.ECS_SCALING_POLICIES);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        List<ScalableTarget> targets = ctx.get(ApplicationAutoScalingDatasets.ECS_SCALABLE_TARGETS);
        List<ScalingPolicy> policies = ctx.get(ApplicationAutoScalingDatasets.ECS_SCALING_POLICIES);
        return ctx.get(EcsDatasets.SERVICES).stream()
                .filter(s -> "ACTIVE".equals(s.status()) && s.desiredCount() >= 1)
                .map(s -> judge(ctx, s, targets, policies))
                .toList();
    }

    private static Finding judge(CheckContext ctx, EcsService s, List<ScalableTarget> targets,
                                 List<ScalingPolicy> policies) {
        String resourceId = resourceId(s);
        Optional<ScalableTarget> target = targets.stream()
                .filter(t -> resourceId.equals(t.resourceId()) && DESIRED_COUNT.equals(t.scalableDimension()))
                .findFirst();
        List<String> described = policies.stream()
                .filter(p -> resourceId.equals(p.resourceId()) && DESIRED_COUNT.equals(p.scalableDimension()))
                .map(EcsServiceAutoscalingCheck::describe)
                .toList();
        Map<String, Object> evidence = new LinkedHashMap<>(Evidence.of("ResourceId", resourceId,
                "DesiredCount", s.desiredCount()));
        if (target.isEmpty()) {
            evidence.put("ScalableTarget", "none");
            return ctx.nok(s.qualifiedName(), s.arn(), "No scalable target: " + neverScales(s), evidence)
                    .withRemediation("Register the service as a scalable target "
                            + register(resourceId, s.desiredCount(), suggestedMax(s.desiredCount()))
                            + "; then " + putPolicy(resourceId) + ".");
        }
        ScalableTarget t = target.get();
        evidence.put("MinCapacity", t.minCapacity());
        evidence.put("MaxCapacity", t.maxCapacity());
        evidence.put("Policies", described.isEmpty() ? List.of("none") : described);
        String suspended = suspended(t);
        if (suspended != null) {
            evidence.put("SuspendedState", suspended);
        }
        List<String> missing = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        if (t.maxCapacity() <= t.minCapacity()) {
            // AWS refuses a MaxCapacity below MinCapacity: equal is the case met in practice.
            missing.add("MaxCapacity equals MinCapacity (" + t.minCapacity() + ")");
            fixes.add("raise its MaxCapacity " + register(resourceId, t.minCapacity(),
                    suggestedMax(Math.max(t.minCapacity(), s.desiredCount()))));
        }
        if (described.isEmpty()) {
            missing.add("no scaling policy");
            fixes.add(putPolicy(resourceId));
        }
        if (!missing.isEmpty()) {
            String what = String.join(" and ", missing);
            return ctx.nok(s.qualifiedName(), s.arn(), capitalized(what) + ": " + neverScales(s), evidence)
                    .withRemediation(capitalized(String.join("; then ", fixes)) + ".");
        }
        return ctx.ok(s.qualifiedName(), s.arn(), "Scales between " + t.minCapacity() + " and "
                + tasks(t.maxCapacity()) + " (" + String.join("; ", described) + ")"
                + (suspended == null ? "" : ", but " + suspended + " is suspended") + ".", evidence);
    }

    /** The service's resource id in Application Auto Scaling: {@code service/CLUSTER/SERVICE}. */
    static String resourceId(EcsService s) {
        return "service/" + s.clusterName() + "/" + s.name();
    }

    /** {@code name: target tracking ECSServiceAverageCPUUtilization 70}, as a person reads a policy. */
    static String describe(ScalingPolicy p) {
        String how = switch (p.type() == null ? "" : p.type()) {
            case "TargetTrackingScaling" -> "target tracking" + metric(p);
            case "PredictiveScaling" -> "predictive scaling" + metric(p);
            // A step-scaling policy acts only when an alarm invokes it: say which, or that none does.
            case "StepScaling" -> "step scaling, " + (p.alarmNames().isEmpty() ? "invoked by no alarm"
                    : "invoked by " + String.join(", ", p.alarmNames()));
            default -> p.type();
        };
        return p.name() + ": " + how;
    }

    private static String metric(ScalingPolicy p) {
        return (p.metric() == null ? "" : " " + p.metric())
                + (p.targetValue() == null ? "" : " " + BigDecimal.valueOf(p.targetValue()).stripTrailingZeros()
                .toPlainString());
    }

    private static String suspended(ScalableTarget t) {
        if (t.dynamicScalingOutSuspended() && t.dynamicScalingInSuspended()) {
            return "dynamic scaling";
        }
        return t.dynamicScalingOutSuspended() ? "dynamic scale-out" : t.dynamicScalingInSuspended()
                ? "dynamic scale-in" : null;
    }

    private static String neverScales(EcsService s) {
        return "the service never scales; it stays at " + tasks(s.desiredCount()) + " whatever the load.";
    }

    private static int suggestedMax(int floor) {
        return Math.max(2, 2 * floor);
    }

    private static String tasks(int n) {
        return n + (n == 1 ? " task" : " tasks");
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String register(String resourceId, int min, int max) {
        return "(aws application-autoscaling register-scalable-target"
                + " --service-namespace ecs --resource-id " + resourceId + " --scalable-dimension " + DESIRED_COUNT
                + " --min-capacity " + min + " --max-capacity " + max + ")";
    }

    private static String putPolicy(String resourceId) {
        return "give it a target-tracking policy (aws application-autoscaling put-scaling-policy --service-namespace"
                + " ecs --resource-id " + resourceId + " --scalable-dimension " + DESIRED_COUNT
                + " --policy-name cpu-target-tracking --policy-type TargetTrackingScaling"
                + " --target-tracking-scaling-policy-configuration"
                + " '{\"TargetValue\":70,\"PredefinedMetricSpecification\":{\"PredefinedMetricType\":"
                + "\"ECSServiceAverageCPUUtilization\"}}')";
    }
}
