package com.huntaze.audit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huntaze.audit.testing.CliRun;
import com.huntaze.audit.testing.MotoServer;
import com.huntaze.audit.testing.Seed;
import com.huntaze.audit.testing.StubProxy;
import com.huntaze.audit.testing.TestCredentials;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;

/**
 * An auditor whose IAM policy allows only part of the needed actions, on a moto server that enforces IAM
 * (INITIAL_NO_AUTH_ACTION_COUNT: the first requests set up users and policies, every later one is authorised).
 */
class PartialPermissionsIT {

    /**
     * The setup requests moto lets through unauthenticated: three users, their policies, their keys, and one
     * (unsigned) look-up of eu-west-1's default subnets for the load balancer.
     */
    private static final int SETUP_REQUESTS = 10;

    private static MotoServer moto;
    private static AccessKey admin;
    private static AccessKey auditor;
    private static AccessKey leastPrivilege;
    private static com.huntaze.audit.testing.DefaultVpc euWestVpc;
    private StubProxy proxy;

    @BeforeAll
    static void enforcingMoto() {
        TestCredentials.install();
        moto = MotoServer.start(Map.of("INITIAL_NO_AUTH_ACTION_COUNT", Integer.toString(SETUP_REQUESTS)));
        try (IamClient iam = moto.configure(IamClient.builder(), "aws-global").build()) {
            iam.createUser(r -> r.userName("admin"));
            iam.putUserPolicy(r -> r.userName("admin").policyName("all").policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"));
            admin = iam.createAccessKey(r -> r.userName("admin")).accessKey();
            iam.createUser(r -> r.userName("auditor"));
            // Everything the audit needs (the shipped policy) except rds:DescribeDBInstances,
            // s3:GetBucketVersioning and dynamodb:DescribeContinuousBackups.
            String partial = asMotoNamesIt(readShippedPolicy().replace("\"rds:DescribeDBInstances\",", "")
                    .replace("\"s3:GetBucketVersioning\",", "")
                    .replace("\"dynamodb:DescribeContinuousBackups\",", ""));
            assertThat(partial).doesNotContain("rds:DescribeDBInstances").doesNotContain("s3:GetBucketVersioning")
                    .doesNotContain("dynamodb:DescribeContinuousBackups");
            iam.putUserPolicy(r -> r.userName("auditor").policyName("partial").policyDocument(partial));
            auditor = iam.createAccessKey(r -> r.userName("auditor")).accessKey();
            iam.createUser(r -> r.userName("least-privilege"));
            String shipped = asMotoNamesIt(readShippedPolicy());
            iam.putUserPolicy(r -> r.userName("least-privilege").policyName("huntaze-audit").policyDocument(shipped));
            leastPrivilege = iam.createAccessKey(r -> r.userName("least-privilege")).accessKey();
            euWestVpc = com.huntaze.audit.testing.DefaultVpc.of(moto, "eu-west-1");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        moto.close();
        TestCredentials.install();
    }

    @AfterEach
    void tearDown() {
        if (proxy != null) {
            proxy.close();
        }
        TestCredentials.install();
    }

    /** The CLI under test reads its credentials from these system properties (the default chain's first link). */
    private static void auditWith(AccessKey key) {
        System.setProperty("aws.accessKeyId", key.accessKeyId());
        System.setProperty("aws.secretAccessKey", key.secretAccessKey());
    }

    @Test
    void deniedAreasAreTodoNamingTheMissingActionAndEverythingElseIsCorrect() {
        var adminCredentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(admin.accessKeyId(), admin.secretAccessKey()));
        try (var rds = moto.configure(software.amazon.awssdk.services.rds.RdsClient.builder(), "us-east-1")
                .credentialsProvider(adminCredentials).build();
             var ecs = moto.configure(software.amazon.awssdk.services.ecs.EcsClient.builder(), "us-east-1")
                     .credentialsProvider(adminCredentials).build()) {
            rds.createDBInstance(r -> r.dbInstanceIdentifier("orders-db").engine("postgres").dbInstanceClass("db.t3.micro")
                    .allocatedStorage(20).masterUsername("admin").masterUserPassword("password123").multiAZ(false));
            ecs.createCluster(r -> r.clusterName("leftover"));
        }
        seedBucketAndTable(adminCredentials, "us-east-1", "audit-partial-bucket", "partial-table");
        proxy = new StubProxy(moto.endpoint());
        Seed.sesAccount(proxy, "us-east-1", true);

        auditWith(auditor);
        CliRun json = CliRun.of("check", "--endpoint-url", proxy.endpoint().toString(), "--region", "us-east-1",
                "--format", "json");
        CliRun markdown = CliRun.of("check", "--endpoint-url", proxy.endpoint().toString(), "--region", "us-east-1");

        assertThat(json.exitCode()).as(json.toString()).isEqualTo(1);
        JsonNode report = json.json();
        Map<String, String> denied = Map.of("rds.", "rds:DescribeDBInstances", "s3.versioning",
                "s3:GetBucketVersioning", "s3.lifecycle", "s3:GetBucketVersioning", "dynamodb.point-in-time-recovery",
                "dynamodb:DescribeContinuousBackups");
        for (JsonNode f : report.get("findings")) {
            String check = f.get("checkId").asText();
            denied.forEach((prefix, action) -> {
                if (check.startsWith(prefix)) {
                    assertThat(f.get("status").asText()).as(check).isEqualTo("TODO");
                    assertThat(f.get("message").asText()).as(check).contains(action).contains("access denied");
                }
            });
        }
        assertThat(statusOf(report, "ecs.empty-cluster", "leftover")).isEqualTo("NOK");
        assertThat(statusOf(report, "ses.production-access", "")).isEqualTo("OK");
        assertThat(statusOf(report, "s3.public-access-block", "audit-partial-bucket")).isEqualTo("NOK");
        assertThat(statusOf(report, "dynamodb.deletion-protection", "partial-table")).isEqualTo("NOK");
        assertThat(report.get("summary").get("collectionErrors").toString())
                .contains("\"operation\":\"rds:DescribeDBInstances\"")
                .contains("\"operation\":\"s3:GetBucketVersioning\"")
                .contains("\"operation\":\"dynamodb:DescribeContinuousBackups\"").doesNotContain("ecs:");

        assertThat(markdown.out()).contains("## Missing permissions").contains("\"Action\": [\"dynamodb:"
                + "DescribeContinuousBackups\", \"rds:DescribeDBInstances\", \"s3:GetBucketVersioning\"]");
    }

    @Test
    void theShippedPolicyIsExactlyWhatAFullAuditUses() throws java.io.IOException {
        seedOneOfEachKind();
        auditWith(leastPrivilege);

        CliRun run = CliRun.of("check", "--endpoint-url", proxy.endpoint().toString(), "--region", "eu-west-1",
                "--format", "json");

        JsonNode report = run.json();
        assertThat(report.get("summary").has("collectionErrors")).as(run.toString()).isFalse();
        for (JsonNode f : report.get("findings")) {
            assertThat(f.get("message").asText()).doesNotContain("access denied");
        }
        java.util.Set<String> used = new java.util.TreeSet<>();
        report.get("stats").get("apiCalls").fieldNames().forEachRemaining(used::add);
        java.util.Set<String> granted = new java.util.TreeSet<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(readShippedPolicy()).get("Statement")
                .forEach(st -> st.get("Action").forEach(a -> granted.add(a.asText())));
        assertThat(used).as("operations a full audit made vs. actions the policy grants").isEqualTo(granted);
    }

    /** One resource of every kind (in eu-west-1: the other test uses us-east-1 of the same server) the tool collects, so that every collector makes each of its calls. */
    private void seedOneOfEachKind() {
        var adminCredentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(admin.accessKeyId(), admin.secretAccessKey()));
        try (var rds = moto.configure(software.amazon.awssdk.services.rds.RdsClient.builder(), "eu-west-1")
                .credentialsProvider(adminCredentials).build();
             var ecs = moto.configure(software.amazon.awssdk.services.ecs.EcsClient.builder(), "eu-west-1")
                     .credentialsProvider(adminCredentials).build()) {
            rds.createDBInstance(r -> r.dbInstanceIdentifier("orders-db").engine("postgres").dbInstanceClass("db.t3.micro")
                    .allocatedStorage(20).masterUsername("admin").masterUserPassword("password123").multiAZ(true));
            ecs.createCluster(r -> r.clusterName("prod"));
            ecs.registerTaskDefinition(r -> r.family("api").containerDefinitions(c -> c.name("api").image("nginx").memory(512)));
            ecs.createService(r -> r.cluster("prod").serviceName("api").taskDefinition("api").desiredCount(1));
        }
        try (var secrets = moto.configure(software.amazon.awssdk.services.secretsmanager.SecretsManagerClient.builder(),
                "eu-west-1").credentialsProvider(adminCredentials).build()) {
            secrets.createSecret(r -> r.name("prod/db").secretString("not-read-by-the-audit"));
        }
        try (var elb = moto.configure(software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client
                .builder(), "eu-west-1").credentialsProvider(adminCredentials).build();
             var cache = moto.configure(software.amazon.awssdk.services.elasticache.ElastiCacheClient.builder(), "eu-west-1")
                     .credentialsProvider(adminCredentials).build()) {
            String lb = elb.createLoadBalancer(r -> r.name("web").subnets(euWestVpc.twoSubnets()))
                    .loadBalancers().get(0).loadBalancerArn();
            String tg = elb.createTargetGroup(r -> r.name("web-tg").protocol("HTTP").port(8080).vpcId(euWestVpc.vpcId())
                    .targetType("ip")).targetGroups().get(0).targetGroupArn();
            elb.registerTargets(r -> r.targetGroupArn(tg).targets(t -> t.id("172.31.0.10").port(8080)));
            elb.createListener(r -> r.loadBalancerArn(lb).protocol("HTTP").port(80)
                    .defaultActions(a -> a.type("forward").targetGroupArn(tg)));
            cache.createReplicationGroup(r -> r.replicationGroupId("sessions").replicationGroupDescription("sessions")
                    .engine("redis").cacheNodeType("cache.t3.small").numCacheClusters(2));
            cache.createCacheCluster(r -> r.cacheClusterId("solo").engine("redis").cacheNodeType("cache.t3.small")
                    .numCacheNodes(1));
        }
        try (var logs = moto.configure(software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient.builder(),
                "eu-west-1").credentialsProvider(adminCredentials).build();
             var cloudwatch = moto.configure(software.amazon.awssdk.services.cloudwatch.CloudWatchClient.builder(),
                     "eu-west-1").credentialsProvider(adminCredentials).build()) {
            logs.createLogGroup(r -> r.logGroupName("/ecs/api"));
            cloudwatch.putMetricAlarm(r -> r.alarmName("orders-db-cpu").namespace("AWS/RDS").metricName("CPUUtilization")
                    .dimensions(d -> d.name("DBInstanceIdentifier").value("orders-db")).statistic("Average")
                    .period(300).evaluationPeriods(1).threshold(80.0).comparisonOperator("GreaterThanThreshold"));
        }
        try (var ses = moto.configure(software.amazon.awssdk.services.sesv2.SesV2Client.builder(), "eu-west-1")
                .credentialsProvider(adminCredentials).build()) {
            ses.createEmailIdentity(r -> r.emailIdentity("example.com"));
        }
        seedBucketAndTable(adminCredentials, "eu-west-1", "audit-full-bucket", "full-table");
        proxy = new StubProxy(moto.endpoint());
        // moto fails ListEmailIdentities when a page size is sent: the proxy lists the one identity instead, and
        // GetEmailIdentity goes to moto (authorised against the policy).
        proxy.when(r -> r.path().startsWith("/v2/email/identities?"), StubProxy.Response.json(
                "{\"EmailIdentities\":[{\"IdentityName\":\"example.com\",\"IdentityType\":\"DOMAIN\",\"SendingEnabled\":true}]}"));
        Seed.sesAccount(proxy, "eu-west-1", true);
    }

    /**
     * A bucket in {@code region} (S3 lists it account-wide: every S3 call is made) and a table there, with nothing
     * set: no versioning, lifecycle, Block Public Access, point-in-time recovery or deletion protection.
     */
    private static void seedBucketAndTable(StaticCredentialsProvider adminCredentials, String region, String bucket,
                                           String table) {
        try (var s3 = moto.configure(software.amazon.awssdk.services.s3.S3Client.builder(), region)
                .credentialsProvider(adminCredentials).forcePathStyle(true).build();
             var dynamodb = moto.configure(software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder(), region)
                     .credentialsProvider(adminCredentials).build()) {
            s3.createBucket(r -> {
                r.bucket(bucket);
                if (!region.equals("us-east-1")) {
                    r.createBucketConfiguration(c -> c.locationConstraint(region));
                }
            });
            dynamodb.createTable(r -> r.tableName(table).billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                    .keySchema(k -> k.attributeName("id").keyType("HASH")));
        }
    }

    /**
     * moto names CloudWatch actions after the service's signing name, {@code monitoring:}, where IAM says
     * {@code cloudwatch:}; it authorises a bucket's GetPublicAccessBlock as {@code s3:ListBucket} (its table of S3
     * actions looks for a {@code public_access_block} query parameter; the API sends {@code publicAccessBlock})
     * where IAM says {@code s3:GetBucketPublicAccessBlock}, and S3 Control's as {@code s3:GetPublicAccessBlock}
     * (the operation's name) where IAM says {@code s3:GetAccountPublicAccessBlock}: the policy given to moto grants
     * both spellings of each.
     */
    private static String asMotoNamesIt(String policy) {
        return policy.replaceAll("\"cloudwatch:([A-Za-z]+)\"", "\"cloudwatch:$1\", \"monitoring:$1\"")
                .replace("\"s3:GetBucketPublicAccessBlock\"",
                        "\"s3:GetBucketPublicAccessBlock\", \"s3:ListBucket\"")
                .replace("\"s3:GetAccountPublicAccessBlock\"",
                        "\"s3:GetAccountPublicAccessBlock\", \"s3:GetPublicAccessBlock\"");
    }

    private static String readShippedPolicy() throws java.io.IOException {
        return java.nio.file.Files.readString(java.nio.file.Path.of("iam", "huntaze-audit-policy.json"));
    }

    private static String statusOf(JsonNode report, String checkId, String resourceId) {
        for (JsonNode f : report.get("findings")) {
            if (f.get("checkId").asText().equals(checkId) && f.get("resourceId").asText().equals(resourceId)) {
                return f.get("status").asText();
            }
        }
        throw new AssertionError("no finding " + checkId + " " + resourceId);
    }
}
