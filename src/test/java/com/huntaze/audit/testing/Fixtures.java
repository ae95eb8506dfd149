package com.huntaze.audit.testing;

import com.huntaze.audit.inventory.model.DbCluster;
import com.huntaze.audit.inventory.model.DbInstance;
import com.huntaze.audit.inventory.model.EcsCluster;
import com.huntaze.audit.inventory.MetricSpec;
import com.huntaze.audit.inventory.model.CloudWatchAlarms;
import com.huntaze.audit.inventory.model.CompositeAlarm;
import com.huntaze.audit.inventory.model.LogGroup;
import com.huntaze.audit.inventory.model.MetricAlarm;
import com.huntaze.audit.inventory.model.MetricData;
import com.huntaze.audit.inventory.model.MetricSeries;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sensible, fully compliant resources that a test changes one field of: {@code db("a").multiAz(false)}. */
public final class Fixtures {
    private Fixtures() {
    }

    /** A compliant standalone instance. */
    public static DbBuilder db(String id) {
        return new DbBuilder(id);
    }

    public static final class DbBuilder {
        private final String id;
        private String engine = "postgres";
        private boolean multiAz = true;
        private int backupDays = 7;
        private boolean publiclyAccessible;
        private boolean encrypted = true;
        private boolean deletionProtection = true;
        private String clusterId;
        private String instanceClass = "db.t3.medium";
        private int storageGb = 20;
        private String storageType = "gp2";

        private DbBuilder(String id) {
            this.id = id;
        }

        public DbBuilder engine(String value) { engine = value; return this; }
        public DbBuilder multiAz(boolean value) { multiAz = value; return this; }
        public DbBuilder backupDays(int value) { backupDays = value; return this; }
        public DbBuilder publiclyAccessible(boolean value) { publiclyAccessible = value; return this; }
        public DbBuilder encrypted(boolean value) { encrypted = value; return this; }
        public DbBuilder deletionProtection(boolean value) { deletionProtection = value; return this; }
        public DbBuilder cluster(String value) { clusterId = value; engine = "aurora-postgresql"; storageType = "aurora"; return this; }
        public DbBuilder instanceClass(String value) { instanceClass = value; return this; }
        public DbBuilder storage(int gb, String type) { storageGb = gb; storageType = type; return this; }

        public DbInstance build() {
            return new DbInstance(id, "arn:aws:rds:us-east-1:123456789012:db:" + id, engine, instanceClass, multiAz,
                    backupDays, publiclyAccessible, encrypted, deletionProtection, clusterId, "us-east-1a", storageGb,
                    storageType);
        }
    }

    public static DbCluster aurora(String id, boolean multiAz, int backupDays, boolean encrypted, String... members) {
        return new DbCluster(id, "arn:aws:rds:us-east-1:123456789012:cluster:" + id, "aurora-postgresql", multiAz,
                backupDays, encrypted, true, List.of(members));
    }

    public static EcsCluster ecsCluster(String name, String status, int running, int pending, int instances,
                                        String... serviceNames) {
        return new EcsCluster(name, "arn:aws:ecs:us-east-1:123456789012:cluster/" + name, status, running, pending,
                instances, java.util.Arrays.stream(serviceNames)
                .map(s -> "arn:aws:ecs:us-east-1:123456789012:service/" + name + "/" + s).toList());
    }

    /** Daily datapoints ending the day before {@code CheckHarness.NOW}, oldest first. */
    public static MetricSeries daily(double... values) {
        List<String> timestamps = new java.util.ArrayList<>();
        List<Double> list = new java.util.ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            timestamps.add(CheckHarness.NOW.minus(java.time.Duration.ofDays(values.length - i)).toString());
            list.add(values[i]);
        }
        return new MetricSeries(timestamps, list);
    }

    /** The {@code cloudwatch.metrics} dataset with one spec's series: {@code metrics(SPEC, "db-1", daily(0, 0))}. */
    public static MetricData metrics(MetricSpec<?> spec, Object... keysAndSeries) {
        Map<String, MetricSeries> series = new LinkedHashMap<>();
        for (int i = 0; i < keysAndSeries.length; i += 2) {
            series.put((String) keysAndSeries[i], (MetricSeries) keysAndSeries[i + 1]);
        }
        return new MetricData(Map.of(spec.id(), series));
    }

    /** A log group; {@code retentionDays} null = never expire. */
    public static LogGroup logGroup(String name, Integer retentionDays, long storedBytes) {
        return new LogGroup(name, "arn:aws:logs:us-east-1:123456789012:log-group:" + name, retentionDays, storedBytes,
                "STANDARD");
    }

    /** A metric alarm on AWS/RDS CPUUtilization of instance {@code db-1}. */
    public static MetricAlarm alarm(String name, boolean actionsEnabled, String... alarmActions) {
        return new MetricAlarm(name, "arn:aws:cloudwatch:us-east-1:123456789012:alarm:" + name, "AWS/RDS",
                "CPUUtilization", Map.of("DBInstanceIdentifier", "db-1"), actionsEnabled, List.of(alarmActions),
                List.of(), List.of(), "OK", List.of());
    }

    public static CompositeAlarm compositeAlarm(String name, String rule, boolean actionsEnabled, String... alarmActions) {
        return new CompositeAlarm(name, "arn:aws:cloudwatch:us-east-1:123456789012:alarm:" + name, rule, actionsEnabled,
                List.of(alarmActions), "OK");
    }

    public static CloudWatchAlarms alarms(List<MetricAlarm> metricAlarms, CompositeAlarm... composites) {
        return new CloudWatchAlarms(metricAlarms, List.of(composites));
    }
}
