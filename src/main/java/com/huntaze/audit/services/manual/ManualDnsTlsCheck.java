package com.huntaze.audit.services.manual;

/** manual.dns-tls: public names resolve, are health-checked, and their certificates will not expire unnoticed. */
public final class ManualDnsTlsCheck extends ManualCheck {
    public ManualDnsTlsCheck() {
        super("manual.dns-tls",
                "check the Route 53 health checks of the public endpoints and that every certificate renews "
                        + "automatically");
    }
}
