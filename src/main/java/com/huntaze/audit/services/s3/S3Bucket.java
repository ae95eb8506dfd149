package com.huntaze.audit.services.s3;

import java.time.Instant;

/**
 * A bucket of the account, from ListBuckets (listed account-wide), with its region from GetBucketLocation.
 *
 * @param region where the bucket lives (GetBucketLocation's empty answer is us-east-1, its {@code EU} eu-west-1):
 *               also outside the audited regions
 */
public record S3Bucket(String name, String region, Instant created) {

    /** The ARN of the bucket named {@code name}. */
    public static String arn(String name) {
        return "arn:aws:s3:::" + name;
    }
}
