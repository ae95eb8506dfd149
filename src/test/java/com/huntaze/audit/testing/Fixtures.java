package com.huntaze.audit.testing;

import com.huntaze.audit.inventory.model.DbCluster;
import com.huntaze.audit.inventory.model.DbInstance;
import com.huntaze.audit.inventory.model.EcsCluster;
import java.util.List;

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

        private DbBuilder(String id) {
            this.id = id;
        }

        public DbBuilder engine(String value) { engine = value; return this; }
        public DbBuilder multiAz(boolean value) { multiAz = value; return this; }
        public DbBuilder backupDays(int value) { backupDays = value; return this; }
        public DbBuilder publiclyAccessible(boolean value) { publiclyAccessible = value; return this; }
        public DbBuilder encrypted(boolean value) { encrypted = value; return this; }
        public DbBuilder deletionProtection(boolean value) { deletionProtection = value; return this; }
        public DbBuilder cluster(String value) { clusterId = value; engine = "aurora-postgresql"; return this; }

        public DbInstance build() {
            return new DbInstance(id, "arn:aws:rds:us-east-1:123456789012:db:" + id, engine, "db.t3.medium", multiAz,
                    backupDays, publiclyAccessible, encrypted, deletionProtection, clusterId, "us-east-1a", 20);
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
}
