package com.huntaze.audit.services.ecs;

import com.huntaze.audit.collection.Batches;
import com.huntaze.audit.collection.CollectionContext;
import com.huntaze.audit.collection.DatasetCollector;

import static com.huntaze.audit.collection.AwsCalls.call;

import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.inventory.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.EcsClientBuilder;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * ECS clusters: ListClusters (100 per page), DescribeClusters in batches of 100 (its maximum), and ListServices
 * per cluster (100 per page), because a cluster's activeServicesCount is not reliable. Then the services of those
 * clusters, with DescribeServices, and the task definitions those services run, with DescribeTaskDefinition.
 */
final class EcsCollectors {
    private EcsCollectors() {
    }

    static final ServiceClient<EcsClient, EcsClientBuilder> ECS = ServiceClient.regional("ecs", EcsClient::builder);

    static final int PAGE_SIZE = 100;
    static final int DESCRIBE_CLUSTERS_BATCH = 100;
    static final int DESCRIBE_SERVICES_BATCH = 10;

    static final DatasetCollector<List<EcsCluster>> CLUSTERS = new DatasetCollector<>() {
        @Override
        public Dataset<List<EcsCluster>> dataset() {
            return EcsDatasets.CLUSTERS;
        }

        @Override
        public List<String> actions() {
            return List.of("ecs:DescribeClusters", "ecs:ListClusters", "ecs:ListServices");
        }

        @Override
        public List<EcsCluster> collect(CollectionContext context) {
            EcsClient ecs = context.client(ECS);
            List<String> arns = call("ecs:ListClusters", () ->
                    ecs.listClustersPaginator(r -> r.maxResults(PAGE_SIZE)).clusterArns().stream().toList());
            List<Cluster> described = new ArrayList<>();
            for (List<String> batch : Batches.of(arns, DESCRIBE_CLUSTERS_BATCH)) {
                described.addAll(call("ecs:DescribeClusters", () -> ecs.describeClusters(r -> r.clusters(batch)).clusters()));
            }
            return context.forEach(described, c -> new EcsCluster(c.clusterName(), c.clusterArn(), c.status(),
                    nonNull(c.runningTasksCount()), nonNull(c.pendingTasksCount()),
                    nonNull(c.registeredContainerInstancesCount()),
                    call("ecs:ListServices", () -> ecs
                            .listServicesPaginator(r -> r.cluster(c.clusterArn()).maxResults(PAGE_SIZE))
                            .serviceArns().stream().toList())));
        }
    };

    /**
     * ECS services: DescribeServices in batches of 10 (its maximum) per cluster, on the service ARNs the clusters
     * dataset already listed (no second ListServices walk).
     */
    static final DatasetCollector<List<EcsService>> SERVICES = new DatasetCollector<>() {
        @Override
        public Dataset<List<EcsService>> dataset() {
            return EcsDatasets.SERVICES;
        }

        @Override
        public List<String> actions() {
            return List.of("ecs:DescribeServices");
        }

        @Override
        public List<Dataset<?>> dependsOn() {
            return List.of(EcsDatasets.CLUSTERS);
        }

        @Override
        public List<EcsService> collect(CollectionContext context) {
            EcsClient ecs = context.client(ECS);
            record ClusterBatch(EcsCluster cluster, List<String> serviceArns) {
            }
            List<ClusterBatch> batches = new ArrayList<>();
            for (EcsCluster cluster : context.dependency(EcsDatasets.CLUSTERS)) {
                for (List<String> batch : Batches.of(cluster.serviceArns(), DESCRIBE_SERVICES_BATCH)) {
                    batches.add(new ClusterBatch(cluster, batch));
                }
            }
            // A service deleted since ListServices comes back under "failures" (MISSING): it is simply gone.
            return context.forEach(batches, b -> call("ecs:DescribeServices", () -> ecs
                            .describeServices(r -> r.cluster(b.cluster().arn()).services(b.serviceArns())).services())
                            .stream().map(s -> service(b.cluster(), s)).toList())
                    .stream().flatMap(List::stream).toList();
        }
    };

    /**
     * The task definitions of the services: DescribeTaskDefinition once per distinct revision the services run (the
     * API takes one per call), fanned out. A revision ECS no longer knows (ClientException) is left out: the
     * checks then say its size is unknown.
     */
    static final DatasetCollector<List<EcsTaskDefinition>> TASK_DEFINITIONS = new DatasetCollector<>() {
        @Override
        public Dataset<List<EcsTaskDefinition>> dataset() {
            return EcsDatasets.TASK_DEFINITIONS;
        }

        @Override
        public List<String> actions() {
            return List.of("ecs:DescribeTaskDefinition");
        }

        @Override
        public List<Dataset<?>> dependsOn() {
            return List.of(EcsDatasets.SERVICES);
        }

        @Override
        public List<EcsTaskDefinition> collect(CollectionContext context) {
            EcsClient ecs = context.client(ECS);
            List<String> arns = context.dependency(EcsDatasets.SERVICES).stream().map(EcsService::taskDefinitionArn)
                    .filter(Objects::nonNull).distinct().toList();
            return context.forEach(arns, arn -> call("ecs:DescribeTaskDefinition", () -> {
                        try {
                            return taskDefinition(ecs.describeTaskDefinition(r -> r.taskDefinition(arn))
                                    .taskDefinition());
                        } catch (ClientException unknown) {
                            return null;
                        }
                    }))
                    .stream().filter(Objects::nonNull).toList();
        }
    };

    private static EcsTaskDefinition taskDefinition(TaskDefinition t) {
        return new EcsTaskDefinition(t.taskDefinitionArn(), t.family(), nonNull(t.revision()), t.cpu(), t.memory(),
                t.requiresCompatibilitiesAsStrings(),
                t.runtimePlatform() == null ? null : t.runtimePlatform().cpuArchitectureAsString(),
                t.runtimePlatform() == null ? null : t.runtimePlatform().operatingSystemFamilyAsString(),
                // The image strings only: the rest of a container definition (its environment above all) is not kept.
                t.containerDefinitions().stream().map(ContainerDefinition::image).filter(Objects::nonNull).distinct()
                        .toList());
    }

    private static EcsService service(EcsCluster cluster, Service s) {
        AwsVpcConfiguration vpc = s.networkConfiguration() == null ? null : s.networkConfiguration().awsvpcConfiguration();
        String assignPublicIp = vpc == null ? null
                : vpc.assignPublicIpAsString() == null ? "DISABLED" : vpc.assignPublicIpAsString();
        return new EcsService(s.serviceName(), s.serviceArn(), cluster.name(), cluster.arn(), s.status(),
                s.launchTypeAsString(),
                s.capacityProviderStrategy().stream().map(CapacityProviderStrategyItem::capacityProvider).toList(),
                nonNull(s.desiredCount()), nonNull(s.runningCount()), nonNull(s.pendingCount()), s.taskDefinition(),
                vpc != null, assignPublicIp, vpc == null ? List.of() : vpc.subnets(), s.createdAt(),
                vpc == null ? List.of() : vpc.securityGroups());
    }

    private static int nonNull(Integer value) {
        return value == null ? 0 : value;
    }
}
