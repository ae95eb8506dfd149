package com.huntaze.audit.services.ecs;

import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.pricing.PriceItem;
import com.huntaze.audit.services.AuditService;
import java.util.List;

/** ECS: clusters, services and the task definitions they run. */
public final class EcsAuditService implements AuditService {

    /** Price item: Fargate (Linux, x86) per vCPU and hour. */
    public static final String FARGATE_VCPU_HOUR = "ecs.fargate-vcpu-hour";

    /** Price item: Fargate (Linux, x86) per GB of memory and hour. */
    public static final String FARGATE_GB_HOUR = "ecs.fargate-gb-hour";

    @Override
    public String id() {
        return "ecs";
    }

    @Override
    public List<DatasetCollector<?>> collectors() {
        return List.of(EcsCollectors.CLUSTERS, EcsCollectors.SERVICES, EcsCollectors.TASK_DEFINITIONS);
    }

    @Override
    public List<ServiceClient<?, ?>> clients() {
        return List.of(EcsCollectors.ECS);
    }

    @Override
    public List<Check> checks(Contributions contributions) {
        return List.of(new EcsEmptyClusterCheck(),
                new EcsServiceRunningCheck(),
                new EcsServicePublicIpCheck(),
                new EcsServiceRightsizingCheck(),
                new EcsServiceAutoscalingCheck(),
                new EcsServiceRedundancyCheck());
    }

    @Override
    public List<?> contributions() {
        return List.of(EcsAlarmCoverage.SERVICES,
                PriceItem.single(FARGATE_VCPU_HOUR, "Fargate (Linux, x86) per vCPU and hour"),
                PriceItem.single(FARGATE_GB_HOUR, "Fargate (Linux, x86) per GB of memory and hour"));
    }
}
