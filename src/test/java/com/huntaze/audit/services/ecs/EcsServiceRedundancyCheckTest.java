package com.huntaze.audit.services.ecs;

import static com.huntaze.audit.testing.Fixtures.ecsService;
import static com.huntaze.audit.testing.NetworkFixtures.subnets;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.services.vpc.VpcDatasets;
import com.huntaze.audit.testing.CheckHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class EcsServiceRedundancyCheckTest {

    /** The services, with the fixtures' subnets: subnet-0private1 in us-east-1a, subnet-0private2 in us-east-1b. */
    private static CheckHarness audit(EcsService... services) {
        return CheckHarness.of(new EcsServiceRedundancyCheck())
                .with(EcsDatasets.SERVICES, List.of(services))
                .with(VpcDatasets.SUBNETS, subnets());
    }

    private static Finding judge(EcsService service) {
        return audit(service).finding(service.qualifiedName());
    }

    @Test
    void twoTasksInTwoZonesIsOkAndASingleTaskIsNok() {
        var audit = audit(ecsService("prod", "api").build(),
                ecsService("prod", "ai-router").tasks(1, 1, 0).build());

        Finding api = audit.finding("prod/api");
        assertThat(api.status()).isEqualTo(Status.OK);
        assertThat(api.message()).isEqualTo("2 tasks across 2 Availability Zones (us-east-1a, us-east-1b).");
        assertThat(api.evidence()).containsEntry("DesiredCount", 2)
                .containsEntry("AvailabilityZones", List.of("us-east-1a", "us-east-1b"));

        Finding router = audit.finding("prod/ai-router");
        assertThat(router.status()).isEqualTo(Status.NOK);
        assertThat(router.message()).isEqualTo("One task: a task restart or a zone failure is an outage.");
        assertThat(router.resourceArn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:service/prod/ai-router");
        assertThat(audit.fixCommands(router)).containsExactly("aws ecs update-service --cluster prod --service ai-router"
                + " --desired-count 2 --region us-east-1");
    }

    @Test
    void manyTasksInOneZoneAreNokNamingTheZone() {
        Finding f = judge(ecsService("prod", "worker").tasks(6, 6, 0).subnets("subnet-0private1", "subnet-0public1")
                .build());

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.message()).isEqualTo("One Availability Zone (us-east-1a): every subnet of the service is there,"
                + " so a zone failure is an outage.");
    }

    @Test
    void oneTaskInOneZoneNamesBoth() {
        Finding f = judge(ecsService("prod", "beta").tasks(1, 1, 0).subnets("subnet-0private2").build());

        assertThat(f.message()).isEqualTo("One task: a task restart or a zone failure is an outage. One Availability"
                + " Zone (us-east-1b): every subnet of the service is there, so a zone failure is an outage.");
    }

    @Test
    void onlyActiveServicesThatShouldRunAreJudged() {
        var audit = audit(ecsService("prod", "paused").tasks(0, 0, 0).build(),
                ecsService("prod", "old").status("INACTIVE").tasks(1, 0, 0).build(),
                ecsService("prod", "leaving").status("DRAINING").tasks(1, 1, 0).build());

        assertThat(audit.findings()).isEmpty();
    }

    @Test
    void withoutAwsvpcOnlyTheTaskCountIsJudged() {
        var audit = audit(ecsService("ec2", "daemon").withoutAwsvpc().build(),
                ecsService("ec2", "single").withoutAwsvpc().tasks(1, 1, 0).build());

        Finding daemon = audit.finding("ec2/daemon");
        assertThat(daemon.status()).isEqualTo(Status.OK);
        assertThat(daemon.message()).isEqualTo("2 tasks: one can fail without an outage.");
        assertThat((String) daemon.evidence().get("AvailabilityZones")).startsWith("not judged");
        assertThat(audit.finding("ec2/single").status()).isEqualTo(Status.NOK);
    }

    @Test
    void aSubnetOfUnknownZoneIsTodoUnlessTheCountAlreadyFails() {
        var audit = audit(ecsService("prod", "shared").subnets("subnet-0private1", "subnet-0foreign").build(),
                ecsService("prod", "shared-single").tasks(1, 1, 0).subnets("subnet-0foreign").build(),
                ecsService("prod", "spread").subnets("subnet-0private1", "subnet-0private2", "subnet-0foreign").build());

        Finding shared = audit.finding("prod/shared");
        assertThat(shared.status()).isEqualTo(Status.TODO);
        assertThat(shared.message()).contains("subnet-0foreign").contains("us-east-1a");
        assertThat(shared.evidence()).containsEntry("UnknownSubnets", List.of("subnet-0foreign"));
        assertThat(audit.finding("prod/shared-single").status()).isEqualTo(Status.NOK);
        assertThat(audit.finding("prod/spread").status()).as("two known zones are enough").isEqualTo(Status.OK);
    }
}
