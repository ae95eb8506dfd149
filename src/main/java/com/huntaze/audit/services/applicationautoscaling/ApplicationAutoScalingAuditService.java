package com.huntaze.audit.services.applicationautoscaling;

import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.services.AuditService;
import java.util.List;

/**
 * Application Auto Scaling: the scalable targets and scaling policies of ECS services. It has no check of its own:
 * ecs.service-autoscaling (in the ecs service) reads its datasets.
 */
public final class ApplicationAutoScalingAuditService implements AuditService {

    @Override
    public String id() {
        return "applicationautoscaling";
    }

    @Override
    public List<DatasetCollector<?>> collectors() {
        return List.of(ApplicationAutoScalingCollectors.ECS_SCALABLE_TARGETS,
                ApplicationAutoScalingCollectors.ECS_SCALING_POLICIES);
    }

    @Override
    public List<ServiceClient<?, ?>> clients() {
        return List.of(ApplicationAutoScalingCollectors.APPLICATION_AUTO_SCALING);
    }

    @Override
    public List<Check> checks(Contributions contributions) {
        return List.of();
    }
}
