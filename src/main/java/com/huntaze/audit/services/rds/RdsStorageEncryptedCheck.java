package com.huntaze.audit.services.rds;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;
import java.util.Set;

/** rds.storage-encrypted: storage (and so backups and snapshots) is encrypted at rest. */
public final class RdsStorageEncryptedCheck implements Check {

    @Override
    public String id() {
        return "rds.storage-encrypted";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(RdsDatasets.DB_INSTANCES, RdsDatasets.DB_CLUSTERS);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        var settings = EffectiveRdsSettings.resolver(ctx.get(RdsDatasets.DB_CLUSTERS));
        return ctx.get(RdsDatasets.DB_INSTANCES).stream().map(settings).map(s -> {
            var i = s.instance();
            var evidence = Evidence.of("StorageEncrypted", s.storageEncrypted(), "Source", s.source());
            return s.storageEncrypted()
                    ? ctx.ok(i.id(), i.arn(), "Storage is encrypted at rest.", evidence)
                    : ctx.nok(i.id(), i.arn(), "Storage is not encrypted: neither are its snapshots and backups.", evidence);
        }).toList();
    }
}
