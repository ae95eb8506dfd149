package com.huntaze.audit.services.backup;

import com.fasterxml.jackson.core.type.TypeReference;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;

/** The datasets of the backup service, each filled by one of its collectors. */
public final class BackupDatasets {
    private BackupDatasets() {
    }

    /** Every backup plan of the region, with its rules and selections. */
    public static final Dataset<List<BackupPlan>> PLANS =
            new Dataset<>("backup.plans", Scope.REGIONAL, "backup", new TypeReference<>() { });

    /** Every resource AWS Backup holds a recovery point of. */
    public static final Dataset<List<ProtectedResource>> PROTECTED_RESOURCES =
            new Dataset<>("backup.protectedResources", Scope.REGIONAL, "backup", new TypeReference<>() { });

    /** The restore jobs that COMPLETED within the last {@code attestationMaxAgeDays} days. */
    public static final Dataset<List<RestoreJob>> RESTORE_JOBS =
            new Dataset<>("backup.restoreJobs", Scope.REGIONAL, "backup", new TypeReference<>() { });
}
