package com.huntaze.audit.services.efs;

import static com.huntaze.audit.collection.AwsCalls.call;

import com.huntaze.audit.collection.CollectionContext;
import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.efs.EfsClientBuilder;

/** EFS: DescribeFileSystems, all pages at its maximum page size (100). */
final class EfsCollectors {
    private EfsCollectors() {
    }

    static final ServiceClient<EfsClient, EfsClientBuilder> EFS =
            ServiceClient.regional("elasticfilesystem", EfsClient::builder);

    static final int MAX_ITEMS = 100;

    static final DatasetCollector<List<EfsFileSystem>> FILE_SYSTEMS = new DatasetCollector<>() {
        @Override
        public Dataset<List<EfsFileSystem>> dataset() {
            return EfsDatasets.FILE_SYSTEMS;
        }

        @Override
        public List<String> actions() {
            return List.of("elasticfilesystem:DescribeFileSystems");
        }

        @Override
        public List<EfsFileSystem> collect(CollectionContext context) {
            return call("elasticfilesystem:DescribeFileSystems", () -> context.client(EFS)
                    .describeFileSystemsPaginator(r -> r.maxItems(MAX_ITEMS)).fileSystems().stream()
                    .map(f -> new EfsFileSystem(f.fileSystemId(), f.fileSystemArn(), f.name(),
                            f.lifeCycleStateAsString(), f.creationTime()))
                    .toList());
        }
    };
}
