package com.huntaze.audit.services.ecs;

import java.util.List;

/**
 * An ECS cluster, from ListClusters + DescribeClusters, with the ARNs of its services from ListServices (the
 * cluster's activeServicesCount is not trusted: it lags, and emulators leave it at 0).
 */
public record EcsCluster(
        String name,
        String arn,
        String status,
        int runningTasksCount,
        int pendingTasksCount,
        int registeredContainerInstancesCount,
        List<String> serviceArns) {

    public EcsCluster {
        serviceArns = serviceArns == null ? List.of() : List.copyOf(serviceArns);
    }
}
