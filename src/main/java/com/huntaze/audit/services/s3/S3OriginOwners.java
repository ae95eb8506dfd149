package com.huntaze.audit.services.s3;

import com.huntaze.audit.services.cloudfront.OriginOwners;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What {@code cloudfront.origin-in-account} accepts of S3: the endpoints of each bucket of the account (ListBuckets is
 * account-wide, so an S3-shaped origin no bucket of the list has is outside the account): the global and regional
 * REST endpoints ({@code BUCKET.s3.amazonaws.com}, {@code BUCKET.s3.REGION.amazonaws.com}, the legacy
 * {@code BUCKET.s3-REGION.amazonaws.com}, dual-stack) and the website endpoints ({@code BUCKET.s3-website-REGION...},
 * {@code BUCKET.s3-website.REGION...}).
 */
final class S3OriginOwners {
    private S3OriginOwners() {
    }

    static final OriginOwners BUCKETS = new OriginOwners("S3 bucket", Set.of(S3Datasets.BUCKETS),
            List.of("*.s3.amazonaws.com", "*.s3.*.amazonaws.com", "*.s3-*.amazonaws.com",
                    "*.s3.amazonaws.com.cn", "*.s3.*.amazonaws.com.cn", "*.s3-*.amazonaws.com.cn"), false, ctx -> {
                Map<String, String> domains = new LinkedHashMap<>();
                for (S3Bucket bucket : ctx.get(S3Datasets.BUCKETS)) {
                    String name = bucket.name().toLowerCase(Locale.ROOT);
                    String region = bucket.region() == null ? "us-east-1" : bucket.region();
                    String suffix = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
                    String what = "S3 bucket " + bucket.name() + " (" + region + ")";
                    for (String endpoint : List.of("s3", "s3." + region, "s3-" + region, "s3.dualstack." + region,
                            "s3-website-" + region, "s3-website." + region)) {
                        domains.putIfAbsent(name + "." + endpoint + "." + suffix, what);
                    }
                }
                return domains;
            });
}
