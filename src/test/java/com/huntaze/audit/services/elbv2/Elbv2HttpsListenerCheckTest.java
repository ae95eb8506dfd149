package com.huntaze.audit.services.elbv2;

import static com.huntaze.audit.testing.Fixtures.forwardingListener;
import static com.huntaze.audit.testing.Fixtures.loadBalancer;
import static com.huntaze.audit.testing.Fixtures.redirectingListener;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Status;
import com.huntaze.audit.testing.CheckHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class Elbv2HttpsListenerCheckTest {

    private static final LoadBalancer WEB = loadBalancer("web", "application", "internet-facing");

    private static CheckHarness audit(List<LoadBalancer> lbs, LoadBalancerListener... listeners) {
        return CheckHarness.of(new Elbv2HttpsListenerCheck())
                .with(Elbv2Datasets.LOAD_BALANCERS, lbs)
                .with(Elbv2Datasets.LISTENERS, List.of(listeners));
    }

    @Test
    void httpsWithHttpRedirectingToHttpsIsOk() {
        var finding = audit(List.of(WEB), forwardingListener(WEB, "HTTPS", 443),
                redirectingListener(WEB, "HTTP", 80, "HTTPS")).finding("web");
        assertThat(finding.status()).isEqualTo(Status.OK);
        assertThat(finding.resourceArn()).isEqualTo(WEB.arn());
        assertThat(finding.message()).isEqualTo("HTTPS on port 443; HTTP redirects to HTTPS.");
        assertThat(finding.evidence()).containsEntry("HttpsListeners", List.of(443))
                .containsEntry("HttpListeners", List.of("80: redirect to HTTPS"));
    }

    @Test
    void httpsAloneIsOk() {
        var finding = audit(List.of(WEB), forwardingListener(WEB, "HTTPS", 443)).finding("web");
        assertThat(finding.status()).isEqualTo(Status.OK);
        assertThat(finding.message()).contains("no HTTP listener");
        assertThat(finding.evidence()).doesNotContainKey("HttpListeners").doesNotContainKey("Note");
    }

    @Test
    void anHttpListenerThatForwardsIsNokNamingItsPort() {
        var finding = audit(List.of(WEB), forwardingListener(WEB, "HTTPS", 443), forwardingListener(WEB, "HTTP", 80),
                redirectingListener(WEB, "HTTP", 8080, "HTTPS")).finding("web");
        assertThat(finding.status()).isEqualTo(Status.NOK);
        assertThat(finding.message()).isEqualTo("HTTP listener on port 80 does not redirect to HTTPS (port 80: forward):"
                + " traffic from the internet can travel in clear text.");
    }

    @Test
    void aRedirectThatKeepsTheProtocolIsNotARedirectToHttps() {
        var finding = audit(List.of(WEB), forwardingListener(WEB, "HTTPS", 443),
                redirectingListener(WEB, "HTTP", 80, "#{protocol}")).finding("web");
        assertThat(finding.status()).isEqualTo(Status.NOK);
        assertThat(finding.message()).contains("port 80: redirect to the same protocol");
    }

    @Test
    void noHttpsListenerIsNokEvenWhenHttpIsTheOnlyListener() {
        var finding = audit(List.of(WEB), forwardingListener(WEB, "HTTP", 80), forwardingListener(WEB, "HTTP", 8080))
                .finding("web");
        assertThat(finding.status()).isEqualTo(Status.NOK);
        assertThat(finding.message()).startsWith("No HTTPS listener; HTTP listeners on ports 80, 8080 do not redirect");
    }

    @Test
    void aLoadBalancerWithoutListenersServesNoTrafficAndIsOkWithANote() {
        var finding = audit(List.of(WEB)).finding("web");
        assertThat(finding.status()).isEqualTo(Status.OK);
        assertThat(finding.message()).isEqualTo("No listeners: the load balancer accepts no connection and serves no"
                + " traffic.");
        assertThat(finding.evidence()).containsEntry("Note", "no listeners").doesNotContainKey("HttpsListeners")
                .doesNotContainKey("HttpListeners");
    }

    @Test
    void anInternalLoadBalancerWithoutListenersGetsTheSameNote() {
        var internal = loadBalancer("backend", "application", "internal");
        var finding = audit(List.of(internal)).finding("backend");
        assertThat(finding.status()).isEqualTo(Status.OK);
        assertThat(finding.evidence()).containsEntry("Note", "no listeners");
    }

    @Test
    void aListenerOfAnotherProtocolStillCounts() {
        // A TLS or TCP listener on an ALB cannot exist, but a listener of any protocol means it accepts connections.
        var finding = audit(List.of(WEB), forwardingListener(WEB, "HTTP", 80)).finding("web");
        assertThat(finding.status()).isEqualTo(Status.NOK);
        assertThat(finding.message()).startsWith("No HTTPS listener; HTTP listener on port 80");
    }

    @Test
    void anInternalLoadBalancerIsOkWithANote() {
        var internal = loadBalancer("backend", "application", "internal");
        var finding = audit(List.of(internal), forwardingListener(internal, "HTTP", 80)).finding("backend");
        assertThat(finding.status()).isEqualTo(Status.OK);
        assertThat(finding.message()).startsWith("Internal load balancer: not reachable from the internet");
        assertThat(finding.evidence()).containsEntry("Scheme", "internal")
                .containsEntry("HttpListeners", List.of("80: forward"))
                .containsEntry("Note", "internal: HTTPS not required by this check");
    }

    @Test
    void networkAndGatewayLoadBalancersGetNoFinding() {
        var nlb = loadBalancer("tcp", "network", "internet-facing");
        var gwlb = loadBalancer("inspect", "gateway", "internal");
        var findings = audit(List.of(nlb, gwlb, WEB), forwardingListener(nlb, "TCP", 80),
                forwardingListener(WEB, "HTTPS", 443)).findings();
        assertThat(findings).extracting(f -> f.resourceId()).containsExactly("web");
    }

    @Test
    void listenersAreMatchedToTheirOwnLoadBalancer() {
        var other = loadBalancer("other", "application", "internet-facing");
        var audit = audit(List.of(WEB, other), forwardingListener(WEB, "HTTPS", 443), forwardingListener(other, "HTTP", 80));
        assertThat(audit.finding("web").status()).isEqualTo(Status.OK);
        assertThat(audit.finding("other").status()).isEqualTo(Status.NOK);
    }
}
