package com.huntaze.audit.services.iam;

import static com.huntaze.audit.testing.Fixtures.accessKey;
import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Status;
import com.huntaze.audit.testing.CheckHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class IamAccessKeyAgeCheckTest {

    private static CheckHarness audit(IamAccessKey... keys) {
        return CheckHarness.of(new IamAccessKeyAgeCheck()).with(IamDatasets.ACCESS_KEYS, List.of(keys));
    }

    @Test
    void recentKeyUsedRecentlyIsOkWithMaskedIdAgeAndLastUse() {
        var finding = audit(accessKey("deployer").maskedId("AKIA…WXYZ").age(ofDays(30)).lastUsed(ofDays(2)).build())
                .finding("deployer");

        assertThat(finding.status()).isEqualTo(Status.OK);
        assertThat(finding.region()).isEqualTo("global");
        assertThat(finding.resourceArn()).isEqualTo("arn:aws:iam::123456789012:user/deployer");
        assertThat(finding.evidence()).containsEntry("AccessKeyId", "AKIA…WXYZ").containsEntry("AgeDays", 30L)
                .containsEntry("LastUsed", "2026-11-20T12:00:00Z").containsEntry("LastUsedService", "s3");
        assertThat(finding.message()).isEqualTo("Key AKIA…WXYZ is 30 days old, last used 2 days ago.");
    }

    @Test
    void keyOlderThanTheLimitIsNokEvenWhenUsedToday() {
        var finding = audit(accessKey("legacy").age(ofDays(400)).lastUsed(ofHours(3)).build()).finding("legacy");

        assertThat(finding.status()).isEqualTo(Status.NOK);
        assertThat(finding.message()).contains("is 400 days old (limit 90)");
        assertThat(finding.remediation()).contains("Rotate");
    }

    @Test
    void keyNotUsedWithinTheLimitIsNok() {
        var finding = audit(accessKey("idle").age(ofDays(60)).lastUsed(ofDays(95)).build()).finding("idle");

        assertThat(finding.status()).isEqualTo(Status.NOK);
        assertThat(finding.message()).contains("last used 95 days ago (limit 90)");
    }

    @Test
    void ageLimitIsExclusive() {
        assertThat(audit(accessKey("a").age(ofDays(90)).build()).finding("a").status()).isEqualTo(Status.NOK);
        assertThat(audit(accessKey("b").age(ofDays(90).minusMinutes(1)).build()).finding("b").status())
                .isEqualTo(Status.OK);
    }

    @Test
    void neverUsedKeyOlderThanSevenDaysCountsAsUnused() {
        var finding = audit(accessKey("forgotten").age(ofDays(8)).neverUsed().build()).finding("forgotten");

        assertThat(finding.status()).isEqualTo(Status.NOK);
        assertThat(finding.message()).contains("never used in its 8 days");
        assertThat(finding.evidence()).containsEntry("LastUsed", "never").doesNotContainKey("LastUsedService");
    }

    @Test
    void neverUsedKeyYoungerThanSevenDaysIsGivenTime() {
        var finding = audit(accessKey("new-hire").age(ofDays(6)).neverUsed().build()).finding("new-hire");

        assertThat(finding.status()).isEqualTo(Status.OK);
        assertThat(finding.message()).contains("not used yet");
        // Exactly seven days is not yet "older than 7 days".
        assertThat(audit(accessKey("edge").age(ofDays(7)).neverUsed().build()).finding("edge").status())
                .isEqualTo(Status.OK);
    }

    @Test
    void inactiveKeysAreIgnored() {
        var audit = audit(accessKey("ops").maskedId("AKIA…OLD1").inactive().age(ofDays(900)).neverUsed().build(),
                accessKey("ops").maskedId("AKIA…NEW2").build());

        assertThat(audit.findings()).hasSize(1);
        assertThat(audit.finding("ops").evidence()).containsEntry("AccessKeyId", "AKIA…NEW2");
    }

    @Test
    void thresholdChangesBothAgeAndIdleLimits() {
        var audit = audit(accessKey("old").age(ofDays(45)).lastUsed(ofDays(1)).build(),
                accessKey("idle").age(ofDays(20)).lastUsed(ofDays(31)).build())
                .threshold(IamAccessKeyAgeCheck.MAX_KEY_AGE_DAYS, 30);

        assertThat(audit.finding("old").status()).isEqualTo(Status.NOK);
        assertThat(audit.finding("old").message()).contains("(limit 30)");
        assertThat(audit.finding("idle").status()).isEqualTo(Status.NOK);
        assertThat(audit.finding("idle").evidence()).containsEntry("MaxKeyAgeDays", 30);
    }

    @Test
    void ageIsMeasuredFromTheAuditReferenceTime() {
        var key = accessKey("deployer").age(ofDays(80)).lastUsed(ofDays(1)).build();

        assertThat(audit(key).finding("deployer").status()).isEqualTo(Status.OK);
        assertThat(audit(key).now(CheckHarness.NOW.plus(ofDays(15))).finding("deployer").status())
                .isEqualTo(Status.NOK);
    }
}
