package com.huntaze.audit.services.iam;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Status;
import com.huntaze.audit.inventory.CollectionFailure;
import com.huntaze.audit.testing.CheckHarness;
import org.junit.jupiter.api.Test;

class IamRootMfaCheckTest {

    @Test
    void rootWithMfaIsOneOkAccountFindingInGlobal() {
        var audit = CheckHarness.of(new IamRootMfaCheck(), "us-east-1", "eu-west-1")
                .with(IamDatasets.ACCOUNT_SUMMARY, new IamAccountSummary(1, 0));

        assertThat(audit.findings()).hasSize(1);
        var finding = audit.finding("");
        assertThat(finding.status()).isEqualTo(Status.OK);
        assertThat(finding.region()).isEqualTo("global");
        assertThat(finding.evidence()).containsEntry("AccountMFAEnabled", 1);
    }

    @Test
    void rootWithoutMfaIsNok() {
        var finding = CheckHarness.of(new IamRootMfaCheck())
                .with(IamDatasets.ACCOUNT_SUMMARY, new IamAccountSummary(0, 0))
                .finding("");

        assertThat(finding.status()).isEqualTo(Status.NOK);
        assertThat(finding.message()).contains("no MFA device");
        assertThat(finding.remediation()).contains("Assign MFA device");
    }

    @Test
    void deniedAccountSummaryIsATodoNamingTheAction() {
        var todo = CheckHarness.of(new IamRootMfaCheck())
                .failing("global", IamDatasets.ACCOUNT_SUMMARY, new CollectionFailure("iam:GetAccountSummary",
                        CollectionFailure.Kind.ACCESS_DENIED, "AccessDenied", "not authorized"))
                .finding("");

        assertThat(todo.status()).isEqualTo(Status.TODO);
        assertThat(todo.remediation()).contains("Grant iam:GetAccountSummary");
    }
}
