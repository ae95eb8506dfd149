package com.huntaze.audit.services.s3;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;
import java.util.Set;

/**
 * s3.versioning: each bucket keeps the versions of its objects (GetBucketVersioning Status {@code Enabled}); never
 * enabled or {@code Suspended} → NOK. One finding per bucket, in the bucket's region.
 */
public final class S3VersioningCheck implements Check {

    @Override
    public String id() {
        return "s3.versioning";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(S3Datasets.BUCKET_VERSIONING);
    }

    @Override
    public Scope scope() {
        return Scope.GLOBAL;
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        return ctx.get(S3Datasets.BUCKET_VERSIONING).stream().map(v -> {
            var evidence = Evidence.of("Status", v.everEnabled() ? v.status() : "never enabled",
                    "MFADelete", v.mfaDelete());
            String arn = S3Bucket.arn(v.bucket());
            Finding finding;
            if (v.enabled()) {
                finding = ctx.ok(v.bucket(), arn, "Versioning is enabled: an overwritten or deleted object can be"
                        + " restored from its previous version.", evidence);
            } else {
                finding = ctx.nok(v.bucket(), arn, (v.everEnabled() ? "Versioning is suspended"
                        : "Versioning was never enabled") + ": an overwrite or delete cannot be undone.", evidence);
            }
            return finding.withRegion(v.region());
        }).toList();
    }
}
