package com.huntaze.audit.aws;

import static com.huntaze.audit.aws.AwsCalls.call;

import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.inventory.Datasets;
import com.huntaze.audit.inventory.model.EcsCluster;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;

/**
 * ECS clusters: ListClusters (100 per page), DescribeClusters in batches of 100 (its maximum), and ListServices
 * per cluster (100 per page), because a cluster's activeServicesCount is not reliable.
 */
final class EcsCollectors {
    private EcsCollectors() {
    }

    static final int PAGE_SIZE = 100;
    static final int DESCRIBE_CLUSTERS_BATCH = 100;

    static final DatasetCollector<List<EcsCluster>> CLUSTERS = new DatasetCollector<>() {
        @Override
        public Dataset<List<EcsCluster>> dataset() {
            return Datasets.ECS_CLUSTERS;
        }

        @Override
        public List<EcsCluster> collect(CollectionContext context) {
            EcsClient ecs = context.aws().ecs(context.region());
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

    private static int nonNull(Integer value) {
        return value == null ? 0 : value;
    }
}
