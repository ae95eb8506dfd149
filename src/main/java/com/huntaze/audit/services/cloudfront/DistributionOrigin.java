package com.huntaze.audit.services.cloudfront;

/**
 * One origin of a distribution.
 *
 * @param id         its id within the distribution (what cache behaviors target)
 * @param domainName the domain CloudFront fetches from
 * @param type       {@code s3} (an S3OriginConfig), {@code vpc} (a VPC origin) or {@code custom}
 */
public record DistributionOrigin(String id, String domainName, String type) {
}
