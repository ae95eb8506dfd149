package com.huntaze.audit.services.s3;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.inventory.Dataset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * s3.public-access-block: Block Public Access is on. One finding for the account (region {@code global}, resource
 * empty): its four settings all on → OK, else NOK naming those off. One finding per bucket, in the bucket's region:
 * S3 applies the most restrictive combination of the bucket's and the account's settings, so a setting is on when
 * it is on at either level; all four on (the bucket's own, the account's, or both together) → OK, else NOK naming
 * those off at both levels.
 */
public final class S3PublicAccessBlockCheck implements Check {

    static final String ACCOUNT_RESOURCE_TYPE = "AWS::::Account";

    @Override
    public String id() {
        return "s3.public-access-block";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(S3Datasets.ACCOUNT_PUBLIC_ACCESS_BLOCK, S3Datasets.BUCKET_PUBLIC_ACCESS_BLOCKS);
    }

    @Override
    public Scope scope() {
        return Scope.GLOBAL;
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        PublicAccessBlock account = ctx.get(S3Datasets.ACCOUNT_PUBLIC_ACCESS_BLOCK);
        List<Finding> findings = new ArrayList<>();
        findings.add(accountFinding(ctx, account));
        for (BucketPublicAccessBlock b : ctx.get(S3Datasets.BUCKET_PUBLIC_ACCESS_BLOCKS)) {
            findings.add(bucketFinding(ctx, b, account).withRegion(b.region()));
        }
        return findings;
    }

    private static Finding accountFinding(CheckContext ctx, PublicAccessBlock account) {
        Map<String, Object> evidence = new LinkedHashMap<>(account.settings());
        if (!account.configured()) {
            evidence.put("Configuration", "none (NoSuchPublicAccessBlockConfiguration): all four off");
        }
        Finding finding = account.allOn()
                ? ctx.ok("", null, "Block Public Access is on for the whole account (all four settings).", evidence)
                : ctx.nok("", null, "Account-level Block Public Access is off for " + String.join(", ", account.off())
                        + ": a bucket without its own block can be made public by a bucket policy or an ACL.",
                        evidence);
        return finding.withResourceType(ACCOUNT_RESOURCE_TYPE);
    }

    private static Finding bucketFinding(CheckContext ctx, BucketPublicAccessBlock b, PublicAccessBlock account) {
        String arn = S3Bucket.arn(b.bucket());
        if (b.block() == null) {
            // Not asked: the account's four settings cover every bucket.
            return ctx.ok(b.bucket(), arn, "Covered by the account-level Block Public Access (all four settings).",
                    Evidence.of("AccountLevel", account.settings(), "BucketLevel",
                            "not read: the account-level block applies"));
        }
        PublicAccessBlock effective = b.block().or(account);
        Map<String, Object> evidence = Evidence.of(
                "BucketLevel", b.block().configured() ? b.block().settings() : "none",
                "AccountLevel", account.configured() ? account.settings() : "none",
                "Off", effective.off());
        if (effective.allOn()) {
            String message = b.block().allOn()
                    ? "Block Public Access is on for this bucket (all four settings)."
                    : "Block Public Access is on: all four settings, from the bucket's and the account's blocks"
                            + " together.";
            return ctx.ok(b.bucket(), arn, message, evidence);
        }
        return ctx.nok(b.bucket(), arn, "Block Public Access is off for " + String.join(", ", effective.off())
                + " (at the bucket and the account level): a bucket policy or an ACL can make its objects public.",
                evidence);
    }
}
