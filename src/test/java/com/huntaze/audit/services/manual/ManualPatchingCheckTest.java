package com.huntaze.audit.services.manual;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.testing.CheckHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualPatchingCheckTest extends ManualCheckSpec {

    @Override
    ManualCheck check() {
        return new ManualPatchingCheck();
    }

    @Override
    List<String> stepsMention() {
        return List.of("Dependabot", "ecr.image-findings", "ecr.scan-on-push", "rds.engine-support",
                "rds.pending-maintenance", "elasticache.engine-support");
    }

    @Test
    void itsTodoSaysWhichChecksNowJudgeWhatTheAccountShows() {
        var finding = CheckHarness.of(check()).findings().get(0);

        assertThat(finding.message()).contains("dependencies updated and base images rebuilt on a schedule")
                .contains("ecr.image-findings").contains("ecr.scan-on-push").contains("rds.engine-support")
                .contains("rds.pending-maintenance").contains("elasticache.engine-support");
    }
}
