package com.huntaze.audit.services.backup;

/**
 * One rule of an AWS Backup plan, from GetBackupPlan.
 *
 * @param scheduleExpression its cron or rate expression; null for a rule without a schedule (on-demand only)
 * @param deleteAfterDays    how long its recovery points are kept (Lifecycle.DeleteAfterDays); null: until deleted
 */
public record BackupRule(String name, String scheduleExpression, Long deleteAfterDays) {

    /** {@code daily: cron(0 5 ? * * *), kept 35 days}, for evidence. */
    public String describe() {
        return name + ": " + (scheduleExpression == null ? "no schedule" : scheduleExpression) + ", "
                + (deleteAfterDays == null ? "kept until deleted" : "kept " + deleteAfterDays + " days");
    }
}
