package com.huntaze.audit.services.cloudfront;

import java.util.ArrayList;
import java.util.List;

/** Distributions a test changes one part of: {@code distribution("E1").origin("web", "x.example").build()}. */
final class CloudFrontFixtures {
    private CloudFrontFixtures() {
    }

    static final String ACM_ARN = "arn:aws:acm:us-east-1:123456789012:certificate/3f9a1c52-7d4e-4b8a-9e21-6c0d5b7a8f13";

    /**
     * An enabled distribution with an ACM certificate (TLSv1.2_2021), no origin, and a default cache behavior that
     * redirects to HTTPS.
     */
    static Builder distribution(String id) {
        return new Builder(id);
    }

    static final class Builder {
        private final String id;
        private final List<String> aliases = new ArrayList<>();
        private final List<DistributionOrigin> origins = new ArrayList<>();
        private final List<CacheBehavior> behaviors = new ArrayList<>();
        private String defaultPolicy = "redirect-to-https";
        private boolean enabled = true;
        private ViewerCertificate certificate = new ViewerCertificate(ACM_ARN, null, "TLSv1.2_2021", "sni-only");

        private Builder(String id) {
            this.id = id;
        }

        Builder alias(String alias) { aliases.add(alias); return this; }
        Builder origin(String originId, String domain) { origins.add(new DistributionOrigin(originId, domain, "custom")); return this; }
        Builder s3Origin(String originId, String domain) { origins.add(new DistributionOrigin(originId, domain, "s3")); return this; }
        Builder defaultPolicy(String policy) { defaultPolicy = policy; return this; }
        Builder behavior(String pathPattern, String policy) { behaviors.add(new CacheBehavior(pathPattern, policy, "web")); return this; }
        Builder disabled() { enabled = false; return this; }
        Builder certificate(ViewerCertificate value) { certificate = value; return this; }
        Builder tls(String minimumProtocolVersion) {
            certificate = new ViewerCertificate(ACM_ARN, null, minimumProtocolVersion, "sni-only");
            return this;
        }
        /** CloudFront's own *.cloudfront.net certificate (AWS reports TLSv1 for it). */
        Builder defaultCertificate() { certificate = new ViewerCertificate(null, null, "TLSv1", "vip"); return this; }

        Distribution build() {
            List<CacheBehavior> all = new ArrayList<>();
            all.add(new CacheBehavior(CacheBehavior.DEFAULT_PATH, defaultPolicy, "web"));
            all.addAll(behaviors);
            return new Distribution(id, "arn:aws:cloudfront::123456789012:distribution/" + id,
                    id.toLowerCase() + ".cloudfront.net", aliases, enabled, "Deployed", origins, all, certificate);
        }
    }
}
