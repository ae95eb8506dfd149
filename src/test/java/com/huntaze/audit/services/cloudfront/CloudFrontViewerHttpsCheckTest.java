package com.huntaze.audit.services.cloudfront;

import static com.huntaze.audit.services.cloudfront.CloudFrontFixtures.ACM_ARN;
import static com.huntaze.audit.services.cloudfront.CloudFrontFixtures.distribution;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.testing.CheckHarness;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CloudFrontViewerHttpsCheckTest {

    private static Finding judge(Distribution distribution) {
        List<Finding> findings = CheckHarness.of(new CloudFrontViewerHttpsCheck())
                .with(CloudFrontDatasets.DISTRIBUTIONS, List.of(distribution)).findings();
        assertThat(findings).hasSize(1);
        return findings.get(0);
    }

    @Test
    void redirectingAndHttpsOnlyBehaviorsWithAModernPolicyAreOk() {
        Finding f = judge(distribution("E1OK").alias("app.huntaze.com").behavior("/api/*", "https-only").build());

        assertThat(f.status()).isEqualTo(Status.OK);
        assertThat(f.region()).isEqualTo("global");
        assertThat(f.evidence()).containsEntry("ViewerProtocolPolicies",
                        List.of("default (*): redirect-to-https", "/api/*: https-only"))
                .containsEntry("Certificate", "ACM").containsEntry("MinimumProtocolVersion", "TLSv1.2_2021")
                .containsEntry("Aliases", List.of("app.huntaze.com"));
    }

    @Test
    void allowAllOnTheDefaultBehaviorIsNokNamingIt() {
        Finding f = judge(distribution("E2HTTP").defaultPolicy("allow-all").build());

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.message()).startsWith("Cache behavior default (*) allows HTTP (viewer protocol policy allow-all)");
        assertThat(f.remediation()).contains("redirect-to-https");
    }

    @Test
    void allowAllOnOrderedBehaviorsIsNokNamingTheirPathPatterns() {
        Finding f = judge(distribution("E3HTTP").behavior("/api/*", "https-only").behavior("/static/*", "allow-all")
                .behavior("/img/*", "allow-all").build());

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.message()).startsWith("Cache behaviors /static/*, /img/* allow HTTP");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SSLv3", "TLSv1", "TLSv1_2016", "TLSv1.1_2016", "TLSv1.2_2018"})
    void aCustomCertificateWithAPolicyOlderThanTls12of2019IsNok(String policy) {
        Finding f = judge(distribution("E4TLS").tls(policy).build());

        assertThat(f.status()).as(policy).isEqualTo(Status.NOK);
        assertThat(f.message()).isEqualTo("The custom certificate's security policy " + policy + " is older than"
                + " TLSv1.2_2019: it still accepts protocols or ciphers that are broken or deprecated.");
        assertThat(f.evidence()).containsEntry("MinimumProtocolVersion", policy);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2_2019", "TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025", "TLSv1.3_2027"})
    void tls12of2019AndEveryNewerPolicyIsOk(String policy) {
        assertThat(judge(distribution("E5TLS").tls(policy).build()).status()).as(policy).isEqualTo(Status.OK);
    }

    @Test
    void anIamCertificateIsJudgedLikeAnAcmOne() {
        Finding f = judge(distribution("E6IAM").certificate(new ViewerCertificate(null, "ASCAEXAMPLE1234567890",
                "TLSv1", "sni-only")).build());

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.evidence()).containsEntry("Certificate", "IAM");
    }

    @Test
    void cloudFrontsDefaultCertificateIsNotJudgedAndTheEvidenceSaysSo() {
        // AWS reports TLSv1 for the *.cloudfront.net certificate, and it cannot be changed.
        Finding f = judge(distribution("E7DEFAULT").defaultCertificate().build());

        assertThat(f.status()).isEqualTo(Status.OK);
        assertThat(f.evidence()).containsEntry("Certificate", "CloudFront default")
                .doesNotContainKey("MinimumProtocolVersion");
        assertThat(f.evidence().get("Note").toString()).contains("cannot be set");
    }

    @Test
    void aCertificateArnMakesTheCertificateCustomWhateverTheDefaultFlagSays() {
        // moto answers CloudFrontDefaultCertificate=true even with an ACM certificate: the ARN is what counts.
        ViewerCertificate fromMoto = new ViewerCertificate(ACM_ARN, null, "TLSv1.1_2016", "sni-only");

        assertThat(fromMoto.custom()).isTrue();
        assertThat(judge(distribution("E8").certificate(fromMoto).build()).status()).isEqualTo(Status.NOK);
    }

    @Test
    void bothProblemsAreNamedInOneFinding() {
        Finding f = judge(distribution("E9BOTH").defaultPolicy("allow-all").tls("TLSv1").build());

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.message()).contains("Cache behavior default (*) allows HTTP").contains("security policy TLSv1 is"
                + " older");
    }

    @Test
    void noDistributionMeansNoFinding() {
        assertThat(CheckHarness.of(new CloudFrontViewerHttpsCheck()).with(CloudFrontDatasets.DISTRIBUTIONS, List.of())
                .findings()).isEmpty();
    }
}
