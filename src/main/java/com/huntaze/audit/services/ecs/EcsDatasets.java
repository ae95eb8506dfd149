package com.huntaze.audit.services.ecs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;

/** The datasets of the ecs service, each filled by one of its collectors. */
public final class EcsDatasets {
    private EcsDatasets() {
    }

    public static final Dataset<List<EcsCluster>> CLUSTERS =
            new Dataset<>("ecs.clusters", Scope.REGIONAL, "ecs", new TypeReference<>() { });

    /** The services of every cluster in {@link #CLUSTERS}. */
    public static final Dataset<List<EcsService>> SERVICES =
            new Dataset<>("ecs.services", Scope.REGIONAL, "ecs", new TypeReference<>() { });

    /** The task definitions the services of {@link #SERVICES} run (each distinct revision once). */
    public static final Dataset<List<EcsTaskDefinition>> TASK_DEFINITIONS =
            new Dataset<>("ecs.taskDefinitions", Scope.REGIONAL, "ecs", new TypeReference<>() { });
}
