package com.huntaze.audit.services.dynamodb;

import com.huntaze.audit.services.backup.BackupProtectable;
import com.huntaze.audit.services.backup.BackupProtectable.Resource;
import java.util.Set;

/** What {@code backup.plan-coverage} judges of DynamoDB: each table, named by its ARN in AWS Backup selections. */
final class DynamoDbBackupProtection {
    private DynamoDbBackupProtection() {
    }

    static final BackupProtectable TABLES = new BackupProtectable("DynamoDB tables", Set.of(DynamoDbDatasets.TABLES),
            ctx -> ctx.get(DynamoDbDatasets.TABLES).stream()
                    .map(t -> new Resource("AWS::DynamoDB::Table", t.name(), t.arn()))
                    .toList());
}
