package com.huntaze.audit.services.rds;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Threshold;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;
import java.util.Set;

/** rds.backup-retention: automated backups are on and kept at least {@code minBackupDays} days. */
public final class RdsBackupRetentionCheck implements Check {

    /**
     * 1 to 35: RDS and Aurora keep automated backups 1 to 35 days (0 turns them off, which this check reports
     * anyway): a minimum of 0 accepts nothing more, one above 35 no database can meet. {@code backup.plan-coverage}
     * reads the same minimum for the rules of AWS Backup plans: one minimum for every kind of backup.
     */
    public static final Threshold MIN_BACKUP_DAYS = new Threshold("minBackupDays", 7, "days", 1, 35,
            "--min-backup-days", "Minimum days backups are kept: RDS automated backups (Aurora: the cluster's) and"
                    + " the rules of AWS Backup plans");

    @Override
    public String id() {
        return "rds.backup-retention";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(RdsDatasets.DB_INSTANCES, RdsDatasets.DB_CLUSTERS);
    }

    @Override
    public List<Threshold> thresholds() {
        return List.of(MIN_BACKUP_DAYS);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        int minimum = ctx.threshold(MIN_BACKUP_DAYS);
        var settings = EffectiveRdsSettings.resolver(ctx.get(RdsDatasets.DB_CLUSTERS));
        return ctx.get(RdsDatasets.DB_INSTANCES).stream().map(settings).map(s -> {
            var i = s.instance();
            int days = s.backupRetentionDays();
            var evidence = Evidence.of("BackupRetentionPeriod", days, "MinimumDays", minimum, "Source", s.source());
            if (days == 0) {
                return ctx.nok(i.id(), i.arn(), "Automated backups are disabled (retention 0 days): no point-in-time restore.",
                        evidence);
            }
            if (days < minimum) {
                return ctx.nok(i.id(), i.arn(), "Backups are kept " + days + " day" + (days == 1 ? "" : "s")
                        + ", fewer than the required " + minimum + ".", evidence);
            }
            return ctx.ok(i.id(), i.arn(), "Backups are kept " + days + " days.", evidence);
        }).toList();
    }
}
