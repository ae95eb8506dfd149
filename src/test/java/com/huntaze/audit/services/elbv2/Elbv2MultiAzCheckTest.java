package com.huntaze.audit.services.elbv2;

import static com.huntaze.audit.testing.Fixtures.loadBalancerIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.testing.CheckHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class Elbv2MultiAzCheckTest {

    private static CheckHarness audit(LoadBalancer... loadBalancers) {
        return CheckHarness.of(new Elbv2MultiAzCheck()).with(Elbv2Datasets.LOAD_BALANCERS, List.of(loadBalancers));
    }

    @Test
    void anAlbInTwoZonesIsOkAndAnNlbInOneIsNok() {
        var audit = audit(loadBalancerIn("web", "application", "us-east-1b", "us-east-1a"),
                loadBalancerIn("mqtt", "network", "us-east-1a"));

        Finding web = audit.finding("web");
        assertThat(web.status()).isEqualTo(Status.OK);
        assertThat(web.message()).isEqualTo("Nodes in 2 Availability Zones (us-east-1a, us-east-1b).");
        Finding mqtt = audit.finding("mqtt");
        assertThat(mqtt.status()).isEqualTo(Status.NOK);
        assertThat(mqtt.message()).startsWith("One Availability Zone (us-east-1a): a zone failure takes the load"
                + " balancer down");
        assertThat(mqtt.evidence()).containsEntry("Type", "network")
                .containsEntry("AvailabilityZones", List.of("us-east-1a"))
                .containsEntry("Subnets", List.of("subnet-0public1"));
        assertThat(mqtt.resourceType()).isEqualTo("AWS::ElasticLoadBalancingV2::LoadBalancer");
        assertThat(mqtt.remediation()).contains("set-subnets");
    }

    @Test
    void gatewayLoadBalancersAreNotJudged() {
        assertThat(audit(loadBalancerIn("inspection", "gateway", "us-east-1a")).findings()).isEmpty();
    }

    @Test
    void noZoneAtAllIsNok() {
        Finding f = audit(loadBalancerIn("broken", "network")).finding("broken");

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.message()).contains("no Availability Zone");
    }

    @Test
    void threeZonesAreFine() {
        assertThat(audit(loadBalancerIn("big", "application", "us-east-1a", "us-east-1b", "us-east-1c"))
                .finding("big").status()).isEqualTo(Status.OK);
    }
}
