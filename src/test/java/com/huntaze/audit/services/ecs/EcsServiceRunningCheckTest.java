package com.huntaze.audit.services.ecs;

import static com.huntaze.audit.testing.Fixtures.ecsService;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Status;
import com.huntaze.audit.inventory.CollectionFailure;
import com.huntaze.audit.testing.CheckHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class EcsServiceRunningCheckTest {

    @Test
    void allDesiredTasksRunningIsOkAndFewerIsNok() {
        var audit = CheckHarness.of(new EcsServiceRunningCheck())
                .with(EcsDatasets.SERVICES, List.of(
                        ecsService("prod", "api").tasks(3, 3, 0).build(),
                        ecsService("prod", "worker").tasks(4, 1, 3).build()));

        var api = audit.finding("prod/api");
        assertThat(api.status()).isEqualTo(Status.OK);
        assertThat(api.resourceArn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:service/prod/api");
        var worker = audit.finding("prod/worker");
        assertThat(worker.status()).isEqualTo(Status.NOK);
        assertThat(worker.message()).contains("1 of 4 desired tasks running").contains("3 pending");
        assertThat(worker.evidence()).containsEntry("DesiredCount", 4).containsEntry("RunningCount", 1)
                .containsEntry("TaskDefinition", "worker:3");
        assertThat(worker.remediation()).contains("describe-services");
    }

    @Test
    void serviceScaledToZeroIsATodoToConfirm() {
        var paused = CheckHarness.of(new EcsServiceRunningCheck())
                .with(EcsDatasets.SERVICES, List.of(ecsService("batch", "nightly").tasks(0, 0, 0).build()))
                .finding("batch/nightly");

        assertThat(paused.status()).isEqualTo(Status.TODO);
        assertThat(paused.message()).isEqualTo("Scaled to zero: confirm this is intended.");
        assertThat(paused.remediation()).contains("--cluster batch --service nightly --desired-count");
    }

    @Test
    void moreRunningThanDesiredDuringADeploymentIsOk() {
        var deploying = CheckHarness.of(new EcsServiceRunningCheck())
                .with(EcsDatasets.SERVICES, List.of(ecsService("prod", "api").tasks(2, 4, 0).build()))
                .finding("prod/api");

        assertThat(deploying.status()).isEqualTo(Status.OK);
        assertThat(deploying.message()).contains("deployment");
    }

    @Test
    void sameServiceNameInTwoClustersGivesTwoFindings() {
        var audit = CheckHarness.of(new EcsServiceRunningCheck())
                .with(EcsDatasets.SERVICES, List.of(ecsService("prod", "api").build(),
                        ecsService("staging", "api").tasks(1, 0, 0).build()));

        assertThat(audit.finding("prod/api").status()).isEqualTo(Status.OK);
        assertThat(audit.finding("staging/api").status()).isEqualTo(Status.NOK);
    }

    @Test
    void deletedServiceIsNotJudged() {
        var audit = CheckHarness.of(new EcsServiceRunningCheck())
                .with(EcsDatasets.SERVICES, List.of(ecsService("prod", "old").status("INACTIVE").tasks(0, 0, 0).build()));

        assertThat(audit.findings()).isEmpty();
    }

    @Test
    void clustersThatCouldNotBeListedBecomeOneTodo() {
        var denied = new CollectionFailure("ecs:ListClusters", CollectionFailure.Kind.ACCESS_DENIED,
                "AccessDeniedException", "not authorized");
        var todo = CheckHarness.of(new EcsServiceRunningCheck())
                .failing("us-east-1", EcsDatasets.SERVICES, denied)
                .findingIn("us-east-1").orElseThrow();

        assertThat(todo.status()).isEqualTo(Status.TODO);
        assertThat(todo.message()).contains("ecs:ListClusters");
    }
}
