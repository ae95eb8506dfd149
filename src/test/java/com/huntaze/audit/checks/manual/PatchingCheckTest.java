package com.huntaze.audit.checks.manual;

import java.util.List;

class PatchingCheckTest extends ManualCheckSpec {

    @Override
    ManualCheck check() {
        return new PatchingCheck();
    }

    @Override
    List<String> stepsMention() {
        return List.of("describe-image-scan-findings", "describe-pending-maintenance-actions", "Dependabot");
    }
}
