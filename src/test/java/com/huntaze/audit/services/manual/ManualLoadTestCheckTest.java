package com.huntaze.audit.services.manual;

import java.util.List;

class ManualLoadTestCheckTest extends ManualCheckSpec {

    @Override
    ManualCheck check() {
        return new ManualLoadTestCheck();
    }

    @Override
    List<String> stepsMention() {
        return List.of("p95", "p99", "expected peak", "staging");
    }
}
