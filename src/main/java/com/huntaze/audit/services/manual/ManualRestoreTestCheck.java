package com.huntaze.audit.services.manual;

import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.services.backup.BackupDatasets;
import com.huntaze.audit.services.backup.RestoreJob;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * manual.restore-test: a backup is only a backup once a restore from it has worked. Evidence: an AWS Backup restore
 * job that COMPLETED within {@code attestationMaxAgeDays}, in any audited region (the latest one counts).
 */
public final class ManualRestoreTestCheck extends ManualCheck {
    public ManualRestoreTestCheck() {
        super("manual.restore-test", "restore the latest backup into staging and record the RTO and RPO",
                new EvidenceSource(Set.of(BackupDatasets.RESTORE_JOBS), ManualRestoreTestCheck::latestRestore,
                        days -> "No AWS Backup restore job completed in the last " + days + " days in the audited"
                                + " regions (ListRestoreJobs)."));
    }

    private record Located(String region, RestoreJob job) {
    }

    static Optional<Finding> latestRestore(CheckContext ctx) {
        int maxAgeDays = ctx.threshold(ATTESTATION_MAX_AGE_DAYS);
        Instant since = ctx.now().minus(Duration.ofDays(maxAgeDays));
        Optional<Located> latest = ctx.inEveryRegion(BackupDatasets.RESTORE_JOBS).entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(job -> new Located(e.getKey(), job)))
                .filter(l -> "COMPLETED".equals(l.job().status()) && l.job().completionDate() != null
                        && !l.job().completionDate().isBefore(since))
                .max(Comparator.comparing((Located l) -> l.job().completionDate())
                        .thenComparing(l -> l.job().id()));
        return latest.map(l -> {
            RestoreJob job = l.job();
            long ageDays = ChronoUnit.DAYS.between(LocalDate.ofInstant(job.completionDate(), ZoneOffset.UTC),
                    LocalDate.ofInstant(ctx.now(), ZoneOffset.UTC));
            String source = job.sourceResourceArn() != null ? job.sourceResourceArn() : job.recoveryPointArn();
            Map<String, Object> evidence = Evidence.of("RestoreJobId", job.id(), "ResourceType", job.resourceType(),
                    "CompletionDate", job.completionDate().toString(), "Region", l.region(),
                    "SourceResourceArn", job.sourceResourceArn(), "RecoveryPointArn", job.recoveryPointArn(),
                    "CreatedResourceArn", job.createdResourceArn(), "AgeDays", ageDays, "MaxAgeDays", maxAgeDays);
            return ctx.ok("", null, "AWS Backup restore job " + job.id() + " completed on "
                    + LocalDate.ofInstant(job.completionDate(), ZoneOffset.UTC) + " (" + ageDays
                    + (ageDays == 1 ? " day" : " days") + " ago) in " + l.region() + ": restored "
                    + (job.resourceType() == null ? "" : job.resourceType() + " ") + source
                    + (job.createdResourceArn() == null ? "" : " into " + job.createdResourceArn()) + ".", evidence);
        });
    }
}
