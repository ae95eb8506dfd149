package com.huntaze.audit.checks.manual;

import java.util.List;

class RestoreTestCheckTest extends ManualCheckSpec {

    @Override
    ManualCheck check() {
        return new RestoreTestCheck();
    }

    @Override
    List<String> stepsMention() {
        return List.of("restore-db-instance-to-point-in-time", "RTO", "RPO", "staging");
    }
}
