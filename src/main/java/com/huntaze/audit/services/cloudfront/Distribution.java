package com.huntaze.audit.services.cloudfront;

import java.util.List;

/**
 * A CloudFront distribution, from GetDistribution (ListDistributions' summaries are not enough: moto's carry only
 * ids). Custom origin headers are not kept: they often hold a shared secret the origin checks.
 *
 * @param id          its id, {@code E...}
 * @param domainName  its own domain, {@code dxxxx.cloudfront.net}
 * @param aliases     the alternate domain names (CNAMEs) it serves
 * @param enabled     whether it serves requests
 * @param status      {@code Deployed} or {@code InProgress}
 * @param origins     where it fetches content from
 * @param behaviors   the default cache behavior first (path pattern {@code *}), then the ordered ones in order
 * @param certificate the viewer certificate (null when the answer has none)
 */
public record Distribution(
        String id,
        String arn,
        String domainName,
        List<String> aliases,
        boolean enabled,
        String status,
        List<DistributionOrigin> origins,
        List<CacheBehavior> behaviors,
        ViewerCertificate certificate) {

    public Distribution {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        origins = origins == null ? List.of() : List.copyOf(origins);
        behaviors = behaviors == null ? List.of() : List.copyOf(behaviors);
    }
}
