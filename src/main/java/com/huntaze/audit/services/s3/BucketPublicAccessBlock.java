package com.huntaze.audit.services.s3;

/**
 * A bucket's own Block Public Access settings (S3 GetPublicAccessBlock).
 *
 * @param block the bucket's settings ({@link PublicAccessBlock#NONE} when it has none); null when not asked: with
 *              all four settings on at the account level the bucket's own cannot change what applies
 */
public record BucketPublicAccessBlock(String bucket, String region, PublicAccessBlock block) {
}
