package com.huntaze.audit.services.acm;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.inventory.CollectionFailure;
import com.huntaze.audit.testing.CheckHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness's reference time is 2026-11-22T12:00Z. */
class AcmCertificateRenewalCheckTest {

    private static final Instant NOW = CheckHarness.NOW;
    private static final String LISTENER =
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2";

    /** An ISSUED certificate in use by a load balancer listener, expiring {@code days} days (and 1 hour) from now. */
    private static AcmCertificate inUse(String domain, String type, List<String> validation, long days) {
        return new AcmCertificate("arn:aws:acm:us-east-1:123456789012:certificate/" + domain, domain, type, "ISSUED",
                true, List.of(LISTENER), NOW.plus(Duration.ofDays(days)).plus(Duration.ofHours(1)), validation,
                "ELIGIBLE", null, null);
    }

    private static AcmCertificate dnsValidated(String domain, long days) {
        return inUse(domain, "AMAZON_ISSUED", List.of("DNS"), days);
    }

    private static Finding only(AcmCertificate... certificates) {
        List<Finding> findings = CheckHarness.of(new AcmCertificateRenewalCheck())
                .with(AcmDatasets.CERTIFICATES, List.of(certificates)).findings();
        assertThat(findings).hasSize(1);
        return findings.get(0);
    }

    @Test
    void aDnsValidatedAcmCertificateInUseAndFarFromExpiryRenewsByItself() {
        Finding ok = only(dnsValidated("api.shop.example", 200));

        assertThat(ok.status()).isEqualTo(Status.OK);
        assertThat(ok.resourceId()).isEqualTo("api.shop.example");
        assertThat(ok.resourceArn()).isEqualTo("arn:aws:acm:us-east-1:123456789012:certificate/api.shop.example");
        assertThat(ok.message()).isEqualTo("ACM-issued and DNS-validated: ACM renews it by itself while its validation"
                + " record stays in DNS; expires on 2027-06-10 (in 200 days).");
        assertThat(ok.evidence()).containsEntry("Type", "AMAZON_ISSUED").containsEntry("ValidationMethod", "DNS")
                .containsEntry("NotAfter", "2027-06-10").containsEntry("DaysLeft", 200L)
                .containsEntry("InUseBy", List.of(LISTENER)).containsEntry("WarningDays", 30);
    }

    @Test
    void anImportedCertificateNeverRenewsAndOneExpiringWithinTheWindowSaysWhen() {
        Finding far = only(inUse("old.shop.example", "IMPORTED", List.of(), 120));
        assertThat(far.status()).isEqualTo(Status.NOK);
        assertThat(far.message()).isEqualTo("Imported: ACM never renews an imported certificate, someone must import"
                + " its successor; expires on 2027-03-22 (in 120 days).");

        Finding soon = only(inUse("old.shop.example", "IMPORTED", List.of(), 10));
        assertThat(soon.status()).isEqualTo(Status.NOK);
        assertThat(soon.message()).startsWith("Expires on 2026-12-02 (in 10 days); imported: ACM never renews");
        assertThat(soon.evidence()).containsEntry("DaysLeft", 10L).doesNotContainKey("ValidationMethod");
        assertThat(soon.remediation()).contains("--validation-method DNS");
    }

    @Test
    void anEmailValidatedCertificateNeedsAPersonAtEveryRenewal() {
        Finding email = only(inUse("shop.example", "AMAZON_ISSUED", List.of("DNS", "EMAIL"), 200));

        assertThat(email.status()).isEqualTo(Status.NOK);
        assertThat(email.message()).startsWith("EMAIL-validated: each renewal waits for a person")
                .endsWith("; expires on 2027-06-10 (in 200 days).");
        assertThat(email.evidence()).containsEntry("ValidationMethod", "DNS, EMAIL");
    }

    @Test
    void evenADnsValidatedCertificateIsNokWithinTheWindowAndTheWindowIsTheThreshold() {
        var harness = CheckHarness.of(new AcmCertificateRenewalCheck())
                .with(AcmDatasets.CERTIFICATES, List.of(dnsValidated("a.shop.example", 29),
                        dnsValidated("b.shop.example", 30)));
        assertThat(harness.finding("a.shop.example").status()).isEqualTo(Status.NOK);
        assertThat(harness.finding("a.shop.example").message()).isEqualTo("Expires on 2026-12-21 (in 29 days): ACM"
                + " has not renewed it, though it starts 60 days before expiry.");
        assertThat(harness.finding("b.shop.example").status()).as("30 days left is not within 30 days")
                .isEqualTo(Status.OK);

        var strict = harness.threshold(AcmCertificateRenewalCheck.WARNING_DAYS, 60);
        assertThat(strict.finding("b.shop.example").status()).isEqualTo(Status.NOK);
        assertThat(strict.finding("b.shop.example").evidence()).containsEntry("WarningDays", 60);
        assertThat(new AcmCertificateRenewalCheck().thresholds()).containsExactly(AcmCertificateRenewalCheck.WARNING_DAYS);
    }

    @Test
    void aRenewalThatFailedOrWaitsForValidationIsNok() {
        AcmCertificate failed = new AcmCertificate("arn:aws:acm:us-east-1:123456789012:certificate/f", "f.shop.example",
                "AMAZON_ISSUED", "ISSUED", true, List.of(LISTENER), NOW.plus(Duration.ofDays(50)), List.of("DNS"),
                "ELIGIBLE", "FAILED", "CAA_ERROR");
        AcmCertificate pending = new AcmCertificate("arn:aws:acm:us-east-1:123456789012:certificate/p", "p.shop.example",
                "AMAZON_ISSUED", "ISSUED", true, List.of(LISTENER), NOW.plus(Duration.ofDays(50)), List.of("DNS"),
                "ELIGIBLE", "PENDING_VALIDATION", null);
        var harness = CheckHarness.of(new AcmCertificateRenewalCheck())
                .with(AcmDatasets.CERTIFICATES, List.of(failed, pending));

        assertThat(harness.finding("f.shop.example").status()).isEqualTo(Status.NOK);
        assertThat(harness.finding("f.shop.example").message()).startsWith("ACM's renewal failed (CAA_ERROR)");
        assertThat(harness.finding("f.shop.example").evidence()).containsEntry("RenewalStatus", "FAILED")
                .containsEntry("RenewalStatusReason", "CAA_ERROR");
        assertThat(harness.finding("p.shop.example").status()).isEqualTo(Status.NOK);
        assertThat(harness.finding("p.shop.example").message()).contains("waits for domain validation");
    }

    @Test
    void aPrivateCertificateRenewsFromItsCa() {
        Finding ok = only(inUse("internal.shop.example", "PRIVATE", List.of(), 100));

        assertThat(ok.status()).isEqualTo(Status.OK);
        assertThat(ok.message()).startsWith("Issued by ACM from a private CA");
    }

    @Test
    void anExpiredCertificateInUseIsNok() {
        AcmCertificate expired = new AcmCertificate("arn:aws:acm:us-east-1:123456789012:certificate/x", "x.shop.example",
                "AMAZON_ISSUED", "EXPIRED", true, List.of(LISTENER), NOW.minus(Duration.ofDays(3)), List.of("DNS"),
                "INELIGIBLE", null, null);

        Finding nok = only(expired);

        assertThat(nok.status()).isEqualTo(Status.NOK);
        assertThat(nok.message()).isEqualTo("Expired on 2026-11-19 (3 days ago) and still in use: clients get"
                + " certificate errors.");
    }

    @Test
    void aCertificateNotInUseIsOkExpiredOrNot() {
        AcmCertificate spare = new AcmCertificate("arn:aws:acm:us-east-1:123456789012:certificate/s", "s.shop.example",
                "IMPORTED", "ISSUED", false, List.of(), NOW.plus(Duration.ofDays(5)), List.of(), "INELIGIBLE", null,
                null);
        AcmCertificate dead = new AcmCertificate("arn:aws:acm:us-east-1:123456789012:certificate/d", "d.shop.example",
                "AMAZON_ISSUED", "EXPIRED", false, List.of(), Instant.parse("2026-06-30T23:59:59Z"), List.of(),
                "INELIGIBLE", null, null);
        var harness = CheckHarness.of(new AcmCertificateRenewalCheck())
                .with(AcmDatasets.CERTIFICATES, List.of(spare, dead));

        assertThat(harness.finding("s.shop.example").status()).isEqualTo(Status.OK);
        assertThat(harness.finding("s.shop.example").message()).isEqualTo("Not in use.");
        assertThat(harness.finding("d.shop.example").status()).isEqualTo(Status.OK);
        assertThat(harness.finding("d.shop.example").message())
                .isEqualTo("Not in use (expired on 2026-06-30: nothing depends on it).");
    }

    @Test
    void inUsEast1ReadOnlyForCloudFrontOnlyTheCertificatesCloudFrontUsesAreJudged() {
        AcmCertificate cloudFront = new AcmCertificate("arn:aws:acm:us-east-1:123456789012:certificate/cdn",
                "cdn.shop.example", "IMPORTED", "ISSUED", true,
                List.of("arn:aws:cloudfront::123456789012:distribution/E2QWRUHEXAMPLE"), NOW.plus(Duration.ofDays(90)),
                List.of(), "INELIGIBLE", null, null);
        AcmCertificate listener = inUse("api.shop.example", "IMPORTED", List.of(), 90);
        var audit = CheckHarness.of(new AcmCertificateRenewalCheck(), "eu-west-1")
                .extraRegion("us-east-1")
                .with("eu-west-1", AcmDatasets.CERTIFICATES, List.of(inUse("eu.shop.example", "IMPORTED", List.of(), 90)))
                .with("us-east-1", AcmDatasets.CERTIFICATES, List.of(cloudFront, listener));

        assertThat(audit.findings()).extracting(f -> f.region() + " " + f.resourceId())
                .containsExactly("eu-west-1 eu.shop.example", "us-east-1 cdn.shop.example");
        assertThat(audit.finding("cdn.shop.example").status()).isEqualTo(Status.NOK);
    }

    @Test
    void certificatesAreReadInUsEast1TooWheneverCloudFrontsDatasetsAreCollected() {
        var distributions = new com.huntaze.audit.inventory.Dataset<>("cloudfront.distributions",
                com.huntaze.audit.engine.Scope.GLOBAL, "cloudfront",
                new com.fasterxml.jackson.core.type.TypeReference<List<String>>() { });

        assertThat(AcmCollectors.CERTIFICATES.extraRegions(java.util.Set.of(AcmDatasets.CERTIFICATES, distributions)))
                .containsExactly("us-east-1");
        assertThat(AcmCollectors.CERTIFICATES.extraRegions(java.util.Set.of(AcmDatasets.CERTIFICATES))).isEmpty();
    }

    @Test
    void noCertificateMeansNoFindingAndADeniedListIsATodoNamingTheAction() {
        assertThat(CheckHarness.of(new AcmCertificateRenewalCheck()).with(AcmDatasets.CERTIFICATES, List.of())
                .findings()).isEmpty();

        var denied = CheckHarness.of(new AcmCertificateRenewalCheck(), "us-east-1", "eu-west-1")
                .with("us-east-1", AcmDatasets.CERTIFICATES, List.of(dnsValidated("api.shop.example", 200)))
                .failing("eu-west-1", AcmDatasets.CERTIFICATES, new CollectionFailure("acm:ListCertificates",
                        CollectionFailure.Kind.ACCESS_DENIED, "AccessDeniedException", "not authorized"));

        Finding todo = denied.findingIn("eu-west-1").orElseThrow();
        assertThat(todo.status()).isEqualTo(Status.TODO);
        assertThat(todo.message()).contains("acm:ListCertificates").contains("access denied");
        assertThat(denied.finding("api.shop.example").status()).isEqualTo(Status.OK);
    }
}
