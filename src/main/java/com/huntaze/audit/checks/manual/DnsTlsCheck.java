package com.huntaze.audit.checks.manual;

/** manual.dns-tls: public names resolve, are health-checked, and their certificates will not expire unnoticed. */
public final class DnsTlsCheck extends ManualCheck {
    public DnsTlsCheck() {
        super("manual.dns-tls",
                "check the Route 53 health checks of the public endpoints and that every certificate renews "
                        + "automatically");
    }
}
