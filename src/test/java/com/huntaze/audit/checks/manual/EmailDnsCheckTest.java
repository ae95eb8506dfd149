package com.huntaze.audit.checks.manual;

import java.util.List;

class EmailDnsCheckTest extends ManualCheckSpec {

    @Override
    ManualCheck check() {
        return new EmailDnsCheck();
    }

    @Override
    List<String> stepsMention() {
        return List.of("v=spf1", "_domainkey", "_dmarc", "DMARC");
    }
}
