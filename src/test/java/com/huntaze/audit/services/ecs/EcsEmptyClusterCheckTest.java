package com.huntaze.audit.services.ecs;

import static com.huntaze.audit.testing.Fixtures.ecsCluster;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Status;
import com.huntaze.audit.testing.CheckHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class EcsEmptyClusterCheckTest {

    @Test
    void activeClusterWithNothingInItIsOrphanedWithZeroSavings() {
        var finding = CheckHarness.of(new EcsEmptyClusterCheck())
                .with(EcsDatasets.CLUSTERS, List.of(ecsCluster("leftover", "ACTIVE", 0, 0, 0)))
                .finding("leftover");
        assertThat(finding.status()).isEqualTo(Status.NOK);
        assertThat(finding.estimatedMonthlySavingsUsd()).isZero();
        assertThat(finding.message()).contains("clutter");
        assertThat(finding.evidence()).containsEntry("Services", 0).containsEntry("RunningTasks", 0);
    }

    @Test
    void anyServiceTaskOrContainerInstanceMeansInUse() {
        var audit = CheckHarness.of(new EcsEmptyClusterCheck())
                .with(EcsDatasets.CLUSTERS, List.of(
                        ecsCluster("with-service", "ACTIVE", 0, 0, 0, "api"),
                        ecsCluster("running-task", "ACTIVE", 1, 0, 0),
                        ecsCluster("pending-task", "ACTIVE", 0, 1, 0),
                        ecsCluster("ec2-capacity", "ACTIVE", 0, 0, 2)));

        assertThat(audit.findings()).hasSize(4).allSatisfy(f -> assertThat(f.status()).isEqualTo(Status.OK));
    }

    @Test
    void inactiveClusterIsNotReportedAsOrphaned() {
        var finding = CheckHarness.of(new EcsEmptyClusterCheck())
                .with(EcsDatasets.CLUSTERS, List.of(ecsCluster("deleted", "INACTIVE", 0, 0, 0)))
                .finding("deleted");
        assertThat(finding.status()).isEqualTo(Status.OK);
    }
}
