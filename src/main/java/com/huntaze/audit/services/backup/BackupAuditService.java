package com.huntaze.audit.services.backup;

import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.services.AuditService;
import java.util.List;

/**
 * AWS Backup: plans (rules, selections), protected resources and completed restore jobs. The restore jobs are the
 * evidence of {@code manual.restore-test}; the kinds of resources {@code backup.plan-coverage} judges are
 * {@link BackupProtectable} contributions of their own services.
 */
public final class BackupAuditService implements AuditService {

    @Override
    public String id() {
        return "backup";
    }

    @Override
    public List<DatasetCollector<?>> collectors() {
        return List.of(BackupCollectors.PLANS, BackupCollectors.PROTECTED_RESOURCES, BackupCollectors.RESTORE_JOBS);
    }

    @Override
    public List<ServiceClient<?, ?>> clients() {
        return List.of(BackupCollectors.BACKUP);
    }

    @Override
    public List<Check> checks(Contributions contributions) {
        return List.of(new BackupPlanCoverageCheck(contributions.all(BackupProtectable.class)));
    }
}
