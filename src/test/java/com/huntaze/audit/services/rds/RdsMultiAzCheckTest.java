package com.huntaze.audit.services.rds;

import static com.huntaze.audit.testing.Fixtures.aurora;
import static com.huntaze.audit.testing.Fixtures.db;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Status;
import com.huntaze.audit.inventory.CollectionFailure;
import com.huntaze.audit.testing.CheckHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class RdsMultiAzCheckTest {

    @Test
    void multiAzInstanceIsOkAndSingleAzInstanceIsNok() {
        var audit = CheckHarness.of(new RdsMultiAzCheck())
                .with(RdsDatasets.DB_INSTANCES, List.of(db("orders").multiAz(true).build(), db("reports").multiAz(false).build()))
                .with(RdsDatasets.DB_CLUSTERS, List.of());

        assertThat(audit.finding("orders").status()).isEqualTo(Status.OK);
        var single = audit.finding("reports");
        assertThat(single.status()).isEqualTo(Status.NOK);
        assertThat(single.evidence()).containsEntry("MultiAZ", false);
        assertThat(single.message()).contains("us-east-1a");
        assertThat(audit.fixCommands(single)).containsExactly("aws rds modify-db-instance --db-instance-identifier reports"
                + " --multi-az --apply-immediately --region us-east-1");
        assertThat(single.resourceArn()).isEqualTo("arn:aws:rds:us-east-1:123456789012:db:reports");
    }

    @Test
    void auroraMemberUsesItsClusterMultiAzNotItsOwnField() {
        // Aurora instances report MultiAZ=false; the cluster spanning zones is what counts.
        var audit = CheckHarness.of(new RdsMultiAzCheck())
                .with(RdsDatasets.DB_INSTANCES, List.of(
                        db("writer").cluster("app").multiAz(false).build(),
                        db("lonely-writer").cluster("solo").multiAz(false).build()))
                .with(RdsDatasets.DB_CLUSTERS, List.of(aurora("app", true, 7, true, "writer"),
                        aurora("solo", false, 7, true, "lonely-writer")));

        assertThat(audit.finding("writer").status()).isEqualTo(Status.OK);
        assertThat(audit.finding("writer").evidence()).containsEntry("Source", "DBCluster app");
        assertThat(audit.finding("lonely-writer").status()).isEqualTo(Status.NOK);
        assertThat(audit.finding("lonely-writer").message()).contains("Cluster solo");
    }

    @Test
    void noInstancesMeansNoFindings() {
        var audit = CheckHarness.of(new RdsMultiAzCheck())
                .with(RdsDatasets.DB_INSTANCES, List.of())
                .with(RdsDatasets.DB_CLUSTERS, List.of());

        assertThat(audit.findings()).isEmpty();
    }

    @Test
    void deniedDescribeBecomesOneTodoNamingTheAction() {
        var denied = new CollectionFailure("rds:DescribeDBInstances", CollectionFailure.Kind.ACCESS_DENIED,
                "AccessDenied", "not authorized");
        var audit = CheckHarness.of(new RdsMultiAzCheck(), "us-east-1", "eu-west-1")
                .with("us-east-1", RdsDatasets.DB_INSTANCES, List.of(db("orders").build()))
                .with("us-east-1", RdsDatasets.DB_CLUSTERS, List.of())
                .failing("eu-west-1", RdsDatasets.DB_INSTANCES, denied)
                .with("eu-west-1", RdsDatasets.DB_CLUSTERS, List.of());

        var todo = audit.findingIn("eu-west-1").orElseThrow();
        assertThat(todo.status()).isEqualTo(Status.TODO);
        assertThat(todo.message()).contains("rds:DescribeDBInstances").contains("access denied");
        assertThat(todo.remediation()).contains("Grant rds:DescribeDBInstances");
        assertThat(audit.findings()).hasSize(2);
        assertThat(audit.finding("orders").status()).isEqualTo(Status.OK);
    }
}
