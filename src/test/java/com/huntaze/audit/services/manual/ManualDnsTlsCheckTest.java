package com.huntaze.audit.services.manual;

import java.util.List;

class ManualDnsTlsCheckTest extends ManualCheckSpec {

    @Override
    ManualCheck check() {
        return new ManualDnsTlsCheck();
    }

    @Override
    List<String> stepsMention() {
        return List.of("dig +short", "acm.certificate-renewal", "route53.health-checks");
    }
}
