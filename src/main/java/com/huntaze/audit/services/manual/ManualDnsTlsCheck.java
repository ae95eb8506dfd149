package com.huntaze.audit.services.manual;

/**
 * manual.dns-tls: each public name resolves to the target it is meant to. The API now shows the rest of what this item
 * used to ask for by hand: certificate renewal and expiry are acm.certificate-renewal's, failover records' health
 * checks and their alarms route53.health-checks'.
 */
public final class ManualDnsTlsCheck extends ManualCheck {
    public ManualDnsTlsCheck() {
        super("manual.dns-tls",
                "resolve each public name and check that it points at the intended load balancer or CloudFront"
                        + " distribution (acm.certificate-renewal now judges the certificates' renewal and expiry,"
                        + " route53.health-checks the failover records' health checks and their alarms)");
    }
}
