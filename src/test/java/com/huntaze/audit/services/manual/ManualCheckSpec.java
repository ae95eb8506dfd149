package com.huntaze.audit.services.manual;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.CheckMetadata;
import com.huntaze.audit.engine.CheckRegistry;
import com.huntaze.audit.engine.Domain;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.testing.CheckHarness;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every by-hand check does, stated once; each {@code <CheckClass>Test} runs it for its check and adds what
 * is particular to it. The harness's reference time is 2026-11-22T12:00Z.
 */
abstract class ManualCheckSpec {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    /** The check under test. */
    abstract ManualCheck check();

    /** Words its how-to-verify steps must mention. */
    abstract List<String> stepsMention();

    /** The datasets its evidence source reads (none for an item only a person can attest). */
    Set<Dataset<?>> evidenceDatasets() {
        return Set.of();
    }

    /** An account that shows no evidence: each evidence dataset empty in both regions. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    CheckHarness harness() {
        CheckHarness harness = CheckHarness.of(check(), "us-east-1", "eu-west-1");
        for (Dataset<?> dataset : evidenceDatasets()) {
            for (String region : List.of("us-east-1", "eu-west-1")) {
                harness.with(region, (Dataset) dataset, List.of());
            }
        }
        return harness;
    }

    private static Finding only(CheckHarness harness) {
        List<Finding> findings = harness.findings();
        assertThat(findings).hasSize(1);
        return findings.get(0);
    }

    private CheckMetadata metadata() {
        return CheckRegistry.of(List.of(check())).checks().get(0).metadata();
    }

    @Test
    void withoutAttestationItIsOneAccountLevelTodoWithTheSteps() {
        Finding finding = only(harness());

        assertThat(finding.status()).isEqualTo(Status.TODO);
        assertThat(finding.checkId()).isEqualTo(check().id()).startsWith("manual.");
        assertThat(finding.region()).as("one finding for the account, not one per region").isEqualTo("global");
        assertThat(finding.resourceId()).isEmpty();
        assertThat(finding.message()).containsIgnoringCase("cannot be verified through the AWS API: ")
                .contains("attest it in the config file").contains(check().id());
        if (evidenceDatasets().isEmpty()) {
            assertThat(finding.message()).startsWith("Cannot be verified through the AWS API: ");
        }
        assertThat(finding.remediation()).startsWith("1. ").contains("\n2. ").contains("\n3. ");
        assertThat(check().requires()).isEqualTo(evidenceDatasets());
    }

    @Test
    void aRecentAttestationMakesItOkWithTheAttestationAsEvidence() {
        Finding finding = only(harness().attestation(check().id(), "maria@example.com", TODAY.minusDays(12),
                "done on staging"));

        assertThat(finding.status()).isEqualTo(Status.OK);
        assertThat(finding.message()).isEqualTo("Attested by maria@example.com on 2026-11-10 (12 days ago).");
        assertThat(finding.evidence()).containsEntry("AttestedBy", "maria@example.com")
                .containsEntry("AttestedOn", "2026-11-10").containsEntry("Note", "done on staging")
                .containsEntry("AgeDays", 12L).containsEntry("MaxAgeDays", 90);
        assertThat(finding.remediation()).isEmpty();
    }

    @Test
    void anAttestationExactlyMaxAgeDaysOldStillCountsAndOneDayMoreExpires() {
        assertThat(only(harness().attestation(check().id(), "a", TODAY.minusDays(90), "")).status())
                .isEqualTo(Status.OK);

        Finding expired = only(harness().attestation(check().id(), "sam", TODAY.minusDays(91), "old run"));

        assertThat(expired.status()).isEqualTo(Status.TODO);
        assertThat(expired.message()).contains("attestation expired").contains("sam").contains("2026-08-23")
                .contains("91 days ago");
        assertThat(expired.evidence()).containsEntry("AttestedBy", "sam").containsEntry("AgeDays", 91L);
        assertThat(expired.remediation()).startsWith("1. ");
    }

    @Test
    void theMaximumAgeIsTheThresholdAttestationMaxAgeDays() {
        CheckHarness strict = harness().threshold(ManualCheck.ATTESTATION_MAX_AGE_DAYS, 7)
                .attestation(check().id(), "a", TODAY.minusDays(8), "");

        assertThat(only(strict).status()).isEqualTo(Status.TODO);
        assertThat(only(strict).message()).contains("attestation expired").contains("count for 7 days");
        assertThat(check().thresholds()).containsExactly(ManualCheck.ATTESTATION_MAX_AGE_DAYS);
    }

    @Test
    void theLatestOfSeveralAttestationsCounts() {
        Finding finding = only(harness()
                .attestation(check().id(), "new", TODAY.minusDays(3), "")
                .attestation(check().id(), "old", TODAY.minusDays(200), ""));

        assertThat(finding.status()).isEqualTo(Status.OK);
        assertThat(finding.evidence()).containsEntry("AttestedBy", "new").doesNotContainKey("Note");
    }

    @Test
    void anAttestationOfAnotherCheckDoesNotCount() {
        String other = check().id().equals("manual.load-test") ? "manual.patching" : "manual.load-test";

        assertThat(only(harness().attestation(other, "a", TODAY, "")).status()).isEqualTo(Status.TODO);
    }

    @Test
    void metadataIsAProcessItemWhoseStepsSayWhatToDo() {
        CheckMetadata metadata = metadata();

        assertThat(metadata.domain()).isEqualTo(Domain.PROCESS);
        assertThat(metadata.resourceType()).isEqualTo("AWS::::Account");
        assertThat(metadata.remediation()).contains(stepsMention());
        assertThat(metadata.remediation().strip().lines())
                .as("one numbered step a line").allMatch(line -> line.matches("\\d+\\. .+"));
        assertThat(metadata.remediation()).contains("attestation with check " + check().id());
    }
}
