package com.huntaze.audit.services.manual;

import java.util.List;

class ManualEmailDnsCheckTest extends ManualCheckSpec {

    @Override
    ManualCheck check() {
        return new ManualEmailDnsCheck();
    }

    @Override
    List<String> stepsMention() {
        return List.of("v=spf1", "_domainkey", "_dmarc", "DMARC");
    }
}
