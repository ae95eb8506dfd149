package com.huntaze.audit.services.backup;

import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A kind of resource {@code backup.plan-coverage} judges, contributed by the service that owns it (an
 * {@link com.huntaze.audit.services.AuditService#contributions()} entry): RDS contributes its instances and clusters
 * today; DynamoDB tables and EFS file systems join when their services contribute theirs, without a change to the
 * check.
 *
 * @param kind      a name for the docs, e.g. {@code RDS DB instances and clusters}
 * @param requires  the datasets {@link #resources} reads
 * @param resources the resources of this kind in a region
 */
public record BackupProtectable(String kind, Set<Dataset<?>> requires,
                                Function<CheckContext, List<Resource>> resources) {

    public BackupProtectable {
        requires = Set.copyOf(requires);
    }

    /**
     * One resource to judge.
     *
     * @param resourceType its CloudFormation type, for the finding, e.g. {@code AWS::RDS::DBCluster}
     * @param id           its own id, the finding's resource id (DB instance or cluster id, table name, ...)
     * @param arn          what AWS Backup selections and protected resources name it by
     */
    public record Resource(String resourceType, String id, String arn) {
    }
}
