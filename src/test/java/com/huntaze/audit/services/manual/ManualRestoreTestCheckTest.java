package com.huntaze.audit.services.manual;

import java.util.List;

class ManualRestoreTestCheckTest extends ManualCheckSpec {

    @Override
    ManualCheck check() {
        return new ManualRestoreTestCheck();
    }

    @Override
    List<String> stepsMention() {
        return List.of("restore-db-instance-to-point-in-time", "RTO", "RPO", "staging");
    }
}
