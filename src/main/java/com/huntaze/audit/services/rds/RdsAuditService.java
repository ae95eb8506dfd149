package com.huntaze.audit.services.rds;

import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.pricing.PriceItem;
import com.huntaze.audit.services.AuditService;
import java.util.List;

/** RDS: DB instances and clusters, their engines' support lifecycles and their pending maintenance. */
public final class RdsAuditService implements AuditService {

    /** Price item: per hour, single-AZ, by instance class; one item per engine (see {@link #instanceHour}). */
    public static final String INSTANCE_HOUR = "rds.*.instance-hour";

    /** Price item: storage per GB-month, single-AZ, by storage type: gp2, gp3, io1, .... */
    public static final String STORAGE_GB_MONTH = "rds.storage-gb-month";

    /**
     * The RDS instance-hour item of an engine, single-AZ: {@code rds.postgres.instance-hour}. MariaDB is priced as
     * MySQL (AWS lists the same figures); the old {@code aurora} engine name is Aurora MySQL.
     */
    public static String instanceHour(String engine) {
        String family = engine == null ? "unknown" : switch (engine) {
            case "mariadb" -> "mysql";
            case "aurora" -> "aurora-mysql";
            default -> engine;
        };
        return "rds." + family + ".instance-hour";
    }

    @Override
    public String id() {
        return "rds";
    }

    @Override
    public List<DatasetCollector<?>> collectors() {
        return List.of(RdsCollectors.DB_INSTANCES, RdsCollectors.DB_CLUSTERS, RdsCollectors.MAJOR_ENGINE_VERSIONS,
                RdsCollectors.PENDING_MAINTENANCE, RdsCollectors.FAILOVER_EVENTS);
    }

    @Override
    public List<ServiceClient<?, ?>> clients() {
        return List.of(RdsCollectors.RDS);
    }

    @Override
    public List<Check> checks(Contributions contributions) {
        return List.of(new RdsMultiAzCheck(),
                new RdsBackupRetentionCheck(),
                new RdsPublicAccessCheck(),
                new RdsStorageEncryptedCheck(),
                new RdsDeletionProtectionCheck(),
                new RdsIdleInstanceCheck(),
                new RdsEngineSupportCheck(),
                new RdsPendingMaintenanceCheck());
    }

    @Override
    public List<?> contributions() {
        return List.of(RdsAlarmCoverage.INSTANCES, RdsAlarmCoverage.AURORA_INSTANCES, RdsBackupProtection.DATABASES,
                PriceItem.byType(INSTANCE_HOUR, "per hour, single-AZ, by instance class; one item per engine"),
                PriceItem.byType(STORAGE_GB_MONTH, "storage per GB-month, single-AZ, by storage type: gp2, gp3, io1, ..."));
    }
}
