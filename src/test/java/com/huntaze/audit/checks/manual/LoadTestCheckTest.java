package com.huntaze.audit.checks.manual;

import java.util.List;

class LoadTestCheckTest extends ManualCheckSpec {

    @Override
    ManualCheck check() {
        return new LoadTestCheck();
    }

    @Override
    List<String> stepsMention() {
        return List.of("p95", "p99", "expected peak", "staging");
    }
}
