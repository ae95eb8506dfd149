package com.huntaze.audit.services.applicationautoscaling;

import com.fasterxml.jackson.core.type.TypeReference;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;

/**
 * The datasets of the applicationautoscaling service, each filled by one of its collectors. Only the ECS namespace
 * is read today (ecs.service-autoscaling); another namespace would be a dataset of its own.
 */
public final class ApplicationAutoScalingDatasets {
    private ApplicationAutoScalingDatasets() {
    }

    /** The scalable targets of namespace {@code ecs}: ECS services' desired counts. */
    public static final Dataset<List<ScalableTarget>> ECS_SCALABLE_TARGETS =
            new Dataset<>("applicationautoscaling.ecsScalableTargets", Scope.REGIONAL, "application-autoscaling",
                    new TypeReference<>() { });

    /** The scaling policies of namespace {@code ecs}. */
    public static final Dataset<List<ScalingPolicy>> ECS_SCALING_POLICIES =
            new Dataset<>("applicationautoscaling.ecsScalingPolicies", Scope.REGIONAL, "application-autoscaling",
                    new TypeReference<>() { });
}
