package com.huntaze.audit.services.iam;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Status;
import com.huntaze.audit.testing.CheckHarness;
import org.junit.jupiter.api.Test;

class IamRootAccessKeysCheckTest {

    @Test
    void noRootAccessKeyIsOk() {
        var finding = CheckHarness.of(new IamRootAccessKeysCheck())
                .with(IamDatasets.ACCOUNT_SUMMARY, new IamAccountSummary(1, 0))
                .finding("");

        assertThat(finding.status()).isEqualTo(Status.OK);
        assertThat(finding.region()).isEqualTo("global");
        assertThat(finding.evidence()).containsEntry("AccountAccessKeysPresent", 0);
    }

    @Test
    void rootAccessKeyIsNokEvenWithRootMfa() {
        var finding = CheckHarness.of(new IamRootAccessKeysCheck())
                .with(IamDatasets.ACCOUNT_SUMMARY, new IamAccountSummary(1, 1))
                .finding("");

        assertThat(finding.status()).isEqualTo(Status.NOK);
        assertThat(finding.message()).contains("root user has an access key");
        assertThat(finding.remediation()).contains("delete the root access key");
    }
}
