package com.huntaze.audit.services.dynamodb;

import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.services.AuditService;
import java.util.List;

/** DynamoDB: tables, their deletion protection and point-in-time recovery. */
public final class DynamoDbAuditService implements AuditService {

    @Override
    public String id() {
        return "dynamodb";
    }

    @Override
    public List<DatasetCollector<?>> collectors() {
        return List.of(DynamoDbCollectors.TABLE_NAMES, DynamoDbCollectors.TABLES,
                DynamoDbCollectors.CONTINUOUS_BACKUPS);
    }

    @Override
    public List<ServiceClient<?, ?>> clients() {
        return List.of(DynamoDbCollectors.DYNAMODB);
    }

    @Override
    public List<Check> checks(Contributions contributions) {
        return List.of(new DynamoDbPointInTimeRecoveryCheck(), new DynamoDbDeletionProtectionCheck());
    }

    /** Its tables are among the resources {@code backup.plan-coverage} judges. */
    @Override
    public List<?> contributions() {
        return List.of(DynamoDbBackupProtection.TABLES);
    }
}
