package com.huntaze.audit.services.backup;

import java.util.List;

/** An AWS Backup plan: ListBackupPlans, its rules from GetBackupPlan, its selections from GetBackupSelection. */
public record BackupPlan(String id, String name, String arn, List<BackupRule> rules, List<BackupSelection> selections) {

    public BackupPlan {
        rules = rules == null ? List.of() : List.copyOf(rules);
        selections = selections == null ? List.of() : List.copyOf(selections);
    }
}
