package com.huntaze.audit.services.route53;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.pricing.Price;
import com.huntaze.audit.pricing.PriceTable;
import com.huntaze.audit.services.Idle;
import com.huntaze.audit.services.cloudwatch.CloudWatchAlarms;
import com.huntaze.audit.services.cloudwatch.CloudWatchDatasets;
import com.huntaze.audit.services.cloudwatch.MetricAlarm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * route53.health-checks (global): in every public hosted zone, each PRIMARY failover record has a health check that
 * exists, and no record names a deleted one; each health check has a CloudWatch alarm on its HealthCheckStatus
 * (namespace AWS/Route53, dimension HealthCheckId), which Route 53 publishes in us-east-1 only. A health check that
 * no record uses and no alarm watches is NOK (cost): "unused health check", saving its monthly price.
 *
 * <p>The alarms are read from the {@code cloudwatch.alarms} dataset of us-east-1, so only when us-east-1 is an
 * audited region; otherwise each health check is TODO (the records are judged all the same).
 */
public final class Route53HealthChecksCheck implements Check {

    static final String ALARM_REGION = "us-east-1";
    static final String NAMESPACE = "AWS/Route53";
    static final String METRIC = "HealthCheckStatus";
    static final String DIMENSION = "HealthCheckId";
    static final String HEALTH_CHECK_TYPE = "AWS::Route53::HealthCheck";

    /** Health checks that test no endpoint of the account's own, priced as the cheaper (AWS endpoint) figure. */
    private static final Set<String> NOT_ENDPOINTS = Set.of("CALCULATED", "CLOUDWATCH_METRIC", "RECOVERY_CONTROL");
    private static final List<String> AWS_DOMAINS = List.of(".amazonaws.com", ".cloudfront.net",
            ".awsglobalaccelerator.com", ".on.aws");

    @Override
    public String id() {
        return "route53.health-checks";
    }

    @Override
    public Scope scope() {
        return Scope.GLOBAL;
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(Route53Datasets.HOSTED_ZONES, Route53Datasets.HEALTH_CHECKS, CloudWatchDatasets.ALARMS);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        List<Route53HostedZone> zones = ctx.get(Route53Datasets.HOSTED_ZONES);
        Map<String, Route53HealthCheck> checks = ctx.get(Route53Datasets.HEALTH_CHECKS).stream()
                .collect(Collectors.toMap(Route53HealthCheck::id, Function.identity(), (a, b) -> a, TreeMap::new));
        List<Finding> findings = new ArrayList<>();
        for (Route53HostedZone zone : zones) {
            if (!zone.privateZone()) {
                zone.records().forEach(r -> judgeRecord(ctx, zone, r, checks).ifPresent(findings::add));
            }
        }
        CloudWatchAlarms alarms = ctx.inEveryRegion(CloudWatchDatasets.ALARMS).get(ALARM_REGION);
        Map<String, Set<String>> usedBy = usedBy(zones, checks.values());
        for (Route53HealthCheck check : checks.values()) {
            findings.add(judgeHealthCheck(ctx, check, usedBy.getOrDefault(check.id(), Set.of()), alarms));
        }
        return findings;
    }

    private static Optional<Finding> judgeRecord(CheckContext ctx, Route53HostedZone zone,
                                                 Route53HostedZone.Record r, Map<String, Route53HealthCheck> checks) {
        var evidence = Evidence.of(
                "HostedZone", zone.name() + " (" + zone.id() + ")",
                "Type", r.type(),
                "SetIdentifier", r.setIdentifier(),
                "Failover", r.failover(),
                "HealthCheckId", r.healthCheckId());
        boolean primary = "PRIMARY".equals(r.failover());
        if (r.healthCheckId() != null && !checks.containsKey(r.healthCheckId())) {
            return Optional.of(ctx.nok(r.name(), null, "Names health check " + r.healthCheckId() + ", which does not"
                    + " exist (deleted?): Route 53 treats the record as " + (primary
                    ? "always healthy, so it never fails over to the secondary."
                    : "always healthy, so it keeps answering with it when its target is down."), evidence));
        }
        if (!primary) {
            return Optional.empty();
        }
        if (r.healthCheckId() == null) {
            return Optional.of(ctx.nok(r.name(), null, "Primary failover record without a health check: Route 53"
                    + " keeps answering with it when its target is down and never fails over to the secondary.",
                    evidence));
        }
        return Optional.of(ctx.ok(r.name(), null, "Primary failover record, health-checked by " + r.healthCheckId()
                + ".", evidence));
    }

    /** Health check id → what uses it: "record NAME (TYPE) in ZONE", "calculated health check ID". */
    private static Map<String, Set<String>> usedBy(List<Route53HostedZone> zones,
                                                   Iterable<Route53HealthCheck> checks) {
        Map<String, Set<String>> usedBy = new LinkedHashMap<>();
        for (Route53HostedZone zone : zones) {
            for (Route53HostedZone.Record r : zone.records()) {
                if (r.healthCheckId() != null) {
                    usedBy.computeIfAbsent(r.healthCheckId(), k -> new TreeSet<>()).add("record " + r.name() + " ("
                            + r.type() + ") in " + (zone.privateZone() ? "private zone " : "") + zone.name());
                }
            }
        }
        for (Route53HealthCheck check : checks) {
            for (String child : check.childHealthChecks()) {
                usedBy.computeIfAbsent(child, k -> new TreeSet<>()).add("calculated health check " + check.id());
            }
        }
        return usedBy;
    }

    private static Finding judgeHealthCheck(CheckContext ctx, Route53HealthCheck check, Set<String> usedBy,
                                            CloudWatchAlarms alarms) {
        List<String> watching = alarms == null ? List.of() : alarms.metricAlarms().stream()
                .filter(a -> watches(a, check.id())).map(MetricAlarm::name).sorted().toList();
        Map<String, Object> evidence = new LinkedHashMap<>(Evidence.of(
                "Type", check.type(),
                "Endpoint", endpoint(check),
                "Disabled", check.disabled() ? true : null,
                "UsedBy", usedBy.isEmpty() ? null : List.copyOf(usedBy),
                "LinkedService", check.linkedServicePrincipal(),
                "Alarms", alarms == null ? null : watching));
        if (check.linkedServicePrincipal() != null) {
            return healthCheck(ctx.ok(check.id(), check.arn(), "Created and managed by "
                    + check.linkedServicePrincipal() + ", which uses it.", evidence));
        }
        if (alarms == null) {
            return healthCheck(ctx.todo(check.id(), check.arn(), "Its alarms cannot be read: Route 53 publishes"
                    + " HealthCheckStatus in us-east-1 only, and us-east-1 is not an audited region"
                    + (usedBy.isEmpty() ? " (no record uses it either)." : "."), evidence)
                    .withRemediation("Audit us-east-1 too (--region us-east-1,...) so its alarms are read."));
        }
        String uses = usedBy.isEmpty() ? "no record uses it" : "used by " + usedBy.size()
                + (usedBy.size() == 1 ? " record or check" : " records or checks");
        if (!watching.isEmpty()) {
            return healthCheck(ctx.ok(check.id(), check.arn(), "Watched by alarm " + String.join(", ", watching)
                    + " (" + uses + ").", evidence));
        }
        if (!usedBy.isEmpty()) {
            return healthCheck(ctx.nok(check.id(), check.arn(), "No CloudWatch alarm on its HealthCheckStatus: when"
                    + " it fails, Route 53 reroutes traffic but nobody is told (" + uses + ").", evidence));
        }
        return unused(ctx, check, evidence);
    }

    private static Finding unused(CheckContext ctx, Route53HealthCheck check, Map<String, Object> evidence) {
        String priced = pricedAs(check);
        Optional<Price> price = ctx.prices().price(ALARM_REGION, Route53AuditService.HEALTH_CHECK_MONTH, priced);
        double savings = 0;
        if (price.isPresent()) {
            savings = price.get().usd();
            evidence.put("PricedAs", priced + (check.fullyQualifiedDomainName() == null && check.ipAddress() != null
                    ? " (an IP address: it may be a non-AWS endpoint, which costs more)" : ""));
            evidence.put("Estimate", Idle.usd(savings) + "/health-check-month = " + Idle.monthly(savings)
                    + " (basic health check; HTTPS, string matching, fast interval and latency cost extra)");
            evidence.put("PriceSource", price.get().sourceNote());
        } else {
            evidence.put("Price", PriceTable.unknownNote(Route53AuditService.HEALTH_CHECK_MONTH, priced));
        }
        return healthCheck(ctx.nok(check.id(), check.arn(), "Unused health check: no record uses it and no alarm"
                + " watches it, yet it is billed every month.", evidence)).withSavings(savings);
    }

    /** Whether {@code alarm} watches the HealthCheckStatus of health check {@code id} (itself or in metric math). */
    static boolean watches(MetricAlarm alarm, String id) {
        return alarm.watchedMetrics().stream().anyMatch(m -> NAMESPACE.equals(m.namespace())
                && METRIC.equals(m.metricName()) && id.equals(m.dimensions().get(DIMENSION)));
    }

    /** The price type: {@code aws-endpoint} or {@code non-aws-endpoint}. */
    static String pricedAs(Route53HealthCheck check) {
        String fqdn = check.fullyQualifiedDomainName();
        if (check.type() != null && NOT_ENDPOINTS.contains(check.type()) || fqdn == null) {
            return "aws-endpoint";
        }
        String host = fqdn.toLowerCase(Locale.ROOT);
        return AWS_DOMAINS.stream().anyMatch(host::endsWith) ? "aws-endpoint" : "non-aws-endpoint";
    }

    private static String endpoint(Route53HealthCheck check) {
        String host = check.fullyQualifiedDomainName() != null ? check.fullyQualifiedDomainName() : check.ipAddress();
        if (host == null) {
            return null;
        }
        return host + (check.port() == null ? "" : ":" + check.port())
                + (check.resourcePath() == null ? "" : check.resourcePath());
    }

    private static Finding healthCheck(Finding finding) {
        return finding.withResourceType(HEALTH_CHECK_TYPE);
    }
}
