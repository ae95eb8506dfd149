package com.huntaze.audit.services.dbsnapshots;

import static com.huntaze.audit.collection.AwsCalls.call;

import com.fasterxml.jackson.core.type.TypeReference;
import com.huntaze.audit.collection.CollectionContext;
import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.pricing.PriceItem;
import com.huntaze.audit.services.AuditService;
import java.util.List;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.RdsClientBuilder;

/**
 * A throwaway service that exists only in the test source tree: it proves that adding a service is a folder of its
 * own (this package, its resources under src/test/resources/services/dbsnapshots/, one META-INF/services line) and
 * nothing else. The line is kept out of the test class path's own META-INF (in throwaway-service/), so that only
 * the test that adds it sees the service.
 */
public final class DbSnapshotsAuditService implements AuditService {

    public static final Dataset<List<ManualSnapshot>> MANUAL_SNAPSHOTS = new Dataset<>("dbsnapshots.manualSnapshots",
            Scope.REGIONAL, "rds", new TypeReference<>() { });

    /** Price item: RDS snapshot storage per GB-month. */
    public static final String SNAPSHOT_GB_MONTH = "dbsnapshots.snapshot-gb-month";

    /** Its SDK client: RDS's API, declared by the service that calls it. */
    static final ServiceClient<RdsClient, RdsClientBuilder> RDS = ServiceClient.regional("rds", RdsClient::builder);

    static final DatasetCollector<List<ManualSnapshot>> COLLECTOR = new DatasetCollector<>() {
        @Override
        public Dataset<List<ManualSnapshot>> dataset() {
            return MANUAL_SNAPSHOTS;
        }

        @Override
        public List<String> actions() {
            return List.of("rds:DescribeDBSnapshots");
        }

        @Override
        public List<ManualSnapshot> collect(CollectionContext context) {
            return call("rds:DescribeDBSnapshots", () -> context.client(RDS)
                    .describeDBSnapshotsPaginator(r -> r.snapshotType("manual").maxRecords(100)).dbSnapshots()
                    .stream()
                    .map(s -> new ManualSnapshot(s.dbSnapshotIdentifier(), s.dbSnapshotArn(), s.dbInstanceIdentifier(),
                            s.allocatedStorage() == null ? 0 : s.allocatedStorage(), s.snapshotCreateTime()))
                    .toList());
        }
    };

    @Override
    public String id() {
        return "dbsnapshots";
    }

    @Override
    public List<DatasetCollector<?>> collectors() {
        return List.of(COLLECTOR);
    }

    @Override
    public List<ServiceClient<?, ?>> clients() {
        return List.of(RDS);
    }

    @Override
    public List<Check> checks(Contributions contributions) {
        return List.of(new DbSnapshotsOldManualSnapshotCheck());
    }

    @Override
    public List<?> contributions() {
        return List.of(PriceItem.single(SNAPSHOT_GB_MONTH, "snapshot storage per GB-month"));
    }
}
