package com.huntaze.audit.services.ecs;

import static com.huntaze.audit.testing.Fixtures.ecsService;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Status;
import com.huntaze.audit.testing.CheckHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class EcsServicePublicIpCheckTest {

    @Test
    void publicIpEnabledIsNokAndDisabledIsOk() {
        var audit = CheckHarness.of(new EcsServicePublicIpCheck())
                .with(EcsDatasets.SERVICES, List.of(
                        ecsService("prod", "web").assignPublicIp("ENABLED").build(),
                        ecsService("prod", "api").assignPublicIp("DISABLED").build()));

        var exposed = audit.finding("prod/web");
        assertThat(exposed.status()).isEqualTo(Status.NOK);
        assertThat(exposed.message()).contains("reachable from the internet");
        assertThat(exposed.evidence()).containsEntry("AssignPublicIp", "ENABLED");
        assertThat(exposed.remediation()).contains("private subnets behind the load balancer");
        assertThat(audit.finding("prod/api").status()).isEqualTo(Status.OK);
    }

    @Test
    void serviceWithoutAwsvpcConfigurationGetsNoFinding() {
        // Bridge-mode tasks use their EC2 instance's network: nothing for the service to decide.
        var audit = CheckHarness.of(new EcsServicePublicIpCheck())
                .with(EcsDatasets.SERVICES, List.of(ecsService("legacy", "bridge-app").withoutAwsvpc().build()));

        assertThat(audit.findings()).isEmpty();
    }

    @Test
    void scaledToZeroServiceIsStillJudgedOnItsConfiguration() {
        // The next scale-up would start publicly reachable tasks.
        var finding = CheckHarness.of(new EcsServicePublicIpCheck())
                .with(EcsDatasets.SERVICES, List.of(ecsService("prod", "web").tasks(0, 0, 0)
                        .assignPublicIp("ENABLED").build()))
                .finding("prod/web");

        assertThat(finding.status()).isEqualTo(Status.NOK);
    }
}
