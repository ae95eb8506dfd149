package com.huntaze.audit.services.manual;

import java.util.List;

class ManualDnsTlsCheckTest extends ManualCheckSpec {

    @Override
    ManualCheck check() {
        return new ManualDnsTlsCheck();
    }

    @Override
    List<String> stepsMention() {
        return List.of("route53 get-health-check-status", "acm list-certificates", "RenewalEligibility");
    }
}
