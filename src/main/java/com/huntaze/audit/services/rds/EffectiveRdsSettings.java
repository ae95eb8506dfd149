package com.huntaze.audit.services.rds;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The settings that really apply to a DB instance. For a cluster member (Aurora, Multi-AZ DB cluster) Multi-AZ,
 * backups, encryption and deletion protection are the cluster's: the instance's own fields describe only the
 * one node (an Aurora writer reports MultiAZ=false even in a cluster with replicas in other zones).
 *
 * @param cluster the instance's cluster, or null for a standalone instance
 */
record EffectiveRdsSettings(DbInstance instance, DbCluster cluster) {

    static Function<DbInstance, EffectiveRdsSettings> resolver(List<DbCluster> clusters) {
        Map<String, DbCluster> byId = clusters.stream().collect(Collectors.toMap(DbCluster::id, c -> c, (a, b) -> a));
        return instance -> new EffectiveRdsSettings(instance,
                instance.isClusterMember() ? byId.get(instance.clusterId()) : null);
    }

    boolean fromCluster() {
        return cluster != null;
    }

    boolean multiAz() {
        return fromCluster() ? cluster.multiAz() : instance.multiAz();
    }

    int backupRetentionDays() {
        return fromCluster() ? cluster.backupRetentionDays() : instance.backupRetentionDays();
    }

    boolean storageEncrypted() {
        return fromCluster() ? cluster.storageEncrypted() : instance.storageEncrypted();
    }

    boolean deletionProtection() {
        return fromCluster() ? cluster.deletionProtection() : instance.deletionProtection();
    }

    /** Where the setting was read, for evidence: {@code DBCluster my-aurora} or {@code DBInstance}. */
    String source() {
        return fromCluster() ? "DBCluster " + cluster.id() : "DBInstance";
    }
}
