package com.huntaze.audit.services.efs;

import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.services.AuditService;
import com.huntaze.audit.services.backup.BackupProtectable;
import com.huntaze.audit.services.backup.BackupProtectable.Resource;
import java.util.List;
import java.util.Set;

/**
 * EFS: its file systems, read for {@code backup.plan-coverage} (no check of its own yet). A file system being
 * deleted is not judged.
 */
public final class EfsAuditService implements AuditService {

    /** What {@code backup.plan-coverage} judges of EFS: each available file system, named by its ARN in selections. */
    static final BackupProtectable FILE_SYSTEMS = new BackupProtectable("EFS file systems",
            Set.of(EfsDatasets.FILE_SYSTEMS), ctx -> ctx.get(EfsDatasets.FILE_SYSTEMS).stream()
                    .filter(f -> !"deleting".equals(f.lifeCycleState()) && !"deleted".equals(f.lifeCycleState()))
                    .map(f -> new Resource("AWS::EFS::FileSystem", f.id(), f.arn()))
                    .toList());

    @Override
    public String id() {
        return "efs";
    }

    @Override
    public List<DatasetCollector<?>> collectors() {
        return List.of(EfsCollectors.FILE_SYSTEMS);
    }

    @Override
    public List<ServiceClient<?, ?>> clients() {
        return List.of(EfsCollectors.EFS);
    }

    @Override
    public List<Check> checks(Contributions contributions) {
        return List.of();
    }

    @Override
    public List<?> contributions() {
        return List.of(FILE_SYSTEMS);
    }
}
