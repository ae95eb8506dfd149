package com.huntaze.audit.services.logs;

import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.pricing.PriceItem;
import com.huntaze.audit.services.AuditService;
import java.util.List;

/** CloudWatch Logs: log groups. */
public final class LogsAuditService implements AuditService {

    /** Price item: stored data per GB-month. */
    public static final String STORAGE_GB_MONTH = "logs.storage-gb-month";

    @Override
    public String id() {
        return "logs";
    }

    @Override
    public List<DatasetCollector<?>> collectors() {
        return List.of(LogsCollectors.LOG_GROUPS);
    }

    @Override
    public List<ServiceClient<?, ?>> clients() {
        return List.of(LogsCollectors.LOGS);
    }

    @Override
    public List<Check> checks(Contributions contributions) {
        return List.of(new LogsRetentionCheck());
    }

    @Override
    public List<?> contributions() {
        return List.of(PriceItem.single(STORAGE_GB_MONTH, "stored data per GB-month"));
    }
}
