package com.huntaze.audit.services.ecs;

import static com.huntaze.audit.services.cloudwatch.AlarmCoverageTarget.AlarmTemplate.ABOVE;

import com.huntaze.audit.services.cloudwatch.AlarmCoverageTarget;
import com.huntaze.audit.services.cloudwatch.AlarmCoverageTarget.AlarmTemplate;
import com.huntaze.audit.services.cloudwatch.AlarmCoverageTarget.Resource;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What {@code cloudwatch.alarm-coverage} judges of ECS: each ACTIVE service (DRAINING or INACTIVE: being deleted). */
final class EcsAlarmCoverage {
    private EcsAlarmCoverage() {
    }

    /** CPU or memory at 80% for 15 minutes: time to scale before tasks are killed or throttled. */
    static final AlarmCoverageTarget SERVICES = new AlarmCoverageTarget("ecsService", "AWS/ECS",
            Set.of(EcsDatasets.SERVICES),
            List.of(List.of("CPUUtilization"), List.of("MemoryUtilization")),
            Map.of("CPUUtilization", AlarmTemplate.average(300, 3, "80", ABOVE),
                    "MemoryUtilization", AlarmTemplate.average(300, 3, "80", ABOVE)),
            ctx -> ctx.get(EcsDatasets.SERVICES).stream()
                    .filter(s -> "ACTIVE".equals(s.status()))
                    .map(s -> Resource.of("AWS::ECS::Service", s.qualifiedName(), s.arn(), s.metricDimensions()))
                    .toList());
}
