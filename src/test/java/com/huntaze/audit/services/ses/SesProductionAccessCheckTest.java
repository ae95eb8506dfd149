package com.huntaze.audit.services.ses;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Status;
import com.huntaze.audit.testing.CheckHarness;
import org.junit.jupiter.api.Test;

class SesProductionAccessCheckTest {

    private static com.huntaze.audit.engine.Finding judge(SesAccount account) {
        var findings = CheckHarness.of(new SesProductionAccessCheck()).with(SesDatasets.ACCOUNT, account).findings();
        assertThat(findings).hasSize(1);
        return findings.get(0);
    }

    @Test
    void productionAccessWithSendingEnabledIsOk() {
        var finding = judge(new SesAccount(true, true, "HEALTHY", 50000, 14, 10));
        assertThat(finding.status()).isEqualTo(Status.OK);
        assertThat(finding.resourceId()).isEmpty();
        assertThat(finding.region()).isEqualTo("us-east-1");
        assertThat(finding.resourceType()).isEqualTo("AWS::SES::Account");
    }

    @Test
    void sandboxIsNokWithTheSendQuotaAsEvidence() {
        var finding = judge(new SesAccount(false, true, "HEALTHY", 200, 1, 0));
        assertThat(finding.status()).isEqualTo(Status.NOK);
        assertThat(finding.message()).contains("sandbox").contains("200");
        assertThat(finding.evidence()).containsEntry("ProductionAccessEnabled", false)
                .containsEntry("Max24HourSend", 200.0).containsEntry("MaxSendRate", 1.0);
    }

    @Test
    void sendingDisabledIsNokEvenWithProductionAccess() {
        var finding = judge(new SesAccount(true, false, "SHUTDOWN", 50000, 14, 0));
        assertThat(finding.status()).isEqualTo(Status.NOK);
        assertThat(finding.message()).contains("disabled").contains("SHUTDOWN");
    }
}
