package com.huntaze.audit.services.cloudfront;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.inventory.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * cloudfront.viewer-https: viewers reach each distribution over HTTPS only, with a modern TLS policy. One finding per
 * distribution (global):
 * <ul>
 *   <li>every cache behavior (the default one, {@code *}, and each ordered one, by path pattern) has the viewer
 *       protocol policy {@code redirect-to-https} or {@code https-only}; {@code allow-all} serves HTTP too;</li>
 *   <li>a custom certificate (ACM or IAM) has the security policy TLSv1.2_2019 or newer (TLSv1.2_2019,
 *       TLSv1.2_2021, TLSv1.2_2025, TLSv1.3_2025); SSLv3, TLSv1, TLSv1_2016, TLSv1.1_2016 and TLSv1.2_2018 accept
 *       protocols or ciphers that are broken or deprecated. A policy this check does not know is newer than these
 *       (AWS only adds stricter ones) and is OK. With CloudFront's default certificate ({@code *.cloudfront.net})
 *       the policy is CloudFront's own and cannot be set: it is not judged, and the evidence says so.</li>
 * </ul>
 */
public final class CloudFrontViewerHttpsCheck implements Check {

    static final Set<String> HTTPS_POLICIES = Set.of("redirect-to-https", "https-only");

    /** The security policies older than TLSv1.2_2019. */
    static final Set<String> OUTDATED_TLS = Set.of("SSLv3", "TLSv1", "TLSv1_2016", "TLSv1.1_2016", "TLSv1.2_2018");

    @Override
    public String id() {
        return "cloudfront.viewer-https";
    }

    @Override
    public Scope scope() {
        return Scope.GLOBAL;
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(CloudFrontDatasets.DISTRIBUTIONS);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        return ctx.get(CloudFrontDatasets.DISTRIBUTIONS).stream().map(d -> judge(ctx, d)).toList();
    }

    private static Finding judge(CheckContext ctx, Distribution d) {
        List<String> behaviors = new ArrayList<>();
        List<String> clearText = new ArrayList<>();
        for (CacheBehavior b : d.behaviors()) {
            behaviors.add(b.label() + ": " + b.viewerProtocolPolicy());
            if (!HTTPS_POLICIES.contains(b.viewerProtocolPolicy())) {
                clearText.add(b.label());
            }
        }
        ViewerCertificate certificate = d.certificate();
        boolean custom = certificate != null && certificate.custom();
        String policy = certificate == null ? null : certificate.minimumProtocolVersion();
        boolean outdated = custom && (policy == null || OUTDATED_TLS.contains(policy));
        Map<String, Object> evidence = Evidence.of("DomainName", d.domainName(),
                "Aliases", d.aliases().isEmpty() ? null : d.aliases(),
                "ViewerProtocolPolicies", behaviors,
                "Certificate", certificate == null ? "CloudFront default" : certificate.source(),
                "MinimumProtocolVersion", custom ? (policy == null ? "not reported" : policy) : null,
                "SSLSupportMethod", custom ? certificate.sslSupportMethod() : null,
                "Note", custom ? null : "CloudFront default certificate (*.cloudfront.net): its TLS policy is"
                        + " CloudFront's and cannot be set, so it is not judged");
        List<String> problems = new ArrayList<>();
        if (!clearText.isEmpty()) {
            problems.add((clearText.size() == 1 ? "Cache behavior " + clearText.get(0) + " allows"
                    : "Cache behaviors " + String.join(", ", clearText) + " allow") + " HTTP (viewer protocol policy "
                    + String.join(", ", d.behaviors().stream().filter(b -> clearText.contains(b.label()))
                    .map(CacheBehavior::viewerProtocolPolicy).distinct().toList())
                    + "): pages, cookies and tokens can travel in clear text");
        }
        if (outdated) {
            problems.add(policy == null ? "The custom certificate's security policy is not reported"
                    : "The custom certificate's security policy " + policy + " is older than TLSv1.2_2019: it still"
                    + " accepts protocols or ciphers that are broken or deprecated");
        }
        if (!problems.isEmpty()) {
            return ctx.nok(d.id(), d.arn(), String.join("; ", problems) + ".", evidence);
        }
        return ctx.ok(d.id(), d.arn(), "Every cache behavior is HTTPS-only or redirects to HTTPS"
                + (custom ? "; security policy " + policy + "." : "; CloudFront default certificate."), evidence);
    }
}
