package com.huntaze.audit.services.s3;

import static com.huntaze.audit.collection.AwsCalls.call;

import com.huntaze.audit.collection.CollectionContext;
import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.services.s3.BucketLifecycle.LifecycleRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.model.AbortIncompleteMultipartUpload;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.LifecycleRuleAndOperator;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3control.model.NoSuchPublicAccessBlockConfigurationException;

/**
 * S3 (global: collected once per audit): ListBuckets (10000 per page, its maximum) and GetBucketLocation per bucket
 * from us-east-1; S3 Control GetPublicAccessBlock for the account; then, with a client of each bucket's own region,
 * only the per-bucket Get calls the selected checks read, each its own dataset. The "not set" answers
 * (NoSuchPublicAccessBlockConfiguration, NoSuchLifecycleConfiguration) are answers, not failures; a bucket deleted
 * between the listing and its Get calls (NoSuchBucket) is left out.
 */
final class S3Collectors {
    private S3Collectors() {
    }

    static final int MAX_BUCKETS = 10000;

    /** GetBucketLocation's answer for the buckets of eu-west-1 created before it had its name. */
    private static final String LEGACY_EU = "EU";

    static final DatasetCollector<List<S3Bucket>> BUCKETS = new DatasetCollector<>() {
        @Override
        public Dataset<List<S3Bucket>> dataset() {
            return S3Datasets.BUCKETS;
        }

        @Override
        public List<String> actions() {
            return List.of("s3:ListAllMyBuckets", "s3:GetBucketLocation");
        }

        @Override
        public List<S3Bucket> collect(CollectionContext context) {
            var s3 = S3Clients.s3(context, S3Clients.ACCOUNT_REGION);
            List<Bucket> buckets = call("s3:ListAllMyBuckets", () ->
                    s3.listBucketsPaginator(r -> r.maxBuckets(MAX_BUCKETS)).buckets().stream().toList());
            return present(context.forEach(buckets, b -> call("s3:GetBucketLocation", () -> unlessGone(() ->
                    new S3Bucket(b.name(), regionOf(s3.getBucketLocation(r -> r.bucket(b.name()))
                            .locationConstraintAsString()), b.creationDate())))));
        }
    };

    /** A bucket's region from GetBucketLocation: none (or empty) for us-east-1, {@code EU} for eu-west-1. */
    static String regionOf(String locationConstraint) {
        if (locationConstraint == null || locationConstraint.isEmpty()) {
            return "us-east-1";
        }
        return LEGACY_EU.equals(locationConstraint) ? "eu-west-1" : locationConstraint;
    }

    static final DatasetCollector<PublicAccessBlock> ACCOUNT_PUBLIC_ACCESS_BLOCK = new DatasetCollector<>() {
        @Override
        public Dataset<PublicAccessBlock> dataset() {
            return S3Datasets.ACCOUNT_PUBLIC_ACCESS_BLOCK;
        }

        @Override
        public List<String> actions() {
            return List.of("s3:GetAccountPublicAccessBlock");
        }

        @Override
        public PublicAccessBlock collect(CollectionContext context) {
            String account = Objects.requireNonNull(context.account(), "the audited account is unknown");
            return call("s3:GetAccountPublicAccessBlock", () -> {
                try {
                    var c = S3Clients.s3Control(context).getPublicAccessBlock(r -> r.accountId(account))
                            .publicAccessBlockConfiguration();
                    return new PublicAccessBlock(true, on(c.blockPublicAcls()), on(c.ignorePublicAcls()),
                            on(c.blockPublicPolicy()), on(c.restrictPublicBuckets()));
                } catch (NoSuchPublicAccessBlockConfigurationException none) {
                    return PublicAccessBlock.NONE;
                }
            });
        }
    };

    static final DatasetCollector<List<BucketPublicAccessBlock>> BUCKET_PUBLIC_ACCESS_BLOCKS =
            new DatasetCollector<>() {
        @Override
        public Dataset<List<BucketPublicAccessBlock>> dataset() {
            return S3Datasets.BUCKET_PUBLIC_ACCESS_BLOCKS;
        }

        @Override
        public List<String> actions() {
            return List.of("s3:GetBucketPublicAccessBlock");
        }

        @Override
        public List<Dataset<?>> dependsOn() {
            return List.of(S3Datasets.BUCKETS, S3Datasets.ACCOUNT_PUBLIC_ACCESS_BLOCK);
        }

        @Override
        public List<BucketPublicAccessBlock> collect(CollectionContext context) {
            List<S3Bucket> buckets = context.dependency(S3Datasets.BUCKETS);
            if (context.dependency(S3Datasets.ACCOUNT_PUBLIC_ACCESS_BLOCK).allOn()) {
                // The account's block applies to every bucket: a bucket's own settings cannot weaken it.
                return buckets.stream().map(b -> new BucketPublicAccessBlock(b.name(), b.region(), null)).toList();
            }
            return present(context.forEach(buckets, b -> call("s3:GetBucketPublicAccessBlock", () -> unlessGone(() -> {
                PublicAccessBlock block;
                try {
                    PublicAccessBlockConfiguration c = S3Clients.s3(context, b.region())
                            .getPublicAccessBlock(r -> r.bucket(b.name())).publicAccessBlockConfiguration();
                    block = new PublicAccessBlock(true, on(c.blockPublicAcls()), on(c.ignorePublicAcls()),
                            on(c.blockPublicPolicy()), on(c.restrictPublicBuckets()));
                } catch (S3Exception e) {
                    if (!"NoSuchPublicAccessBlockConfiguration".equals(errorCode(e))) {
                        throw e;
                    }
                    block = PublicAccessBlock.NONE;
                }
                return new BucketPublicAccessBlock(b.name(), b.region(), block);
            }))));
        }
    };

    static final DatasetCollector<List<BucketVersioning>> BUCKET_VERSIONING = new DatasetCollector<>() {
        @Override
        public Dataset<List<BucketVersioning>> dataset() {
            return S3Datasets.BUCKET_VERSIONING;
        }

        @Override
        public List<String> actions() {
            return List.of("s3:GetBucketVersioning");
        }

        @Override
        public List<Dataset<?>> dependsOn() {
            return List.of(S3Datasets.BUCKETS);
        }

        @Override
        public List<BucketVersioning> collect(CollectionContext context) {
            return present(context.forEach(context.dependency(S3Datasets.BUCKETS),
                    b -> call("s3:GetBucketVersioning", () -> unlessGone(() -> {
                        GetBucketVersioningResponse v = S3Clients.s3(context, b.region())
                                .getBucketVersioning(r -> r.bucket(b.name()));
                        return new BucketVersioning(b.name(), b.region(), v.statusAsString(), v.mfaDeleteAsString());
                    }))));
        }
    };

    static final DatasetCollector<List<BucketLifecycle>> BUCKET_LIFECYCLE = new DatasetCollector<>() {
        @Override
        public Dataset<List<BucketLifecycle>> dataset() {
            return S3Datasets.BUCKET_LIFECYCLE;
        }

        @Override
        public List<String> actions() {
            return List.of("s3:GetLifecycleConfiguration");
        }

        @Override
        public List<Dataset<?>> dependsOn() {
            return List.of(S3Datasets.BUCKETS);
        }

        @Override
        public List<BucketLifecycle> collect(CollectionContext context) {
            return present(context.forEach(context.dependency(S3Datasets.BUCKETS),
                    b -> call("s3:GetLifecycleConfiguration", () -> unlessGone(() -> {
                        try {
                            return new BucketLifecycle(b.name(), b.region(), S3Clients.s3(context, b.region())
                                    .getBucketLifecycleConfiguration(r -> r.bucket(b.name())).rules().stream()
                                    .map(S3Collectors::rule).toList());
                        } catch (S3Exception e) {
                            if (!"NoSuchLifecycleConfiguration".equals(errorCode(e))) {
                                throw e;
                            }
                            return new BucketLifecycle(b.name(), b.region(), List.of());
                        }
                    }))));
        }
    };

    private static LifecycleRule rule(software.amazon.awssdk.services.s3.model.LifecycleRule r) {
        var noncurrent = r.noncurrentVersionExpiration();
        AbortIncompleteMultipartUpload abort = r.abortIncompleteMultipartUpload();
        return new LifecycleRule(r.id(), "Enabled".equals(r.statusAsString()), scope(r),
                noncurrent == null ? null : noncurrent.noncurrentDays() == null ? 0 : noncurrent.noncurrentDays(),
                abort == null ? null : abort.daysAfterInitiation() == null ? 0 : abort.daysAfterInitiation());
    }

    /** What a rule applies to, for evidence: {@code whole bucket}, {@code prefix logs/, tag env=dev}, .... */
    static String scope(software.amazon.awssdk.services.s3.model.LifecycleRule r) {
        LifecycleRuleFilter f = r.filter();
        LifecycleRuleAndOperator and = f == null ? null : f.and();
        String prefix = f == null ? r.prefix() : and != null ? and.prefix() : f.prefix();
        List<Tag> tags = and != null ? (and.hasTags() ? and.tags() : List.of())
                : f != null && f.tag() != null ? List.of(f.tag()) : List.of();
        Long over = and != null ? and.objectSizeGreaterThan() : f == null ? null : f.objectSizeGreaterThan();
        Long under = and != null ? and.objectSizeLessThan() : f == null ? null : f.objectSizeLessThan();
        List<String> parts = new ArrayList<>();
        if (prefix != null && !prefix.isEmpty()) {
            parts.add("prefix " + prefix);
        }
        tags.forEach(t -> parts.add("tag " + t.key() + "=" + t.value()));
        if (over != null) {
            parts.add("objects over " + over + " bytes");
        }
        if (under != null) {
            parts.add("objects under " + under + " bytes");
        }
        return parts.isEmpty() ? "whole bucket" : String.join(", ", parts);
    }

    /** The answer about a bucket, or null when the bucket is gone since the listing (NoSuchBucket). */
    private static <R> R unlessGone(Supplier<R> call) {
        try {
            return call.get();
        } catch (S3Exception e) {
            if (isGone(e)) {
                return null;
            }
            throw e;
        }
    }

    private static <T> List<T> present(List<T> items) {
        return items.stream().filter(Objects::nonNull).toList();
    }

    private static boolean isGone(S3Exception e) {
        return "NoSuchBucket".equals(errorCode(e));
    }

    private static String errorCode(S3Exception e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    /** An absent flag is off. */
    private static boolean on(Boolean flag) {
        return Boolean.TRUE.equals(flag);
    }
}
