package com.huntaze.audit.checks.manual;

import java.util.List;

class FailoverTestCheckTest extends ManualCheckSpec {

    @Override
    ManualCheck check() {
        return new FailoverTestCheck();
    }

    @Override
    List<String> stepsMention() {
        return List.of("--force-failover", "test-failover", "staging");
    }
}
