package com.huntaze.audit.services.rds;

import static com.huntaze.audit.testing.Fixtures.aurora;
import static com.huntaze.audit.testing.Fixtures.db;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Status;
import com.huntaze.audit.testing.CheckHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class RdsDeletionProtectionCheckTest {

    @Test
    void protectedInstanceIsOkAndUnprotectedInstanceIsNok() {
        var audit = CheckHarness.of(new RdsDeletionProtectionCheck())
                .with(RdsDatasets.DB_INSTANCES, List.of(db("orders").deletionProtection(true).build(),
                        db("scratch").deletionProtection(false).build()))
                .with(RdsDatasets.DB_CLUSTERS, List.of());

        assertThat(audit.finding("orders").status()).isEqualTo(Status.OK);
        var unprotected = audit.finding("scratch");
        assertThat(unprotected.status()).isEqualTo(Status.NOK);
        assertThat(unprotected.evidence()).containsEntry("DeletionProtection", false).containsEntry("Source", "DBInstance");
        assertThat(unprotected.message()).contains("delete-db-instance");
        assertThat(audit.fixCommands(unprotected)).singleElement().asString()
                .contains("--db-instance-identifier scratch --deletion-protection");
    }

    @Test
    void auroraMemberIsJudgedOnItsClustersSettingNotItsOwn() {
        // Aurora instances carry DeletionProtection=false; the cluster's flag is what protects the data.
        var unprotectedCluster = new DbCluster("loose", "arn:aws:rds:us-east-1:123456789012:cluster:loose",
                "aurora-postgresql", true, 7, true, false, List.of("loose-writer"), "16.4");
        var audit = CheckHarness.of(new RdsDeletionProtectionCheck())
                .with(RdsDatasets.DB_INSTANCES, List.of(
                        db("app-writer").cluster("app").deletionProtection(false).build(),
                        db("loose-writer").cluster("loose").deletionProtection(true).build()))
                .with(RdsDatasets.DB_CLUSTERS, List.of(aurora("app", true, 7, true, "app-writer"), unprotectedCluster));

        var member = audit.finding("app-writer");
        assertThat(member.status()).isEqualTo(Status.OK);
        assertThat(member.evidence()).containsEntry("Source", "DBCluster app");
        var looseMember = audit.finding("loose-writer");
        assertThat(looseMember.status()).isEqualTo(Status.NOK);
        assertThat(looseMember.message()).contains("Cluster loose").contains("delete-db-cluster");
    }

    @Test
    void noInstancesMeansNoFindings() {
        var audit = CheckHarness.of(new RdsDeletionProtectionCheck())
                .with(RdsDatasets.DB_INSTANCES, List.of())
                .with(RdsDatasets.DB_CLUSTERS, List.of());

        assertThat(audit.findings()).isEmpty();
    }
}
