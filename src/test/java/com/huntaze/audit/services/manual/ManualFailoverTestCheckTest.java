package com.huntaze.audit.services.manual;

import java.util.List;

class ManualFailoverTestCheckTest extends ManualCheckSpec {

    @Override
    ManualCheck check() {
        return new ManualFailoverTestCheck();
    }

    @Override
    List<String> stepsMention() {
        return List.of("--force-failover", "test-failover", "staging");
    }
}
