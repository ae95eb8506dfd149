package com.huntaze.audit.services.secretsmanager;

import com.huntaze.audit.services.ServiceCatalog;
import static com.huntaze.audit.testing.CheckHarness.NOW;
import static com.huntaze.audit.testing.Fixtures.secretUsed;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.pricing.PriceTable;
import com.huntaze.audit.testing.CheckHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretsManagerUnusedSecretCheckTest {

    private static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }

    private static CheckHarness audit(Secret... secrets) {
        return CheckHarness.of(new SecretsManagerUnusedSecretCheck()).with(SecretsManagerDatasets.SECRETS,
                List.of(secrets));
    }

    private static Finding judge(Secret secret) {
        return audit(secret).finding(secret.name());
    }

    @Test
    void aSecretNotReadForMoreThanNinetyDaysIsUnusedAndSavesItsMonthlyPrice() {
        Finding f = judge(secretUsed("prod/old-key", daysAgo(400), daysAgo(91)));

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.message()).isEqualTo("Last read 91 days ago (2026-08-23), more than 90 days: nothing uses it.");
        assertThat(f.estimatedMonthlySavingsUsd()).isEqualTo(0.40);
        assertThat(f.evidence()).containsEntry("LastAccessedDate", "2026-08-23")
                .containsEntry("PriceSource", "https://aws.amazon.com/secrets-manager/pricing/, "
                        + ServiceCatalog.current().prices().date());
    }

    @Test
    void readNinetyDaysAgoIsStillInUse() {
        Finding f = judge(secretUsed("prod/key", daysAgo(400), daysAgo(90)));

        assertThat(f.status()).isEqualTo(Status.OK);
        assertThat(f.message()).isEqualTo("Last read 90 days ago.");
        assertThat(f.estimatedMonthlySavingsUsd()).isZero();
    }

    @Test
    void neverReadCountsFromItsCreation() {
        Finding old = judge(secretUsed("prod/never", daysAgo(120), null));
        assertThat(old.status()).isEqualTo(Status.NOK);
        assertThat(old.message()).isEqualTo("Never read since it was created 120 days ago (2026-07-25): nothing uses it.");
        assertThat(old.evidence()).containsEntry("LastAccessedDate", "never");

        Finding young = judge(secretUsed("prod/new", daysAgo(10), null));
        assertThat(young.status()).isEqualTo(Status.OK);
        assertThat(young.message()).isEqualTo("Never read yet, but created only 10 days ago (the limit is 90).");
    }

    @Test
    void aSecretOwnedByAnotherServiceIsLeftToItsOwner() {
        Secret managed = new Secret("rds!db-1234", "arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!db-1234-Ab",
                true, 7, daysAgo(3), null, daysAgo(300), "rds");

        Finding f = judge(managed);

        assertThat(f.status()).isEqualTo(Status.OK);
        assertThat(f.message()).startsWith("Managed by rds");
    }

    @Test
    void unusedSecretDaysIsTheLimit() {
        Finding f = audit(secretUsed("prod/key", daysAgo(400), daysAgo(40)))
                .threshold(SecretsManagerUnusedSecretCheck.UNUSED_SECRET_DAYS, 30).finding("prod/key");

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.message()).contains("more than 30 days");
    }

    @Test
    void aRegionWithoutItsOwnFigureUsesUsEast1AndSaysSo() {
        Finding f = CheckHarness.of(new SecretsManagerUnusedSecretCheck(), "ap-south-1")
                .with("ap-south-1", SecretsManagerDatasets.SECRETS, List.of(secretUsed("old", daysAgo(500), null)))
                .finding("old");

        assertThat(f.estimatedMonthlySavingsUsd()).isEqualTo(0.40);
        assertThat((String) f.evidence().get("PriceRegion")).contains("no ap-south-1 figure");
    }

    @Test
    void aSecretCreatedLessThanUnusedSecretDaysAgoIsNeverCalledUnused() {
        // A last read older than the secret itself (LastAccessedDate is not always consistent with CreatedDate):
        // the secret has not existed for the whole window, whatever the last read says.
        Finding f = judge(secretUsed("prod/recreated", daysAgo(10), daysAgo(100)));

        assertThat(f.status()).isEqualTo(Status.TODO);
        assertThat(f.message()).isEqualTo("Secret created 10 days ago: too new to judge unused over the last 90 days.");
        assertThat(f.estimatedMonthlySavingsUsd()).isZero();
        assertThat(f.evidence()).containsEntry("AgeDays", 10L).doesNotContainKey("Estimate");
    }
}
