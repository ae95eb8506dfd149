package com.huntaze.audit.services.iam;

import static com.huntaze.audit.testing.Fixtures.iamUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Status;
import com.huntaze.audit.testing.CheckHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class IamUserMfaCheckTest {

    @Test
    void consoleUserWithMfaIsOkAndWithoutIsNok() {
        var audit = CheckHarness.of(new IamUserMfaCheck())
                .with(IamDatasets.USERS, List.of(iamUser("alice", true, 1), iamUser("bob", true, 0)));

        var alice = audit.finding("alice");
        assertThat(alice.status()).isEqualTo(Status.OK);
        assertThat(alice.region()).isEqualTo("global");
        assertThat(alice.resourceArn()).isEqualTo("arn:aws:iam::123456789012:user/alice");
        var bob = audit.finding("bob");
        assertThat(bob.status()).isEqualTo(Status.NOK);
        assertThat(bob.evidence()).containsEntry("MFADevices", 0).containsEntry("PasswordLastUsed", "never");
        assertThat(bob.message()).contains("password alone");
    }

    @Test
    void userWithoutConsolePasswordGetsNoFinding() {
        var audit = CheckHarness.of(new IamUserMfaCheck())
                .with(IamDatasets.USERS, List.of(iamUser("ci-bot", false, 0), iamUser("alice", true, 2)));

        assertThat(audit.findings()).hasSize(1);
        assertThat(audit.finding("alice").status()).isEqualTo(Status.OK);
    }
}
