package com.huntaze.audit.services.rds;

import static com.huntaze.audit.services.cloudwatch.AlarmCoverageTarget.AlarmTemplate.ABOVE;
import static com.huntaze.audit.services.cloudwatch.AlarmCoverageTarget.AlarmTemplate.BELOW;

import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.services.cloudwatch.AlarmCoverageTarget;
import com.huntaze.audit.services.cloudwatch.AlarmCoverageTarget.AlarmTemplate;
import com.huntaze.audit.services.cloudwatch.AlarmCoverageTarget.Resource;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code cloudwatch.alarm-coverage} judges of RDS: each DB instance, as {@code rdsInstance}, or as
 * {@code auroraInstance} for an Aurora member, which has no FreeStorageSpace (the cluster volume grows by itself)
 * and needs FreeLocalStorage instead.
 */
final class RdsAlarmCoverage {
    private RdsAlarmCoverage() {
    }

    private static final long GIB = 1024L * 1024 * 1024;

    /** 80% CPU for 15 minutes, 10% storage left (per instance), 5 GiB of local storage, 256 MiB of memory. */
    private static final Map<String, AlarmTemplate> TEMPLATES = Map.of(
            "CPUUtilization", AlarmTemplate.average(300, 3, "80", ABOVE),
            "FreeStorageSpace", AlarmTemplate.of("--statistic Minimum", 300, 1, Long.toString(10 * GIB), BELOW),
            "FreeLocalStorage", AlarmTemplate.of("--statistic Minimum", 300, 1, Long.toString(5 * GIB), BELOW),
            "FreeableMemory", AlarmTemplate.of("--statistic Minimum", 300, 3, Long.toString(256 * 1024 * 1024L),
                    BELOW));

    static final AlarmCoverageTarget INSTANCES = new AlarmCoverageTarget("rdsInstance", "AWS/RDS",
            Set.of(RdsDatasets.DB_INSTANCES), List.of(List.of("CPUUtilization"), List.of("FreeStorageSpace")),
            TEMPLATES, ctx -> instances(ctx, false));

    static final AlarmCoverageTarget AURORA_INSTANCES = new AlarmCoverageTarget("auroraInstance", "AWS/RDS",
            Set.of(RdsDatasets.DB_INSTANCES), List.of(List.of("CPUUtilization"), List.of("FreeLocalStorage")),
            TEMPLATES, ctx -> instances(ctx, true));

    private static List<Resource> instances(CheckContext ctx, boolean aurora) {
        return ctx.get(RdsDatasets.DB_INSTANCES).stream()
                .filter(db -> (db.engine() != null && db.engine().startsWith("aurora")) == aurora)
                .map(db -> new Resource("AWS::RDS::DBInstance", db.id(), db.arn(),
                        Map.of("DBInstanceIdentifier", db.id()), List.of(),
                        // a tenth of the allocated storage, in bytes
                        db.allocatedStorageGb() > 0
                                ? Map.of("FreeStorageSpace", Long.toString(db.allocatedStorageGb() * GIB / 10))
                                : Map.of()))
                .toList();
    }
}
