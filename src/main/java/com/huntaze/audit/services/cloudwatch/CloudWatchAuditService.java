package com.huntaze.audit.services.cloudwatch;

import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.services.AuditService;
import java.util.List;

/** CloudWatch: alarms, and the metrics every service's checks declare (one batched GetMetricData pass per region). */
public final class CloudWatchAuditService implements AuditService {

    @Override
    public String id() {
        return "cloudwatch";
    }

    @Override
    public List<DatasetCollector<?>> collectors() {
        return List.of(CloudWatchCollectors.ALARMS, new CloudWatchMetricsCollector());
    }

    @Override
    public List<ServiceClient<?, ?>> clients() {
        return List.of(CloudWatchCollectors.CLOUDWATCH);
    }

    @Override
    public List<Check> checks(Contributions contributions) {
        return List.of(new CloudWatchAlarmActionsCheck(),
                new CloudWatchAlarmCoverageCheck(contributions),
                new CloudWatchAlarmDestinationCheck());
    }
}
