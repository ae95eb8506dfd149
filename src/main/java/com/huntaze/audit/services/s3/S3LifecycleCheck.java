package com.huntaze.audit.services.s3;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.services.s3.BucketLifecycle.LifecycleRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * s3.lifecycle: storage nobody sees does not pile up. A bucket that is versioned (Enabled, or Suspended: it still
 * holds the versions made before) needs an enabled lifecycle rule that expires noncurrent versions, and every
 * bucket one that aborts incomplete multipart uploads; NOK names what is missing. A rule counts whatever its scope
 * (the evidence shows it). Savings are 0: what the bucket stores is not read (that needs its metrics), and the
 * evidence says so.
 */
public final class S3LifecycleCheck implements Check {

    static final String SAVINGS_NOTE = "stored bytes not read: savings not estimated";

    @Override
    public String id() {
        return "s3.lifecycle";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(S3Datasets.BUCKET_LIFECYCLE, S3Datasets.BUCKET_VERSIONING);
    }

    @Override
    public Scope scope() {
        return Scope.GLOBAL;
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        Map<String, BucketVersioning> versioning = ctx.get(S3Datasets.BUCKET_VERSIONING).stream()
                .collect(Collectors.toMap(BucketVersioning::bucket, Function.identity(), (a, b) -> a));
        List<Finding> findings = new ArrayList<>();
        for (BucketLifecycle bucket : ctx.get(S3Datasets.BUCKET_LIFECYCLE)) {
            BucketVersioning v = versioning.get(bucket.bucket());
            if (v == null) {
                continue; // deleted between the two Get calls: nothing left to judge
            }
            findings.add(judge(ctx, bucket, v).withRegion(bucket.region()));
        }
        return findings;
    }

    private static Finding judge(CheckContext ctx, BucketLifecycle bucket, BucketVersioning v) {
        List<LifecycleRule> enabled = bucket.rules().stream().filter(LifecycleRule::enabled).toList();
        Optional<LifecycleRule> noncurrent = enabled.stream()
                .filter(r -> r.noncurrentVersionExpirationDays() != null).findFirst();
        Optional<LifecycleRule> abort = enabled.stream()
                .filter(r -> r.abortIncompleteMultipartUploadDays() != null).findFirst();
        boolean versioned = v.everEnabled();

        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("Versioning", versioned ? v.status() : "never enabled");
        evidence.put("EnabledRules", enabled.size());
        if (versioned) {
            evidence.put("NoncurrentVersionExpiration", noncurrent.map(r -> describe(r,
                    r.noncurrentVersionExpirationDays())).orElse("none"));
        }
        evidence.put("AbortIncompleteMultipartUpload", abort.map(r -> describe(r,
                r.abortIncompleteMultipartUploadDays())).orElse("none"));

        List<String> missing = new ArrayList<>();
        if (versioned && noncurrent.isEmpty()) {
            missing.add("no rule expires noncurrent versions (every overwrite and delete keeps a billed copy)");
        }
        if (abort.isEmpty()) {
            missing.add("no rule aborts incomplete multipart uploads (their parts are billed, and listed nowhere)");
        }
        String arn = S3Bucket.arn(bucket.bucket());
        if (missing.isEmpty()) {
            String message = versioned
                    ? "Noncurrent versions expire after " + days(noncurrent.get().noncurrentVersionExpirationDays())
                    + " and incomplete multipart uploads are aborted after "
                    + days(abort.get().abortIncompleteMultipartUploadDays()) + "."
                    : "Incomplete multipart uploads are aborted after "
                    + days(abort.get().abortIncompleteMultipartUploadDays()) + " (not versioned: no noncurrent"
                    + " versions to expire).";
            return ctx.ok(bucket.bucket(), arn, message, evidence);
        }
        evidence.put("Savings", SAVINGS_NOTE);
        String message = String.join("; ", missing) + ".";
        return ctx.nok(bucket.bucket(), arn, Character.toUpperCase(message.charAt(0)) + message.substring(1),
                evidence).withSavings(0);
    }

    /** {@code rule "expire-old" (whole bucket): 30 days}. */
    private static String describe(LifecycleRule rule, int days) {
        return "rule " + (rule.id() == null || rule.id().isEmpty() ? "(no id)" : "\"" + rule.id() + "\"")
                + " (" + rule.scope() + "): " + days(days);
    }

    private static String days(int days) {
        return days + (days == 1 ? " day" : " days");
    }
}
