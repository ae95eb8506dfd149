package com.huntaze.audit.services.elasticache;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Threshold;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;
import java.util.Set;

/**
 * elasticache.backup-retention: automatic snapshots are on and kept at least {@code minSnapshotDays} days, for each
 * replication group and each standalone Redis OSS / Valkey node (Memcached has no backups: left out, see
 * {@link CacheResource}).
 */
public final class ElastiCacheBackupRetentionCheck implements Check {

    /**
     * 1 to 35: ElastiCache keeps automatic snapshots 1 to 35 days (0 turns them off, which this check reports
     * anyway): a minimum of 0 accepts nothing more, one above 35 no cache can meet.
     */
    public static final Threshold MIN_SNAPSHOT_DAYS = new Threshold("minSnapshotDays", 7, "days", 1, 35,
            "--min-snapshot-days", "Minimum ElastiCache automatic snapshot retention");

    @Override
    public String id() {
        return "elasticache.backup-retention";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(ElastiCacheDatasets.REPLICATION_GROUPS, ElastiCacheDatasets.CACHE_CLUSTERS);
    }

    @Override
    public List<Threshold> thresholds() {
        return List.of(MIN_SNAPSHOT_DAYS);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        int minimum = ctx.threshold(MIN_SNAPSHOT_DAYS);
        return CacheResource.of(ctx.get(ElastiCacheDatasets.REPLICATION_GROUPS),
                ctx.get(ElastiCacheDatasets.CACHE_CLUSTERS)).stream().map(r -> {
            int days = r.snapshotRetentionDays();
            var evidence = Evidence.of("SnapshotRetentionLimit", days, "MinimumDays", minimum, "Kind", r.kind());
            Finding finding;
            if (days == 0) {
                finding = ctx.nok(r.id(), r.arn(), "No snapshots: automatic backups disabled (SnapshotRetentionLimit 0):"
                        + " a lost node or a bad write cannot be restored.", evidence);
            } else if (days < minimum) {
                finding = ctx.nok(r.id(), r.arn(), "Snapshots are kept " + days + " day" + (days == 1 ? "" : "s")
                        + ", fewer than the required " + minimum + ".", evidence);
            } else {
                finding = ctx.ok(r.id(), r.arn(), "Snapshots are kept " + days + " days.", evidence);
            }
            return r.typed(finding);
        }).toList();
    }
}
