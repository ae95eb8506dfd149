package com.huntaze.audit.checks.manual;

import java.util.List;

class DnsTlsCheckTest extends ManualCheckSpec {

    @Override
    ManualCheck check() {
        return new DnsTlsCheck();
    }

    @Override
    List<String> stepsMention() {
        return List.of("route53 get-health-check-status", "acm list-certificates", "RenewalEligibility");
    }
}
