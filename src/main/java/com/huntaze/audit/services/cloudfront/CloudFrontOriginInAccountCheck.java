package com.huntaze.audit.services.cloudfront;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.CheckSelection;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.engine.SettingsSection;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.inventory.Dataset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * cloudfront.origin-in-account: every origin of every distribution is a resource this account owns and the audit
 * sees, or an external origin the config file allows ({@code cloudfront.allowedOrigins}). One finding per
 * distribution (global), the worst of its origins:
 * <ul>
 *   <li>OK: the domain is one a contributing service names ({@link OriginOwners}: load balancers' DNS names, Amplify
 *       apps' default and branch domains, ...), or matches an allowed glob;</li>
 *   <li>NOK "origin NAME is outside this account": any other domain, including one shaped like a contributor's
 *       resources (an ELB DNS name, an {@code amplifyapp.com} domain) that none of its listed resources has;</li>
 *   <li>TODO: a domain shaped like a contributor's that names a region this audit did not read; and the AWS-shaped
 *       domains of services that contribute nothing yet (S3 buckets, Lambda function URLs, API Gateway): "S3 bucket
 *       NAME not verified: the bucket list is not read", until their module contributes an {@link OriginOwners}.</li>
 * </ul>
 */
public final class CloudFrontOriginInAccountCheck implements Check {

    /**
     * An AWS-shaped origin no contribution covers yet: TODO with the message {@code notVerified} gives, and
     * {@code byHand} saying how to verify it by hand.
     */
    private record Unread(List<String> shapes, Function<String, String> notVerified, Function<String, String> byHand) {
    }

    private static final List<Unread> UNREAD = List.of(
            new Unread(List.of("*.s3.amazonaws.com", "*.s3.*.amazonaws.com", "*.s3-*.amazonaws.com",
                    "*.s3.amazonaws.com.cn", "*.s3.*.amazonaws.com.cn", "*.s3-*.amazonaws.com.cn"),
                    domain -> "S3 bucket " + bucketOf(domain) + " not verified: the bucket list is not read",
                    domain -> "aws s3api get-bucket-location --bucket " + bucketOf(domain) + " --expected-bucket-owner"
                            + " ACCOUNT_ID answers only if the bucket is that account's."),
            new Unread(List.of("*.lambda-url.*.on.aws"),
                    domain -> "Lambda function URL " + domain + " not verified: the function list is not read",
                    domain -> "aws lambda list-functions, then aws lambda get-function-url-config --function-name NAME,"
                            + " must show a function of this account with this URL."),
            new Unread(List.of("*.execute-api.*.amazonaws.com", "*.execute-api.*.amazonaws.com.cn"),
                    domain -> "API Gateway domain " + domain + " not verified: the API list is not read",
                    domain -> "aws apigateway get-rest-apis or aws apigatewayv2 get-apis (in "
                            + regionIn(domain).orElse("its region") + ") must list the API id "
                            + domain.substring(0, domain.indexOf('.')) + "."));

    /** A region name inside a domain: {@code us-east-1}, {@code eu-west-3}, {@code us-gov-west-1}. */
    private static final Pattern REGION = Pattern.compile("(?<![a-z0-9])([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\\d)"
            + "(?![a-z0-9])");

    private final List<OriginOwners> owners;

    /** @param owners what the services contribute: the kinds of resources an origin can be */
    public CloudFrontOriginInAccountCheck(List<OriginOwners> owners) {
        this.owners = List.copyOf(owners);
    }

    @Override
    public String id() {
        return "cloudfront.origin-in-account";
    }

    @Override
    public Scope scope() {
        return Scope.GLOBAL;
    }

    @Override
    public Set<Dataset<?>> requires() {
        Set<Dataset<?>> all = new LinkedHashSet<>();
        all.add(CloudFrontDatasets.DISTRIBUTIONS);
        owners.forEach(o -> all.addAll(o.requires()));
        return all;
    }

    @Override
    public List<SettingsSection<?>> settings() {
        return List.of(CloudFrontSettings.SECTION);
    }

    /** What one origin was found to be; {@code byHand}, for a TODO, how to verify it. */
    private record Verdict(Status status, String note, String problem, String byHand) {
        Verdict(Status status, String note, String problem) {
            this(status, note, problem, null);
        }
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        CloudFrontSettings settings = ctx.settings(CloudFrontSettings.SECTION);
        Map<OriginOwners, Map<String, String>> owned = new LinkedHashMap<>();
        for (OriginOwners o : owners) {
            owned.put(o, o.owned().apply(ctx));
        }
        Set<String> audited = auditedRegions(ctx);
        List<Finding> findings = new ArrayList<>();
        for (Distribution d : ctx.get(CloudFrontDatasets.DISTRIBUTIONS)) {
            findings.add(judge(ctx, d, settings, owned, audited));
        }
        return findings;
    }

    private Finding judge(CheckContext ctx, Distribution d, CloudFrontSettings settings,
                          Map<OriginOwners, Map<String, String>> owned, Set<String> audited) {
        List<String> origins = new ArrayList<>();
        List<String> described = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> notVerified = new ArrayList<>();
        List<String> byHand = new ArrayList<>();
        for (DistributionOrigin origin : d.origins()) {
            String domain = normalize(origin.domainName());
            Verdict verdict = verdict(domain, settings, owned, audited);
            described.add(domain + " (" + verdict.note() + ")");
            origins.add(origin.id() + ": " + described.get(described.size() - 1));
            if (verdict.status() == Status.NOK) {
                outside.add(domain);
                problems.add(verdict.problem());
            } else if (verdict.status() == Status.TODO) {
                notVerified.add(verdict.problem());
                byHand.add(verdict.byHand());
            }
        }
        Map<String, Object> evidence = Evidence.of("DomainName", d.domainName(),
                "Aliases", d.aliases().isEmpty() ? null : d.aliases(),
                "Enabled", d.enabled(),
                "Origins", origins,
                "Outside", outside.isEmpty() ? null : outside,
                "NotVerified", notVerified.isEmpty() ? null : notVerified,
                "AllowedOrigins", settings.allowedOrigins().isEmpty() ? null : settings.allowedOrigins());
        if (!outside.isEmpty()) {
            String message;
            if (outside.size() == 1) {
                message = "Origin " + outside.get(0) + " is outside this account: " + problems.get(0) + ". CloudFront"
                        + " serves whatever that server answers under this distribution's domains.";
            } else {
                List<String> each = new ArrayList<>();
                for (int i = 0; i < outside.size(); i++) {
                    each.add(outside.get(i) + ": " + problems.get(i));
                }
                message = "Origins " + String.join(", ", outside) + " are outside this account (" + String.join("; ",
                        each) + "). CloudFront serves whatever those servers answer under this distribution's"
                        + " domains.";
            }
            return ctx.nok(d.id(), d.arn(), message, evidence);
        }
        if (!notVerified.isEmpty()) {
            return ctx.todo(d.id(), d.arn(), capitalize(String.join("; ", notVerified)) + ".", evidence)
                    .withRemediation("Verify by hand: " + String.join(" ", byHand));
        }
        if (d.origins().isEmpty()) {
            return ctx.ok(d.id(), d.arn(), "No origin.", evidence);
        }
        return ctx.ok(d.id(), d.arn(), (d.origins().size() == 1 ? "Its origin is " : "Its origins are ")
                + String.join(", ", described) + ".",
                evidence);
    }

    private Verdict verdict(String domain, CloudFrontSettings settings, Map<OriginOwners, Map<String, String>> owned,
                            Set<String> audited) {
        for (Map<String, String> names : owned.values()) {
            String resource = names.get(domain);
            if (resource != null) {
                return new Verdict(Status.OK, resource, null);
            }
        }
        Optional<String> allowed = settings.allowing(domain);
        if (allowed.isPresent()) {
            return new Verdict(Status.OK, "allowed external origin: cloudfront.allowedOrigins " + allowed.get(), null);
        }
        for (OriginOwners o : owned.keySet()) {
            if (matchesAny(o.shapes(), domain)) {
                Optional<String> region = regionIn(domain);
                if (o.regionInDomain() && region.isPresent() && !audited.isEmpty() && !audited.contains(region.get())) {
                    return new Verdict(Status.TODO, o.kind() + " in " + region.get() + ", not audited", "origin "
                            + domain + " is a " + o.kind() + " in " + region.get() + ", a region this audit did not"
                            + " read", "run the audit with --region " + region.get() + " too: " + domain
                            + " must then be one of its " + o.kind() + "s.");
                }
                return new Verdict(Status.NOK, "outside this account", "no " + o.kind() + " of the audited regions"
                        + (audited.isEmpty() ? "" : " (" + String.join(", ", audited) + ")") + " has this domain");
            }
        }
        for (Unread unread : UNREAD) {
            if (matchesAny(unread.shapes(), domain)) {
                return new Verdict(Status.TODO, "not verified", unread.notVerified().apply(domain),
                        unread.byHand().apply(domain));
            }
        }
        return new Verdict(Status.NOK, "outside this account", "no resource this audit sees has this domain");
    }

    /** The regions the regional contributions were read in, in the order given. */
    private Set<String> auditedRegions(CheckContext ctx) {
        Set<String> regions = new LinkedHashSet<>();
        for (OriginOwners o : owners) {
            for (Dataset<?> dataset : o.requires()) {
                if (dataset.scope() == Scope.REGIONAL) {
                    regions.addAll(ctx.inEveryRegion(dataset).keySet());
                }
            }
        }
        return regions;
    }

    private static boolean matchesAny(List<String> globs, String domain) {
        return globs.stream().anyMatch(g -> CheckSelection.glob(g).matcher(domain).matches());
    }

    static Optional<String> regionIn(String domain) {
        Matcher m = REGION.matcher(domain);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The bucket of a virtual-hosted S3 domain: what comes before its last {@code .s3.} or {@code .s3-}. */
    static String bucketOf(String domain) {
        int at = Math.max(domain.lastIndexOf(".s3."), domain.lastIndexOf(".s3-"));
        return at > 0 ? domain.substring(0, at) : domain;
    }

    /** Lower case, without a trailing dot. */
    static String normalize(String domain) {
        String name = domain == null ? "" : domain.strip().toLowerCase(Locale.ROOT);
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
