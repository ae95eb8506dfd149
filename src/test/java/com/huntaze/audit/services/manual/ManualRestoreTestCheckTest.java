package com.huntaze.audit.services.manual;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.inventory.CollectionFailure;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.services.backup.BackupDatasets;
import com.huntaze.audit.services.backup.RestoreJob;
import com.huntaze.audit.testing.CheckHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ManualRestoreTestCheckTest extends ManualCheckSpec {

    @Override
    ManualCheck check() {
        return new ManualRestoreTestCheck();
    }

    @Override
    List<String> stepsMention() {
        return List.of("restore-db-instance-to-point-in-time", "RTO", "RPO", "staging", "start-restore-job");
    }

    @Override
    Set<Dataset<?>> evidenceDatasets() {
        return Set.of(BackupDatasets.RESTORE_JOBS);
    }

    private static Instant daysAgo(int days) {
        return CheckHarness.NOW.minus(Duration.ofDays(days));
    }

    private static RestoreJob completed(String id, int daysAgo) {
        return new RestoreJob(id, "COMPLETED", "RDS", daysAgo(daysAgo).minus(Duration.ofMinutes(37)), daysAgo(daysAgo),
                "arn:aws:rds:us-east-1:123456789012:snapshot:awsbackup:job-" + id,
                "arn:aws:rds:us-east-1:123456789012:db:orders-db",
                "arn:aws:rds:us-east-1:123456789012:db:restore-test-orders");
    }

    private Finding only(CheckHarness harness) {
        List<Finding> findings = harness.findings();
        assertThat(findings).hasSize(1);
        return findings.get(0);
    }

    @Test
    void aRestoreJobCompleted20DaysAgoMakesItOkWithTheJobAsEvidence() {
        Finding finding = only(harness().with("eu-west-1", BackupDatasets.RESTORE_JOBS, List.of(completed("r-1", 20))));

        assertThat(finding.status()).isEqualTo(Status.OK);
        assertThat(finding.resourceId()).isEmpty();
        assertThat(finding.message()).isEqualTo("AWS Backup restore job r-1 completed on 2026-11-02 (20 days ago) in"
                + " eu-west-1: restored RDS arn:aws:rds:us-east-1:123456789012:db:orders-db into"
                + " arn:aws:rds:us-east-1:123456789012:db:restore-test-orders.");
        assertThat(finding.evidence()).containsEntry("RestoreJobId", "r-1").containsEntry("ResourceType", "RDS")
                .containsEntry("CompletionDate", "2026-11-02T12:00:00Z").containsEntry("Region", "eu-west-1")
                .containsEntry("SourceResourceArn", "arn:aws:rds:us-east-1:123456789012:db:orders-db")
                .containsEntry("RecoveryPointArn", "arn:aws:rds:us-east-1:123456789012:snapshot:awsbackup:job-r-1")
                .containsEntry("CreatedResourceArn", "arn:aws:rds:us-east-1:123456789012:db:restore-test-orders")
                .containsEntry("AgeDays", 20L).containsEntry("MaxAgeDays", 90);
    }

    @Test
    void theLatestCompletedJobOfAnyRegionCounts() {
        Finding finding = only(harness()
                .with("us-east-1", BackupDatasets.RESTORE_JOBS, List.of(completed("old", 60), completed("new", 5)))
                .with("eu-west-1", BackupDatasets.RESTORE_JOBS, List.of(completed("middle", 30))));

        assertThat(finding.evidence()).containsEntry("RestoreJobId", "new").containsEntry("Region", "us-east-1");
    }

    @Test
    void aJobOlderThanAttestationMaxAgeDaysIsNoEvidence() {
        Finding finding = only(harness().threshold(ManualCheck.ATTESTATION_MAX_AGE_DAYS, 30)
                .with(BackupDatasets.RESTORE_JOBS, List.of(completed("r-1", 31))));

        assertThat(finding.status()).isEqualTo(Status.TODO);
        assertThat(finding.message()).startsWith("No AWS Backup restore job completed in the last 30 days in the"
                + " audited regions (ListRestoreJobs). Otherwise it cannot be verified through the AWS API: ")
                .contains("attest it in the config file");
    }

    @Test
    void aJobThatDidNotCompleteIsNoEvidence() {
        RestoreJob failed = new RestoreJob("r-2", "FAILED", "RDS", daysAgo(3), daysAgo(3), "rp", null, null);

        assertThat(only(harness().with(BackupDatasets.RESTORE_JOBS, List.of(failed))).status())
                .isEqualTo(Status.TODO);
    }

    @Test
    void aFreshAttestationWinsOverTheEvidence() {
        Finding finding = only(harness().with(BackupDatasets.RESTORE_JOBS, List.of(completed("r-1", 2)))
                .attestation(check().id(), "maria@example.com", TODAY.minusDays(12), "RTO 38 min, RPO 5 min"));

        assertThat(finding.status()).isEqualTo(Status.OK);
        assertThat(finding.message()).startsWith("Attested by maria@example.com");
        assertThat(finding.evidence()).containsEntry("Note", "RTO 38 min, RPO 5 min").doesNotContainKey("RestoreJobId");
    }

    @Test
    void evidenceWinsOverAnExpiredAttestation() {
        Finding finding = only(harness().with(BackupDatasets.RESTORE_JOBS, List.of(completed("r-1", 2)))
                .attestation(check().id(), "sam", TODAY.minusDays(200), ""));

        assertThat(finding.status()).isEqualTo(Status.OK);
        assertThat(finding.evidence()).containsEntry("RestoreJobId", "r-1");
    }

    @Test
    void anExpiredAttestationWithoutEvidenceSaysBoth() {
        Finding finding = only(harness().attestation(check().id(), "sam", TODAY.minusDays(200), ""));

        assertThat(finding.status()).isEqualTo(Status.TODO);
        assertThat(finding.message()).contains("attestation expired").endsWith("No AWS Backup restore job completed in"
                + " the last 90 days in the audited regions (ListRestoreJobs).");
    }

    @Test
    void evidenceThatCouldNotBeReadIsATodoNamingTheActionUnlessAFreshAttestationSaysOtherwise() {
        CollectionFailure denied = new CollectionFailure("backup:ListRestoreJobs", CollectionFailure.Kind.ACCESS_DENIED,
                "AccessDeniedException", "not authorized");
        CheckHarness unreadable = harness().failing("eu-west-1", BackupDatasets.RESTORE_JOBS, denied)
                .with("us-east-1", BackupDatasets.RESTORE_JOBS, List.of());

        Finding todo = only(unreadable);
        assertThat(todo.status()).isEqualTo(Status.TODO);
        assertThat(todo.message()).startsWith("The account's evidence could not be read (backup:ListRestoreJobs access"
                + " denied (AccessDeniedException)): Grant backup:ListRestoreJobs").contains("attest it in the config file");
        assertThat(todo.evidence()).containsEntry("action", "backup:ListRestoreJobs");

        Finding attested = only(unreadable.attestation(check().id(), "maria", TODAY.minusDays(3), ""));
        assertThat(attested.status()).isEqualTo(Status.OK);
        assertThat(attested.message()).startsWith("Attested by maria");
    }
}
