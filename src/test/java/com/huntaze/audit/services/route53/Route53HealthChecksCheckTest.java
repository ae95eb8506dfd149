package com.huntaze.audit.services.route53;

import static com.huntaze.audit.testing.Fixtures.alarms;
import static com.huntaze.audit.testing.Fixtures.metricAlarm;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.inventory.CollectionFailure;
import com.huntaze.audit.services.cloudwatch.CloudWatchAlarms;
import com.huntaze.audit.services.cloudwatch.CloudWatchDatasets;
import com.huntaze.audit.services.cloudwatch.MetricAlarm;
import com.huntaze.audit.testing.CheckHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Route53HealthChecksCheckTest {

    private static final String HC = "11111111-aaaa-4bbb-8ccc-000000000001";
    private static final String OTHER_HC = "22222222-aaaa-4bbb-8ccc-000000000002";

    private static Route53HostedZone zone(String name, boolean privateZone, Route53HostedZone.Record... records) {
        return new Route53HostedZone("Z" + name.length() + "EXAMPLE", name, privateZone, List.of(records));
    }

    private static Route53HostedZone.Record primary(String name, String healthCheckId) {
        return new Route53HostedZone.Record(name, "A", name + "-primary", "PRIMARY", healthCheckId);
    }

    private static Route53HostedZone.Record secondary(String name, String healthCheckId) {
        return new Route53HostedZone.Record(name, "A", name + "-secondary", "SECONDARY", healthCheckId);
    }

    private static Route53HealthCheck http(String id, String fqdn) {
        return new Route53HealthCheck(id, "HTTPS", fqdn, null, 443, "/health", false, List.of(), null);
    }

    private static MetricAlarm statusAlarm(String name, String healthCheckId) {
        return metricAlarm(name, "AWS/Route53", "HealthCheckStatus", Map.of("HealthCheckId", healthCheckId));
    }

    /** A run auditing us-east-1 (where the health-check alarms are) with these alarms there. */
    private static CheckHarness audit(List<Route53HostedZone> zones, List<Route53HealthCheck> checks,
                                      MetricAlarm... usEast1Alarms) {
        return CheckHarness.of(new Route53HealthChecksCheck(), "us-east-1", "eu-west-1")
                .with(Route53Datasets.HOSTED_ZONES, zones)
                .with(Route53Datasets.HEALTH_CHECKS, checks)
                .with("us-east-1", CloudWatchDatasets.ALARMS, alarms(List.of(usEast1Alarms)))
                .with("eu-west-1", CloudWatchDatasets.ALARMS, new CloudWatchAlarms(List.of(), List.of()));
    }

    @Test
    void aHealthCheckedPrimaryRecordWithAnAlarmedHealthCheckIsOkTwice() {
        var audit = audit(List.of(zone("shop.example", false, primary("api.shop.example", HC),
                        secondary("api.shop.example", null))),
                List.of(http(HC, "web-1.us-east-1.elb.amazonaws.com")), statusAlarm("api-down", HC));

        Finding record = audit.finding("api.shop.example");
        assertThat(record.status()).isEqualTo(Status.OK);
        assertThat(record.region()).isEqualTo("global");
        assertThat(record.resourceType()).isEqualTo("AWS::Route53::RecordSet");
        assertThat(record.message()).isEqualTo("Primary failover record, health-checked by " + HC + ".");
        assertThat(record.evidence()).containsEntry("HostedZone", "shop.example (Z12EXAMPLE)")
                .containsEntry("Failover", "PRIMARY").containsEntry("SetIdentifier", "api.shop.example-primary");

        Finding check = audit.finding(HC);
        assertThat(check.status()).isEqualTo(Status.OK);
        assertThat(check.resourceType()).isEqualTo("AWS::Route53::HealthCheck");
        assertThat(check.resourceArn()).isEqualTo("arn:aws:route53:::healthcheck/" + HC);
        assertThat(check.message()).isEqualTo("Watched by alarm api-down (used by 1 record or check).");
        assertThat(check.evidence()).containsEntry("Endpoint", "web-1.us-east-1.elb.amazonaws.com:443/health")
                .containsEntry("UsedBy", List.of("record api.shop.example (A) in shop.example"))
                .containsEntry("Alarms", List.of("api-down"));
        assertThat(audit.findings()).as("the secondary without health check gets no finding of its own").hasSize(2);
    }

    @Test
    void aPrimaryRecordWithoutHealthCheckOrNamingADeletedOneIsNok() {
        var audit = audit(List.of(zone("shop.example", false, primary("www.shop.example", null),
                        primary("api.shop.example", "gone-id"), secondary("api.shop.example", "gone-id-2"))),
                List.of());

        assertThat(audit.finding("www.shop.example").status()).isEqualTo(Status.NOK);
        assertThat(audit.finding("www.shop.example").message()).startsWith("Primary failover record without a"
                + " health check").contains("never fails over to the secondary");
        List<Finding> api = audit.findings().stream().filter(f -> f.resourceId().equals("api.shop.example")).toList();
        assertThat(api).hasSize(2).allSatisfy(f -> assertThat(f.status()).isEqualTo(Status.NOK));
        assertThat(api).extracting(Finding::message).anySatisfy(m -> assertThat(m)
                .startsWith("Names health check gone-id, which does not exist (deleted?)"))
                .anySatisfy(m -> assertThat(m).startsWith("Names health check gone-id-2, which does not exist")
                        .contains("keeps answering with it"));
    }

    @Test
    void aUsedHealthCheckWithoutAlarmIsNokAndAnAlarmOnAnotherCheckDoesNotCount() {
        var audit = audit(List.of(zone("shop.example", false, primary("api.shop.example", HC))),
                List.of(http(HC, "web-1.us-east-1.elb.amazonaws.com")), statusAlarm("other", OTHER_HC),
                metricAlarm("cpu", "AWS/RDS", "CPUUtilization", Map.of("DBInstanceIdentifier", "db-1")));

        Finding check = audit.finding(HC);
        assertThat(check.status()).isEqualTo(Status.NOK);
        assertThat(check.message()).isEqualTo("No CloudWatch alarm on its HealthCheckStatus: when it fails, Route 53"
                + " reroutes traffic but nobody is told (used by 1 record or check).");
        assertThat(check.evidence()).containsEntry("Alarms", List.of());
        assertThat(check.estimatedMonthlySavingsUsd()).isZero();
        assertThat(check.remediation()).contains("put-metric-alarm --region us-east-1");
    }

    @Test
    void aMetricMathAlarmReadingTheStatusCounts() {
        MetricAlarm math = new MetricAlarm("api-down-math", "arn:aws:cloudwatch:us-east-1:123456789012:alarm:m", null,
                null, Map.of(), true, List.of("arn:aws:sns:us-east-1:123456789012:ops"), List.of(), List.of(), "OK",
                List.of(new MetricAlarm.WatchedMetric("AWS/Route53", "HealthCheckStatus", Map.of("HealthCheckId", HC))));
        var audit = audit(List.of(zone("shop.example", false, primary("api.shop.example", HC))),
                List.of(http(HC, "web-1.us-east-1.elb.amazonaws.com")), math);

        assertThat(audit.finding(HC).status()).isEqualTo(Status.OK);
    }

    @Test
    void anUnusedUnwatchedHealthCheckIsNokWithItsMonthlyPriceAsSavings() {
        var audit = audit(List.of(zone("shop.example", false)), List.of(http(HC, "status.example.org"),
                http(OTHER_HC, "web-1.us-east-1.elb.amazonaws.com")));

        Finding external = audit.finding(HC);
        assertThat(external.status()).isEqualTo(Status.NOK);
        assertThat(external.message()).isEqualTo("Unused health check: no record uses it and no alarm watches it, yet"
                + " it is billed every month.");
        assertThat(external.estimatedMonthlySavingsUsd()).isEqualTo(0.75);
        assertThat(external.evidence()).containsEntry("PricedAs", "non-aws-endpoint")
                .containsEntry("PriceSource", "https://aws.amazon.com/route53/pricing/, 2026-11-22");
        assertThat(audit.finding(OTHER_HC).estimatedMonthlySavingsUsd()).as("an AWS endpoint").isEqualTo(0.5);
    }

    @Test
    void aHealthCheckWatchedByAnAlarmButNoRecordIsAnEndpointMonitorAndOk() {
        var audit = audit(List.of(), List.of(http(HC, "status.example.org")), statusAlarm("status-page", HC));

        assertThat(audit.finding(HC).status()).isEqualTo(Status.OK);
        assertThat(audit.finding(HC).message()).isEqualTo("Watched by alarm status-page (no record uses it).");
    }

    @Test
    void usesCountInPrivateZonesAndCalculatedHealthChecksButOnlyPublicZonesAreJudged() {
        Route53HealthCheck calculated = new Route53HealthCheck("calc", "CALCULATED", null, null, null, null, false,
                List.of(OTHER_HC), null);
        var audit = audit(List.of(zone("internal.shop.example", true, primary("db.internal.shop.example", null),
                        primary("cache.internal.shop.example", HC))),
                List.of(http(HC, "web-1.us-east-1.elb.amazonaws.com"), http(OTHER_HC, "web-2.us-east-1.elb.amazonaws.com"),
                        calculated), statusAlarm("a", HC), statusAlarm("b", OTHER_HC), statusAlarm("c", "calc"));

        assertThat(audit.findings()).extracting(Finding::resourceId).containsExactlyInAnyOrder(HC, OTHER_HC, "calc");
        assertThat(audit.finding(HC).evidence()).containsEntry("UsedBy",
                List.of("record cache.internal.shop.example (A) in private zone internal.shop.example"));
        assertThat(audit.finding(OTHER_HC).evidence()).containsEntry("UsedBy", List.of("calculated health check calc"));
    }

    @Test
    void aHealthCheckAnotherServiceManagesIsOk() {
        Route53HealthCheck cloudMap = new Route53HealthCheck(HC, "HTTP", null, "52.94.12.7", 80, "/", false, List.of(),
                "servicediscovery.amazonaws.com");

        Finding finding = audit(List.of(), List.of(cloudMap)).finding(HC);

        assertThat(finding.status()).isEqualTo(Status.OK);
        assertThat(finding.message()).isEqualTo("Created and managed by servicediscovery.amazonaws.com, which uses it.");
    }

    @Test
    void withoutUsEast1TheAlarmHalfIsTodoAndTheRecordsAreStillJudged() {
        var audit = CheckHarness.of(new Route53HealthChecksCheck(), "eu-west-1")
                .with(Route53Datasets.HOSTED_ZONES, List.of(zone("shop.example", false, primary("api.shop.example", HC),
                        primary("www.shop.example", null))))
                .with(Route53Datasets.HEALTH_CHECKS, List.of(http(HC, "web-1.us-east-1.elb.amazonaws.com")))
                .with("eu-west-1", CloudWatchDatasets.ALARMS, alarms(List.of(statusAlarm("wrong-region", HC))));

        Finding check = audit.finding(HC);
        assertThat(check.status()).isEqualTo(Status.TODO);
        assertThat(check.message()).isEqualTo("Its alarms cannot be read: Route 53 publishes HealthCheckStatus in"
                + " us-east-1 only, and us-east-1 is not an audited region.");
        assertThat(check.remediation()).contains("--region us-east-1");
        assertThat(check.evidence()).doesNotContainKey("Alarms");
        assertThat(audit.finding("api.shop.example").status()).isEqualTo(Status.OK);
        assertThat(audit.finding("www.shop.example").status()).isEqualTo(Status.NOK);
    }

    @Test
    void aFailedReadMakesItOneTodo() {
        var audit = audit(List.of(zone("shop.example", false, primary("api.shop.example", HC))),
                List.of(http(HC, "web-1.us-east-1.elb.amazonaws.com")))
                .failing("global", Route53Datasets.HEALTH_CHECKS, new CollectionFailure("route53:ListHealthChecks",
                        CollectionFailure.Kind.ACCESS_DENIED, "AccessDenied", "not authorized"));

        assertThat(audit.findings()).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.TODO);
            assertThat(f.message()).contains("route53:ListHealthChecks");
        });
    }

    @Test
    void endpointsArePricedAsAwsOrNot() {
        assertThat(Route53HealthChecksCheck.pricedAs(http(HC, "d111111abcdef8.cloudfront.net"))).isEqualTo("aws-endpoint");
        assertThat(Route53HealthChecksCheck.pricedAs(http(HC, "API.EXAMPLE.COM"))).isEqualTo("non-aws-endpoint");
        assertThat(Route53HealthChecksCheck.pricedAs(new Route53HealthCheck(HC, "TCP", null, "203.0.113.5", 22, null,
                false, List.of(), null))).as("an IP: the cheaper figure").isEqualTo("aws-endpoint");
        assertThat(Route53Collectors.name("\\052.shop.example.")).isEqualTo("*.shop.example");
    }
}
