package com.huntaze.audit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huntaze.audit.testing.CliRun;
import com.huntaze.audit.testing.DefaultVpc;
import com.huntaze.audit.testing.DnsStub;
import com.huntaze.audit.testing.Moto;
import com.huntaze.audit.testing.MotoServer;
import com.huntaze.audit.testing.ReportFindings;
import com.huntaze.audit.testing.StubProxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.ValidationMethod;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.HealthCheckType;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSetFailover;

/**
 * acm.certificate-renewal, route53.health-checks and ses.email-dns against moto, with what moto cannot represent
 * answered by the loopback stub proxy: moto stores an EMAIL validation as DNS, says RenewalEligibility INELIGIBLE
 * for everything and leaves a requested certificate PENDING_VALIDATION for a minute, so the DNS-validated, issued
 * certificate's listing and DescribeCertificate are the proxy's; SES identities are listed and described by the
 * proxy (moto fails ListEmailIdentities with a page size and has no DKIM tokens); DNS answers come from a loopback
 * DNS stub. The imported certificate is a real one, made by openssl at test time (no key material in the
 * repository); without openssl that test is skipped.
 */
@ExtendWith(Moto.class)
class CertificatesHealthChecksIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MotoServer moto;
    private StubProxy proxy;
    private DnsStub dns;

    @BeforeEach
    void setUp(MotoServer moto) {
        this.moto = moto;
        this.proxy = new StubProxy(moto.endpoint());
        this.dns = new DnsStub();
    }

    @AfterEach
    void tearDown() {
        proxy.close();
        dns.close();
    }

    private CliRun audit(String regions, String checks) {
        return CliRun.of("check", "--endpoint-url", proxy.endpoint().toString(), "--region", regions, "--checks",
                checks, "--dns-server", dns.server(), "--format", "json");
    }

    // ---- certificates

    /** A self-signed certificate for {@code name} valid {@code days} days from now, made by openssl: PEM files. */
    private static Path[] selfSigned(Path dir, String name, int days) {
        Path key = dir.resolve(name + ".key");
        Path cert = dir.resolve(name + ".pem");
        try {
            Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                    "-keyout", key.toString(), "-out", cert.toString(), "-days", Integer.toString(days), "-subj",
                    "/CN=" + name).redirectErrorStream(true).start();
            openssl.getInputStream().readAllBytes();
            Assumptions.assumeTrue(openssl.waitFor(60, TimeUnit.SECONDS) && openssl.exitValue() == 0,
                    "openssl could not make a test certificate");
        } catch (IOException e) {
            Assumptions.abort("openssl is not installed: the imported-certificate case needs it (" + e.getMessage()
                    + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new Path[] {cert, key};
    }

    /** An internet-facing ALB with an HTTPS listener serving {@code certificateArn}: the listener's ARN. */
    private String httpsListener(String region, String name, String certificateArn) {
        DefaultVpc vpc = DefaultVpc.of(moto, region);
        try (var elb = moto.configure(ElasticLoadBalancingV2Client.builder(), region).build()) {
            String lb = elb.createLoadBalancer(r -> r.name(name).subnets(vpc.twoSubnets())).loadBalancers().get(0)
                    .loadBalancerArn();
            String tg = elb.createTargetGroup(r -> r.name(name + "-tg").protocol("HTTP").port(8080).vpcId(vpc.vpcId())
                    .targetType("ip")).targetGroups().get(0).targetGroupArn();
            return elb.createListener(r -> r.loadBalancerArn(lb).protocol("HTTPS").port(443)
                    .certificates(c -> c.certificateArn(certificateArn))
                    .defaultActions(a -> a.type("forward").targetGroupArn(tg))).listeners().get(0).listenerArn();
        }
    }

    @Test
    void anImportedCertificateExpiringIn10DaysIsNokAndAnIssuedDnsValidatedOneIsOk(@TempDir Path dir) throws IOException {
        // 11 days of validity: some seconds have passed when the audit reads it, so 10 whole days are left.
        Path[] pem = selfSigned(dir, "old.shop.example", 11);
        String imported;
        String requested;
        SdkBytes certificate = SdkBytes.fromByteArray(Files.readAllBytes(pem[0]));
        SdkBytes privateKey = SdkBytes.fromByteArray(Files.readAllBytes(pem[1]));
        try (AcmClient acm = moto.configure(AcmClient.builder(), "us-east-1").build()) {
            imported = acm.importCertificate(r -> r.certificate(certificate).privateKey(privateKey)).certificateArn();
            requested = acm.requestCertificate(r -> r.domainName("api.shop.example")
                    .validationMethod(ValidationMethod.DNS)).certificateArn();
        }
        String oldListener = httpsListener("us-east-1", "old", imported);
        String apiListener = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/api/50dc6c495c0c9188/"
                + "f2f7dc8efc522ab2";
        Instant notAfter = Instant.now().plus(Duration.ofDays(200));
        // What moto cannot be told: the requested certificate validated by DNS, ISSUED, and in use.
        proxy.when(r -> r.operation().equals("ListCertificates"), new StubProxy.Rewrite(body ->
                issuedAndInUse(body, requested)));
        proxy.when(r -> r.operation().equals("DescribeCertificate") && r.body().contains(requested),
                StubProxy.Response.json("{\"Certificate\":{\"CertificateArn\":\"" + requested + "\",\"DomainName\":"
                        + "\"api.shop.example\",\"Type\":\"AMAZON_ISSUED\",\"Status\":\"ISSUED\",\"InUseBy\":[\""
                        + apiListener + "\"],\"NotAfter\":" + notAfter.getEpochSecond() + ",\"RenewalEligibility\":"
                        + "\"ELIGIBLE\",\"DomainValidationOptions\":[{\"DomainName\":\"api.shop.example\","
                        + "\"ValidationMethod\":\"DNS\",\"ValidationStatus\":\"SUCCESS\"}]}}"));

        CliRun run = audit("us-east-1", "acm.*");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        JsonNode report = run.json();
        assertThat(ReportFindings.statuses(report, Set("acm.certificate-renewal"))).isEqualTo(Map.of(
                "acm.certificate-renewal us-east-1 old.shop.example", "NOK",
                "acm.certificate-renewal us-east-1 api.shop.example", "OK"));
        JsonNode old = ReportFindings.finding(report, "acm.certificate-renewal", "us-east-1", "old.shop.example");
        assertThat(old.get("message").asText()).startsWith("Expires on ").contains("(in 10 days); imported: ACM never"
                + " renews an imported certificate");
        assertThat(old.get("resourceArn").asText()).isEqualTo(imported);
        assertThat(old.get("evidence").get("Type").asText()).isEqualTo("IMPORTED");
        assertThat(old.get("evidence").get("InUseBy").toString()).contains(oldListener);
        JsonNode api = ReportFindings.finding(report, "acm.certificate-renewal", "us-east-1", "api.shop.example");
        assertThat(api.get("message").asText()).isEqualTo("ACM-issued and DNS-validated: ACM renews it by itself"
                + " while its validation record stays in DNS; expires on "
                + LocalDate.ofInstant(notAfter, ZoneOffset.UTC) + " (in 199 days).");

        JsonNode calls = report.get("stats").get("apiCalls");
        assertThat(calls.get("acm:ListCertificates").asInt()).isEqualTo(1);
        assertThat(calls.get("acm:DescribeCertificate").asInt()).as("both are in use").isEqualTo(2);
        assertThat(proxy.requests()).filteredOn(r -> r.operation().equals("ListCertificates")).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("\"MaxItems\":1000").contains("EC_prime256v1")
                        .contains("RSA_4096").contains("EXPIRED"));
    }

    /** moto's ListCertificates answer with {@code arn} ISSUED and in use. */
    private static String issuedAndInUse(String body, String arn) {
        try {
            JsonNode answer = JSON.readTree(body);
            for (JsonNode summary : answer.path("CertificateSummaryList")) {
                if (summary.path("CertificateArn").asText().equals(arn)) {
                    ((ObjectNode) summary).put("Status", "ISSUED").put("InUse", true).put("Type", "AMAZON_ISSUED");
                }
            }
            return JSON.writeValueAsString(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- health checks

    private static String healthCheck(Route53Client route53, String fqdn) {
        return route53.createHealthCheck(r -> r.callerReference(fqdn + "-" + System.nanoTime())
                .healthCheckConfig(c -> c.type(HealthCheckType.HTTPS).fullyQualifiedDomainName(fqdn).port(443)
                        .resourcePath("/health"))).healthCheck().id();
    }

    private static void failover(Route53Client route53, String zoneId, String name, ResourceRecordSetFailover role,
                                 String ip, String healthCheckId) {
        route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b.changes(c -> c
                .action(ChangeAction.CREATE).resourceRecordSet(s -> s.name(name).type(RRType.A).ttl(60L)
                        .setIdentifier(name + "-" + role).failover(role).healthCheckId(healthCheckId)
                        .resourceRecords(rr -> rr.value(ip))))));
    }

    /** A public zone: api (primary with an alarmed health check, secondary), www (primary, unalarmed check). */
    private Map<String, String> seedHealthChecks() {
        try (Route53Client route53 = moto.configure(Route53Client.builder(), "aws-global").build();
             CloudWatchClient cloudwatch = moto.configure(CloudWatchClient.builder(), "us-east-1").build()) {
            String zone = route53.createHostedZone(r -> r.name("shop.example").callerReference("shop-zone"))
                    .hostedZone().id().replaceFirst("^/hostedzone/", "");
            String alarmed = healthCheck(route53, "api-1.us-east-1.elb.amazonaws.com");
            String unalarmed = healthCheck(route53, "www-1.us-east-1.elb.amazonaws.com");
            String unused = healthCheck(route53, "status.oldhost.example");
            failover(route53, zone, "api.shop.example", ResourceRecordSetFailover.PRIMARY, "192.0.2.10", alarmed);
            failover(route53, zone, "api.shop.example", ResourceRecordSetFailover.SECONDARY, "192.0.2.20", null);
            failover(route53, zone, "www.shop.example", ResourceRecordSetFailover.PRIMARY, "192.0.2.30", unalarmed);
            cloudwatch.putMetricAlarm(r -> r.alarmName("api-health").namespace("AWS/Route53")
                    .metricName("HealthCheckStatus").dimensions(d -> d.name("HealthCheckId").value(alarmed))
                    .statistic("Minimum").period(60).evaluationPeriods(1).threshold(1.0)
                    .comparisonOperator("LessThanThreshold"));
            return Map.of("alarmed", alarmed, "unalarmed", unalarmed, "unused", unused, "zone", zone);
        }
    }

    @Test
    void aHealthCheckWithoutAlarmIsNokAnUnusedOneCostsItsPriceAndHealthCheckedPrimariesAreOk() {
        Map<String, String> ids = seedHealthChecks();

        CliRun run = audit("us-east-1,eu-west-1", "route53.*");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        JsonNode report = run.json();
        assertThat(ReportFindings.statuses(report, Set("route53.health-checks"))).isEqualTo(Map.of(
                "route53.health-checks global api.shop.example", "OK",
                "route53.health-checks global www.shop.example", "OK",
                "route53.health-checks global " + ids.get("alarmed"), "OK",
                "route53.health-checks global " + ids.get("unalarmed"), "NOK",
                "route53.health-checks global " + ids.get("unused"), "NOK"));
        JsonNode unalarmed = ReportFindings.finding(report, "route53.health-checks", "global", ids.get("unalarmed"));
        assertThat(unalarmed.get("message").asText()).startsWith("No CloudWatch alarm on its HealthCheckStatus");
        assertThat(unalarmed.get("evidence").get("UsedBy").toString()).contains("record www.shop.example (A) in"
                + " shop.example");
        JsonNode unused = ReportFindings.finding(report, "route53.health-checks", "global", ids.get("unused"));
        assertThat(unused.get("message").asText()).startsWith("Unused health check");
        assertThat(unused.get("estimatedMonthlySavingsUsd").asDouble()).isEqualTo(0.75);
        JsonNode api = ReportFindings.finding(report, "route53.health-checks", "global", "api.shop.example");
        assertThat(api.get("evidence").get("HostedZone").asText()).isEqualTo("shop.example (" + ids.get("zone") + ")");

        JsonNode calls = report.get("stats").get("apiCalls");
        assertThat(calls.get("route53:ListHostedZones").asInt()).isEqualTo(1);
        assertThat(calls.get("route53:ListResourceRecordSets").asInt()).isEqualTo(1);
        assertThat(calls.get("route53:ListHealthChecks").asInt()).isEqualTo(1);
    }

    @Test
    void withoutUsEast1TheHealthChecksAlarmsAreTodo() {
        Map<String, String> ids = seedHealthChecks();

        JsonNode report = audit("eu-west-1", "route53.*").json();

        JsonNode alarmed = ReportFindings.finding(report, "route53.health-checks", "global", ids.get("alarmed"));
        assertThat(alarmed.get("status").asText()).isEqualTo("TODO");
        assertThat(alarmed.get("message").asText()).contains("us-east-1 is not an audited region");
        assertThat(ReportFindings.finding(report, "route53.health-checks", "global", "api.shop.example")
                .get("status").asText()).isEqualTo("OK");
    }

    // ---- email DNS

    /** Two verified domains with Easy DKIM, listed and described by the proxy (moto has no tokens). */
    private void twoVerifiedDomains() {
        proxy.when(r -> r.path().startsWith("/v2/email/identities?"), StubProxy.Response.json("{\"EmailIdentities\":["
                + "{\"IdentityType\":\"DOMAIN\",\"IdentityName\":\"shop.example\",\"SendingEnabled\":true},"
                + "{\"IdentityType\":\"DOMAIN\",\"IdentityName\":\"news.example\",\"SendingEnabled\":true}]}"));
        for (String domain : List.of("shop.example", "news.example")) {
            proxy.when(r -> r.path().equals("/v2/email/identities/" + domain), StubProxy.Response.json(
                    "{\"IdentityType\":\"DOMAIN\",\"VerifiedForSendingStatus\":true,\"VerificationStatus\":\"SUCCESS\","
                            + "\"DkimAttributes\":{\"SigningEnabled\":true,\"Status\":\"SUCCESS\","
                            + "\"SigningAttributesOrigin\":\"AWS_SES\",\"Tokens\":[\"t1\",\"t2\",\"t3\"]},"
                            + "\"MailFromAttributes\":{\"MailFromDomain\":\"\",\"MailFromDomainStatus\":\"SUCCESS\","
                            + "\"BehaviorOnMxFailure\":\"USE_DEFAULT_VALUE\"}}"));
            dns.txt(domain, "v=spf1 include:amazonses.com ~all");
            List.of("t1", "t2", "t3").forEach(t -> dns.cname(t + "._domainkey." + domain, t + ".dkim.amazonses.com"));
        }
        dns.txt("_dmarc.shop.example", "v=DMARC1; p=reject");
    }

    @Test
    void aDomainWithoutDmarcIsNokAndACompleteOneIsOk() {
        twoVerifiedDomains();

        CliRun run = audit("us-east-1", "ses.email-dns");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        JsonNode report = run.json();
        assertThat(ReportFindings.statuses(report, Set("ses.email-dns"))).isEqualTo(Map.of(
                "ses.email-dns us-east-1 shop.example", "OK",
                "ses.email-dns us-east-1 news.example", "NOK"));
        JsonNode news = ReportFindings.finding(report, "ses.email-dns", "us-east-1", "news.example");
        assertThat(news.get("message").asText()).startsWith("DMARC: no record at _dmarc.news.example; publish TXT"
                + " _dmarc.news.example \"v=DMARC1; p=none;");
        assertThat(news.get("evidence").get("Resolver").asText()).isEqualTo(dns.server());
        assertThat(report.get("stats").get("apiCalls").get("ses:GetEmailIdentity").asInt())
                .as("the tokens come from the same GetEmailIdentity, no other call").isEqualTo(2);
        assertThat(dns.questions()).contains("TXT _dmarc.news.example", "CNAME t1._domainkey.shop.example");
    }

    @Test
    void aResolverAnsweringServfailMakesEveryDomainTodo() {
        twoVerifiedDomains();
        dns.failEverything();

        CliRun run = audit("us-east-1", "ses.email-dns");

        assertThat(run.exitCode()).as("TODO does not fail the run by default: " + run).isZero();
        assertThat(ReportFindings.statuses(run.json(), Set("ses.email-dns"))).isEqualTo(Map.of(
                "ses.email-dns us-east-1 shop.example", "TODO",
                "ses.email-dns us-east-1 news.example", "TODO"));
        assertThat(ReportFindings.finding(run.json(), "ses.email-dns", "us-east-1", "news.example").get("message")
                .asText()).contains("SERVFAIL from " + dns.server());
    }

    private static java.util.Set<String> Set(String... ids) {
        return java.util.Set.of(ids);
    }
}
