package com.huntaze.audit.services.route53;

import static com.huntaze.audit.collection.AwsCalls.call;

import com.huntaze.audit.collection.CollectionContext;
import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.Route53ClientBuilder;
import software.amazon.awssdk.services.route53.model.HealthCheck;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * Route 53 (global: collected once per audit, through the us-east-1 endpoint): ListHostedZones (100 per page, its
 * maximum), then ListResourceRecordSets per zone, fanned out (300 per page, its maximum), keeping only the records
 * with a Failover value or a HealthCheckId; and ListHealthChecks (1000 per page, its maximum). Private zones are read
 * too: a health check that only a private zone's record uses is not unused.
 */
final class Route53Collectors {
    private Route53Collectors() {
    }

    /** Route 53 is global; its API answers in us-east-1 (where its CloudWatch metrics are, too). */
    static final String CLIENT_REGION = "us-east-1";

    static final ServiceClient<Route53Client, Route53ClientBuilder> ROUTE53 =
            ServiceClient.inRegion("route53", CLIENT_REGION, Route53Client::builder);

    static final String ZONES_PAGE_SIZE = "100";
    static final String RECORDS_PAGE_SIZE = "300";
    static final String HEALTH_CHECKS_PAGE_SIZE = "1000";

    static final DatasetCollector<List<Route53HostedZone>> HOSTED_ZONES = new DatasetCollector<>() {
        @Override
        public Dataset<List<Route53HostedZone>> dataset() {
            return Route53Datasets.HOSTED_ZONES;
        }

        @Override
        public List<String> actions() {
            return List.of("route53:ListHostedZones", "route53:ListResourceRecordSets");
        }

        @Override
        public List<Route53HostedZone> collect(CollectionContext context) {
            Route53Client route53 = route53(context);
            List<HostedZone> zones = call("route53:ListHostedZones", () -> route53
                    .listHostedZonesPaginator(r -> r.maxItems(ZONES_PAGE_SIZE)).hostedZones().stream().toList());
            return context.forEach(zones, zone -> new Route53HostedZone(
                    zone.id().replaceFirst("^/hostedzone/", ""),
                    name(zone.name()),
                    zone.config() != null && Boolean.TRUE.equals(zone.config().privateZone()),
                    call("route53:ListResourceRecordSets", () -> route53
                            .listResourceRecordSetsPaginator(r -> r.hostedZoneId(zone.id()).maxItems(RECORDS_PAGE_SIZE))
                            .resourceRecordSets().stream()
                            .filter(s -> s.failover() != null || s.healthCheckId() != null)
                            .map(Route53Collectors::record)
                            .toList())));
        }
    };

    static final DatasetCollector<List<Route53HealthCheck>> HEALTH_CHECKS = new DatasetCollector<>() {
        @Override
        public Dataset<List<Route53HealthCheck>> dataset() {
            return Route53Datasets.HEALTH_CHECKS;
        }

        @Override
        public List<String> actions() {
            return List.of("route53:ListHealthChecks");
        }

        @Override
        public List<Route53HealthCheck> collect(CollectionContext context) {
            return call("route53:ListHealthChecks", () -> route53(context)
                    .listHealthChecksPaginator(r -> r.maxItems(HEALTH_CHECKS_PAGE_SIZE)).healthChecks().stream()
                    .map(Route53Collectors::healthCheck)
                    .toList());
        }
    };

    private static Route53Client route53(CollectionContext context) {
        return context.client(ROUTE53);
    }

    private static Route53HostedZone.Record record(ResourceRecordSet set) {
        return new Route53HostedZone.Record(name(set.name()), set.typeAsString(), set.setIdentifier(),
                set.failoverAsString(), set.healthCheckId());
    }

    private static Route53HealthCheck healthCheck(HealthCheck check) {
        var config = check.healthCheckConfig();
        return new Route53HealthCheck(
                check.id(),
                config == null ? null : config.typeAsString(),
                config == null ? null : config.fullyQualifiedDomainName(),
                config == null ? null : config.ipAddress(),
                config == null ? null : config.port(),
                config == null ? null : config.resourcePath(),
                config != null && Boolean.TRUE.equals(config.disabled()),
                config == null ? List.of() : config.childHealthChecks(),
                check.linkedService() == null ? null : check.linkedService().servicePrincipal());
    }

    private static final Pattern OCTAL_ESCAPE = Pattern.compile("\\\\(\\d{3})");

    /**
     * A DNS name as people write it: without the trailing dot, Route 53's octal escapes decoded ({@code \052} is the
     * {@code *} of a wildcard record).
     */
    static String name(String dnsName) {
        if (dnsName == null) {
            return null;
        }
        String name = dnsName.endsWith(".") ? dnsName.substring(0, dnsName.length() - 1) : dnsName;
        Matcher escape = OCTAL_ESCAPE.matcher(name);
        StringBuilder decoded = new StringBuilder();
        while (escape.find()) {
            escape.appendReplacement(decoded, Matcher.quoteReplacement(
                    String.valueOf((char) Integer.parseInt(escape.group(1), 8))));
        }
        escape.appendTail(decoded);
        return decoded.toString();
    }
}
