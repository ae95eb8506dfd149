package com.huntaze.audit.services.s3;

import java.util.List;

/**
 * A bucket's lifecycle rules (GetBucketLifecycleConfiguration); none when it has no configuration
 * (NoSuchLifecycleConfiguration).
 */
public record BucketLifecycle(String bucket, String region, List<LifecycleRule> rules) {

    public BucketLifecycle {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /**
     * One rule, reduced to what the checks read.
     *
     * @param scope                         what it applies to: {@code whole bucket}, {@code prefix logs/}, ...
     * @param noncurrentVersionExpirationDays NoncurrentVersionExpiration's NoncurrentDays, or null without one
     * @param abortIncompleteMultipartUploadDays AbortIncompleteMultipartUpload's DaysAfterInitiation, or null
     */
    public record LifecycleRule(String id, boolean enabled, String scope, Integer noncurrentVersionExpirationDays,
                                Integer abortIncompleteMultipartUploadDays) {
    }
}
