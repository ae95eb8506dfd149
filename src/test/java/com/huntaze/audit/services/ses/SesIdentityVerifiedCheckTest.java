package com.huntaze.audit.services.ses;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.testing.CheckHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class SesIdentityVerifiedCheckTest {

    private static SesIdentity domain(String name, boolean verified, String dkim) {
        return new SesIdentity(name, "DOMAIN", verified, verified ? "SUCCESS" : "PENDING", dkim, dkim != null);
    }

    private static Finding judge(SesIdentity identity) {
        return CheckHarness.of(new SesIdentityVerifiedCheck())
                .with(SesDatasets.EMAIL_IDENTITIES, List.of(identity)).finding(identity.name());
    }

    @Test
    void verifiedForSendingWithDkimSuccessIsOk() {
        Finding finding = judge(domain("example.com", true, "SUCCESS"));

        assertThat(finding.status()).isEqualTo(Status.OK);
        assertThat(finding.resourceId()).isEqualTo("example.com");
        assertThat(finding.resourceType()).isEqualTo("AWS::SES::EmailIdentity");
        assertThat(finding.evidence()).containsEntry("VerifiedForSendingStatus", true)
                .containsEntry("DkimStatus", "SUCCESS").containsEntry("IdentityType", "DOMAIN");
    }

    @Test
    void verifiedButDkimPendingIsNokNamingDkimOnly() {
        Finding finding = judge(domain("example.com", true, "PENDING"));

        assertThat(finding.status()).isEqualTo(Status.NOK);
        assertThat(finding.message()).contains("DKIM status is PENDING, not SUCCESS")
                .doesNotContain("Not verified for sending");
    }

    @Test
    void notVerifiedForSendingIsNokEvenWithDkimSuccess() {
        Finding finding = judge(domain("example.com", false, "SUCCESS"));

        assertThat(finding.status()).isEqualTo(Status.NOK);
        assertThat(finding.message()).contains("Not verified for sending (verification status PENDING)")
                .doesNotContain("DKIM");
    }

    @Test
    void neitherVerifiedNorDkimNamesBoth() {
        Finding finding = judge(new SesIdentity("ops@example.com", "EMAIL_ADDRESS", false, "PENDING", "NOT_STARTED",
                false));

        assertThat(finding.status()).isEqualTo(Status.NOK);
        assertThat(finding.message()).contains("Not verified for sending").contains("DKIM status is NOT_STARTED");
        assertThat(finding.resourceId()).isEqualTo("ops@example.com");
    }

    @Test
    void absentStatusesReadAsNotVerified() {
        Finding finding = judge(new SesIdentity("example.org", "DOMAIN", false, null, null, false));

        assertThat(finding.status()).isEqualTo(Status.NOK);
        assertThat(finding.message()).contains("verification status absent").contains("DKIM status is absent");
        assertThat(finding.evidence()).doesNotContainKeys("VerificationStatus", "DkimStatus");
    }

    @Test
    void eachIdentityOfEachRegionGetsItsOwnFinding() {
        List<Finding> findings = CheckHarness.of(new SesIdentityVerifiedCheck(), "us-east-1", "eu-west-1")
                .with("us-east-1", SesDatasets.EMAIL_IDENTITIES,
                        List.of(domain("a.example", true, "SUCCESS"), domain("b.example", true, "FAILED")))
                .with("eu-west-1", SesDatasets.EMAIL_IDENTITIES, List.of(domain("a.example", false, "PENDING")))
                .findings();

        assertThat(findings).extracting(f -> f.region() + " " + f.resourceId() + " " + f.status())
                .containsExactlyInAnyOrder("us-east-1 a.example OK", "us-east-1 b.example NOK",
                        "eu-west-1 a.example NOK");
    }

    @Test
    void aRegionWithoutIdentitiesHasNoFinding() {
        assertThat(CheckHarness.of(new SesIdentityVerifiedCheck()).with(SesDatasets.EMAIL_IDENTITIES, List.of())
                .findings()).isEmpty();
    }
}
