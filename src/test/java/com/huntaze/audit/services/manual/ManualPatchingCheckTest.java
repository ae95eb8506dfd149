package com.huntaze.audit.services.manual;

import java.util.List;

class ManualPatchingCheckTest extends ManualCheckSpec {

    @Override
    ManualCheck check() {
        return new ManualPatchingCheck();
    }

    @Override
    List<String> stepsMention() {
        return List.of("describe-image-scan-findings", "describe-pending-maintenance-actions", "Dependabot");
    }
}
