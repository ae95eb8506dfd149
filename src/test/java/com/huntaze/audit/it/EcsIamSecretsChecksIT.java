package com.huntaze.audit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huntaze.audit.testing.CliRun;
import com.huntaze.audit.testing.Moto;
import com.huntaze.audit.testing.MotoServer;
import com.huntaze.audit.testing.StubProxy;
import com.huntaze.audit.util.Masking;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * rds.deletion-protection, the ECS service checks, the IAM checks and secretsmanager.rotation against moto, in two
 * regions plus global. What moto cannot represent is answered by the loopback stub: the root user's MFA and access
 * keys (GetAccountSummary always says 0 in moto), and access keys older than the test (moto dates every key now).
 */
@ExtendWith(Moto.class)
class EcsIamSecretsChecksIT {

    private static final Set<String> CHECKS = Set.of("rds.deletion-protection", "ecs.service-running",
            "ecs.service-public-ip", "iam.root-mfa", "iam.root-access-keys", "iam.user-mfa", "iam.access-key-age",
            "secretsmanager.rotation");

    /** Keys only the stub knows: moto cannot create a key dated in the past. */
    private static final String STALE_KEY = "AKIASTALEKEY00001234";
    private static final String UNUSED_KEY = "AKIAUNUSEDKEY0005678";

    private MotoServer moto;
    private StubProxy proxy;
    /** Every full access key id the test made: none may appear in a report. */
    private final List<String> fullKeyIds = new ArrayList<>(List.of(STALE_KEY, UNUSED_KEY));

    @BeforeEach
    void setUp(MotoServer moto) {
        this.moto = moto;
        this.proxy = new StubProxy(moto.endpoint());
    }

    @AfterEach
    void tearDown() {
        proxy.close();
    }

    // ---- seeding -------------------------------------------------------------------------------------------

    private void seedRds() {
        try (RdsClient rds = moto.configure(RdsClient.builder(), "us-east-1").build()) {
            for (boolean protectedDb : new boolean[] {true, false}) {
                rds.createDBInstance(r -> r.dbInstanceIdentifier(protectedDb ? "protected-db" : "unprotected-db")
                        .engine("postgres").dbInstanceClass("db.t3.micro").allocatedStorage(20)
                        .masterUsername("admin").masterUserPassword("password123").deletionProtection(protectedDb));
            }
        }
        try (RdsClient rds = moto.configure(RdsClient.builder(), "eu-west-1").build()) {
            // The member itself reports DeletionProtection=false: only its cluster's flag counts.
            rds.createDBCluster(r -> r.dbClusterIdentifier("eu-aurora").engine("aurora-postgresql")
                    .masterUsername("admin").masterUserPassword("password123").deletionProtection(true));
            rds.createDBInstance(r -> r.dbInstanceIdentifier("eu-aurora-writer").dbClusterIdentifier("eu-aurora")
                    .engine("aurora-postgresql").dbInstanceClass("db.r6g.large"));
        }
    }

    private void seedEcs() {
        try (EcsClient ecs = moto.configure(EcsClient.builder(), "us-east-1").build()) {
            registerTaskDefinitions(ecs);
            String subnet = defaultVpc("us-east-1", "DescribeSubnets", "subnetId");
            String group = defaultVpc("us-east-1", "DescribeSecurityGroups", "groupId");
            ecs.createCluster(r -> r.clusterName("prod"));
            ecs.createService(r -> r.cluster("prod").serviceName("api").taskDefinition("api").desiredCount(2)
                    .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(v -> v
                            .subnets(subnet).securityGroups(group).assignPublicIp(AssignPublicIp.DISABLED))));
            // moto starts a new service with 0 running; an update brings running up to desired.
            ecs.updateService(r -> r.cluster("prod").service("api").desiredCount(2));
            // Still starting: 0 of 1 running, and publicly reachable once it runs.
            ecs.createService(r -> r.cluster("prod").serviceName("web").taskDefinition("api").desiredCount(1)
                    .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(v -> v
                            .subnets(subnet).securityGroups(group).assignPublicIp(AssignPublicIp.ENABLED))));
            // Enough bridge-mode services to need a second DescribeServices batch (10 per call).
            for (int i = 1; i <= 9; i++) {
                String name = String.format("job-%02d", i);
                ecs.createService(r -> r.cluster("prod").serviceName(name).taskDefinition("job").desiredCount(0)
                        .launchType(LaunchType.EC2));
            }
        }
        try (EcsClient ecs = moto.configure(EcsClient.builder(), "eu-west-1").build()) {
            registerTaskDefinitions(ecs);
            String subnet = defaultVpc("eu-west-1", "DescribeSubnets", "subnetId");
            String group = defaultVpc("eu-west-1", "DescribeSecurityGroups", "groupId");
            ecs.createCluster(r -> r.clusterName("eu-prod"));
            ecs.createService(r -> r.cluster("eu-prod").serviceName("eu-api").taskDefinition("api").desiredCount(1)
                    .launchType(LaunchType.FARGATE).networkConfiguration(n -> n.awsvpcConfiguration(v -> v
                            .subnets(subnet).securityGroups(group).assignPublicIp(AssignPublicIp.ENABLED))));
            ecs.updateService(r -> r.cluster("eu-prod").service("eu-api").desiredCount(1));
            ecs.createService(r -> r.cluster("eu-prod").serviceName("nightly").taskDefinition("job").desiredCount(0)
                    .launchType(LaunchType.EC2));
        }
    }

    private static void registerTaskDefinitions(EcsClient ecs) {
        ecs.registerTaskDefinition(r -> r.family("api").requiresCompatibilities(Compatibility.FARGATE)
                .networkMode("awsvpc").cpu("256").memory("512")
                .containerDefinitions(c -> c.name("api").image("nginx").essential(true)));
        ecs.registerTaskDefinition(r -> r.family("job").networkMode("bridge")
                .containerDefinitions(c -> c.name("job").image("busybox").memory(128).essential(true)));
    }

    /**
     * The first {@code element} (a subnet or security group id) of moto's default VPC, which ECS validates awsvpc
     * services against. The project has no EC2 SDK, so this is one hand-made query-protocol call (moto reads the
     * service and region from the credential scope and checks no signature).
     */
    private String defaultVpc(String region, String action, String element) {
        HttpRequest request = HttpRequest.newBuilder(moto.endpoint().resolve("/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20260101/" + region
                        + "/ec2/aws4_request, SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString("Action=" + action + "&Version=2016-11-15"))
                .build();
        try {
            String body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
            Matcher id = Pattern.compile("<" + element + ">([a-z]+-[0-9a-f]+)</" + element + ">").matcher(body);
            assertThat(id.find()).as("moto default VPC " + element + " in " + region + ": " + body).isTrue();
            return id.group(1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void seedIam() {
        try (IamClient iam = moto.configure(IamClient.builder(), "aws-global").build()) {
            iam.createUser(r -> r.userName("alice"));
            iam.createLoginProfile(r -> r.userName("alice").password("Correct-Horse-9"));
            String serial = iam.createVirtualMFADevice(r -> r.virtualMFADeviceName("alice")).virtualMFADevice()
                    .serialNumber();
            iam.enableMFADevice(r -> r.userName("alice").serialNumber(serial)
                    .authenticationCode1("123456").authenticationCode2("654321"));

            iam.createUser(r -> r.userName("bob"));
            iam.createLoginProfile(r -> r.userName("bob").password("Correct-Horse-9"));

            // No console password: no iam.user-mfa finding. A new key never used yet, and an inactive one.
            iam.createUser(r -> r.userName("ci-bot"));
            fullKeyIds.add(iam.createAccessKey(r -> r.userName("ci-bot")).accessKey().accessKeyId());
            String retired = iam.createAccessKey(r -> r.userName("ci-bot")).accessKey().accessKeyId();
            fullKeyIds.add(retired);
            iam.updateAccessKey(r -> r.userName("ci-bot").accessKeyId(retired).status(StatusType.INACTIVE));

            iam.createUser(r -> r.userName("deployer"));
            AccessKey deployerKey = iam.createAccessKey(r -> r.userName("deployer")).accessKey();
            fullKeyIds.add(deployerKey.accessKeyId());
            // Any request signed with the key marks it used in moto.
            try (IamClient asDeployer = moto.configure(IamClient.builder(), "aws-global")
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                            deployerKey.accessKeyId(), deployerKey.secretAccessKey())))
                    .build()) {
                asDeployer.listUsers();
            }

            iam.createUser(r -> r.userName("stale-bot"));
            iam.createUser(r -> r.userName("unused-bot"));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        stubKey("stale-bot", STALE_KEY, now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(2)));
        stubKey("unused-bot", UNUSED_KEY, now.minus(Duration.ofDays(30)), null);
    }

    /** ListAccessKeys of {@code user} answers one active key created at {@code created}, last used at {@code lastUsed}. */
    private void stubKey(String user, String keyId, Instant created, Instant lastUsed) {
        proxy.when(r -> r.operation().equals("ListAccessKeys") && user.equals(param(r, "UserName")),
                new StubProxy.Response(200, "text/xml", "<ListAccessKeysResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
                        + "<ListAccessKeysResult><UserName>" + user + "</UserName><AccessKeyMetadata><member>"
                        + "<UserName>" + user + "</UserName><AccessKeyId>" + keyId + "</AccessKeyId>"
                        + "<Status>Active</Status><CreateDate>" + created + "</CreateDate></member></AccessKeyMetadata>"
                        + "<IsTruncated>false</IsTruncated></ListAccessKeysResult>"
                        + "<ResponseMetadata><RequestId>stub</RequestId></ResponseMetadata></ListAccessKeysResponse>"));
        proxy.when(r -> r.operation().equals("GetAccessKeyLastUsed") && keyId.equals(param(r, "AccessKeyId")),
                new StubProxy.Response(200, "text/xml", "<GetAccessKeyLastUsedResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
                        + "<GetAccessKeyLastUsedResult><UserName>" + user + "</UserName><AccessKeyLastUsed>"
                        + (lastUsed == null ? "<ServiceName>N/A</ServiceName><Region>N/A</Region>"
                                : "<LastUsedDate>" + lastUsed + "</LastUsedDate><ServiceName>s3</ServiceName>"
                                        + "<Region>us-east-1</Region>")
                        + "</AccessKeyLastUsed></GetAccessKeyLastUsedResult>"
                        + "<ResponseMetadata><RequestId>stub</RequestId></ResponseMetadata></GetAccessKeyLastUsedResponse>"));
    }

    /** A parameter of a query-protocol request, or null. */
    private static String param(StubProxy.Request request, String name) {
        for (String pair : request.body().split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** moto's GetAccountSummary always says 0 for both: the stub answers with the root user's real state. */
    private void stubAccountSummary(int mfaEnabled, int accessKeysPresent) {
        proxy.when(r -> r.service().equals("iam") && r.operation().equals("GetAccountSummary"),
                new StubProxy.Response(200, "text/xml", "<GetAccountSummaryResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
                        + "<GetAccountSummaryResult><SummaryMap>"
                        + "<entry><key>Users</key><value>6</value></entry>"
                        + "<entry><key>AccountMFAEnabled</key><value>" + mfaEnabled + "</value></entry>"
                        + "<entry><key>AccountAccessKeysPresent</key><value>" + accessKeysPresent + "</value></entry>"
                        + "<entry><key>MFADevices</key><value>1</value></entry>"
                        + "</SummaryMap></GetAccountSummaryResult>"
                        + "<ResponseMetadata><RequestId>stub</RequestId></ResponseMetadata></GetAccountSummaryResponse>"));
    }

    private void seedSecrets() {
        try (SecretsManagerClient sm = moto.configure(SecretsManagerClient.builder(), "us-east-1").build()) {
            sm.createSecret(r -> r.name("prod/db-password").secretString("s3cret"));
            // Rotation rules without a Lambda: moto turns rotation on without invoking anything.
            sm.rotateSecret(r -> r.secretId("prod/db-password").rotationRules(rr -> rr.automaticallyAfterDays(30L)));
            sm.createSecret(r -> r.name("prod/stripe-key").secretString("sk_live_x"));
        }
        try (SecretsManagerClient sm = moto.configure(SecretsManagerClient.builder(), "eu-west-1").build()) {
            sm.createSecret(r -> r.name("eu/sendgrid-key").secretString("SG.x"));
        }
    }

    private void seedAll() {
        seedRds();
        seedEcs();
        seedIam();
        seedSecrets();
    }

    // ---- running -------------------------------------------------------------------------------------------

    private CliRun audit(String format, String... extra) {
        List<String> args = new ArrayList<>(List.of("check", "--endpoint-url", proxy.endpoint().toString(),
                "--region", "us-east-1,eu-west-1", "--format", format));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** "checkId region resourceId" → status, for the findings of this class's checks. */
    private static Map<String, String> statuses(JsonNode report) {
        Map<String, String> statuses = new TreeMap<>();
        report.get("findings").forEach(f -> {
            if (CHECKS.contains(f.get("checkId").asText())) {
                String key = f.get("checkId").asText() + " " + f.get("region").asText() + " " + f.get("resourceId").asText();
                assertThat(statuses.put(key, f.get("status").asText())).as("one finding for " + key).isNull();
            }
        });
        return statuses;
    }

    private static JsonNode finding(JsonNode report, String checkId, String region, String resourceId) {
        for (JsonNode f : report.get("findings")) {
            if (f.get("checkId").asText().equals(checkId) && f.get("region").asText().equals(region)
                    && f.get("resourceId").asText().equals(resourceId)) {
                return f;
            }
        }
        throw new AssertionError("no finding " + checkId + " " + region + " " + resourceId);
    }

    private static Map<String, String> expectedStatuses(String rootMfa, String rootKeys, String staleKey) {
        Map<String, String> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("rds.deletion-protection us-east-1 protected-db", "OK"),
                Map.entry("rds.deletion-protection us-east-1 unprotected-db", "NOK"),
                Map.entry("rds.deletion-protection eu-west-1 eu-aurora-writer", "OK"),
                Map.entry("ecs.service-running us-east-1 prod/api", "OK"),
                Map.entry("ecs.service-running us-east-1 prod/web", "NOK"),
                Map.entry("ecs.service-running eu-west-1 eu-prod/eu-api", "OK"),
                Map.entry("ecs.service-running eu-west-1 eu-prod/nightly", "TODO"),
                Map.entry("ecs.service-public-ip us-east-1 prod/api", "OK"),
                Map.entry("ecs.service-public-ip us-east-1 prod/web", "NOK"),
                Map.entry("ecs.service-public-ip eu-west-1 eu-prod/eu-api", "NOK"),
                Map.entry("iam.root-mfa global ", rootMfa),
                Map.entry("iam.root-access-keys global ", rootKeys),
                Map.entry("iam.user-mfa global alice", "OK"),
                Map.entry("iam.user-mfa global bob", "NOK"),
                Map.entry("iam.access-key-age global ci-bot", "OK"),
                Map.entry("iam.access-key-age global deployer", "OK"),
                Map.entry("iam.access-key-age global stale-bot", staleKey),
                Map.entry("iam.access-key-age global unused-bot", "NOK"),
                Map.entry("secretsmanager.rotation us-east-1 prod/db-password", "OK"),
                Map.entry("secretsmanager.rotation us-east-1 prod/stripe-key", "NOK"),
                Map.entry("secretsmanager.rotation eu-west-1 eu/sendgrid-key", "NOK")));
        for (int i = 1; i <= 9; i++) {
            expected.put(String.format("ecs.service-running us-east-1 prod/job-%02d", i), "TODO");
        }
        return expected;
    }

    // ---- tests ---------------------------------------------------------------------------------------------

    @Test
    void everyCheckJudgesEveryResourceInTwoRegionsAndGlobal() {
        seedAll();
        stubAccountSummary(0, 1);

        CliRun run = audit("json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        JsonNode report = run.json();
        assertThat(statuses(report)).isEqualTo(expectedStatuses("NOK", "NOK", "NOK"));

        JsonNode stale = finding(report, "iam.access-key-age", "global", "stale-bot");
        assertThat(stale.get("evidence").get("AccessKeyId").asText()).isEqualTo("AKIA…1234");
        assertThat(stale.get("evidence").get("AgeDays").asInt()).isEqualTo(400);
        assertThat(stale.get("message").asText()).contains("400 days old (limit 90)");
        JsonNode unused = finding(report, "iam.access-key-age", "global", "unused-bot");
        assertThat(unused.get("evidence").get("LastUsed").asText()).isEqualTo("never");
        assertThat(unused.get("message").asText()).contains("never used in its 30 days");
        JsonNode deployer = finding(report, "iam.access-key-age", "global", "deployer");
        assertThat(deployer.get("evidence").get("LastUsed").asText()).isNotEqualTo("never");
        assertThat(deployer.get("resourceArn").asText()).isEqualTo("arn:aws:iam::123456789012:user/deployer");

        JsonNode web = finding(report, "ecs.service-running", "us-east-1", "prod/web");
        assertThat(web.get("message").asText()).contains("0 of 1 desired tasks running");
        assertThat(finding(report, "ecs.service-running", "eu-west-1", "eu-prod/nightly").get("message").asText())
                .isEqualTo("Scaled to zero: confirm this is intended.");
        assertThat(finding(report, "rds.deletion-protection", "eu-west-1", "eu-aurora-writer").get("evidence")
                .get("Source").asText()).isEqualTo("DBCluster eu-aurora");
        assertThat(finding(report, "iam.root-mfa", "global", "").get("evidence").get("AccountMFAEnabled").asInt())
                .isZero();

        // Each dataset fetched once: services from the clusters' own listing, DescribeServices by 10s.
        JsonNode calls = report.get("stats").get("apiCalls");
        assertThat(calls.get("ecs:ListServices").asInt()).as("once per cluster").isEqualTo(2);
        assertThat(calls.get("ecs:DescribeServices").asInt()).as("11 services in prod + 2 in eu-prod").isEqualTo(3);
        assertThat(calls.get("iam:GetAccountSummary").asInt()).as("global: once, not per region").isEqualTo(1);
        assertThat(calls.get("iam:ListUsers").asInt()).isEqualTo(1);
        assertThat(calls.get("iam:GetAccessKeyLastUsed").asInt()).as("5 keys, 1 call each").isEqualTo(5);
        assertThat(calls.get("secretsmanager:ListSecrets").asInt()).isEqualTo(2);

        assertThat(run.out()).doesNotContain(fullKeyIds);
    }

    @Test
    void markdownReportShowsTheFindingsAndNeverAFullAccessKeyId() {
        seedAll();
        stubAccountSummary(0, 1);

        CliRun run = audit("md");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out())
                .contains("`iam.root-mfa` · severity", "| ❌ NOK | (account) | global |")
                .contains("| ❌ NOK | stale-bot | global |", "| AccessKeyId: AKIA…1234, AgeDays: 400")
                .contains("`ecs.service-public-ip` · severity", "| ❌ NOK | prod/web | us-east-1 |")
                .contains("`secretsmanager.rotation` · severity", "| ❌ NOK | eu/sendgrid-key | eu-west-1 |")
                .contains("Scaled to zero: confirm this is intended.")
                .contains(Masking.maskAccessKeyId(fullKeyIds.get(2)))
                .doesNotContain(fullKeyIds);
    }

    @Test
    void compliantRootAndALongerKeyAgeLimitTurnThoseFindingsOk() {
        seedAll();
        stubAccountSummary(1, 0);

        CliRun run = audit("json", "--max-key-age-days", "500");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(statuses(run.json())).isEqualTo(expectedStatuses("OK", "OK", "OK"));
        assertThat(finding(run.json(), "iam.access-key-age", "global", "stale-bot").get("evidence")
                .get("MaxKeyAgeDays").asInt()).isEqualTo(500);
        assertThat(run.out()).doesNotContain(fullKeyIds);
    }

    @Test
    void aKeyAgeLimitBelowOneDayIsAUsageError() {
        CliRun run = audit("json", "--max-key-age-days", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--max-key-age-days must be between 1 and 3650 (days), not 0");
        assertThat(proxy.requests()).as("nothing is sent to AWS").isEmpty();
    }
}
