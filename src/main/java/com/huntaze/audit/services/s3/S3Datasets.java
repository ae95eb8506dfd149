package com.huntaze.audit.services.s3;

import com.fasterxml.jackson.core.type.TypeReference;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;

/**
 * The datasets of the s3 service, each filled by one of its collectors. All global: S3 lists buckets account-wide
 * and its Block Public Access has an account-level setting; each bucket's record carries the bucket's own region.
 * The per-bucket answers are one dataset per Get call, so that a check costs only the calls it reads.
 */
public final class S3Datasets {
    private S3Datasets() {
    }

    /** Every bucket (ListBuckets) with its region (GetBucketLocation). */
    public static final Dataset<List<S3Bucket>> BUCKETS =
            new Dataset<>("s3.buckets", Scope.GLOBAL, "s3", new TypeReference<>() { });

    /** The account-level Block Public Access (S3 Control GetPublicAccessBlock). */
    public static final Dataset<PublicAccessBlock> ACCOUNT_PUBLIC_ACCESS_BLOCK =
            new Dataset<>("s3.accountPublicAccessBlock", Scope.GLOBAL, "s3", new TypeReference<>() { });

    /** Each bucket's own Block Public Access (GetPublicAccessBlock), unless the account-level one is all on. */
    public static final Dataset<List<BucketPublicAccessBlock>> BUCKET_PUBLIC_ACCESS_BLOCKS =
            new Dataset<>("s3.bucketPublicAccessBlocks", Scope.GLOBAL, "s3", new TypeReference<>() { });

    /** Each bucket's versioning state (GetBucketVersioning). */
    public static final Dataset<List<BucketVersioning>> BUCKET_VERSIONING =
            new Dataset<>("s3.bucketVersioning", Scope.GLOBAL, "s3", new TypeReference<>() { });

    /** Each bucket's lifecycle rules (GetBucketLifecycleConfiguration). */
    public static final Dataset<List<BucketLifecycle>> BUCKET_LIFECYCLE =
            new Dataset<>("s3.bucketLifecycle", Scope.GLOBAL, "s3", new TypeReference<>() { });
}
