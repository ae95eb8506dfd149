package com.huntaze.audit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huntaze.audit.testing.CliRun;
import com.huntaze.audit.testing.Moto;
import com.huntaze.audit.testing.MotoServer;
import com.huntaze.audit.testing.ReportFindings;
import com.huntaze.audit.testing.StubProxy;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.s3control.endpoints.S3ControlEndpointProvider;

/**
 * The S3 and DynamoDB checks against moto, through --endpoint-url: S3 Control's account-level Block Public Access
 * (the SDK would put the account id in front of the emulator's host: the audit's S3 Control client leaves it out),
 * buckets in several regions (one outside the audited ones), the "not set" answers as answers, tables with and
 * without point-in-time recovery and deletion protection.
 */
@ExtendWith(Moto.class)
class S3DynamoDbChecksIT {

    private static final String ACCOUNT = "123456789012";
    private static final java.util.Set<String> CHECKS = java.util.Set.of("s3.public-access-block", "s3.versioning",
            "s3.lifecycle", "dynamodb.point-in-time-recovery", "dynamodb.deletion-protection");

    private StubProxy proxy;

    @AfterEach
    void tearDown() {
        if (proxy != null) {
            proxy.close();
        }
    }

    private static S3Client s3(MotoServer moto, String region) {
        return moto.configure(S3Client.builder(), region).forcePathStyle(true).build();
    }

    /** moto's S3 Control, without the account id the SDK would put in front of its host. */
    private static S3ControlClient s3Control(MotoServer moto) {
        S3ControlEndpointProvider rules = S3ControlEndpointProvider.defaultProvider();
        return moto.configure(S3ControlClient.builder(), "us-east-1")
                .endpointProvider(p -> rules.resolveEndpoint(p.toBuilder().requiresAccountId(false).build())).build();
    }

    private static void bucket(MotoServer moto, String name, String region) {
        try (S3Client s3 = s3(moto, region)) {
            s3.createBucket(r -> {
                r.bucket(name);
                if (!region.equals("us-east-1")) {
                    r.createBucketConfiguration(c -> c.locationConstraint(region));
                }
            });
        }
    }

    /**
     * No account-level Block Public Access; {@code plain} (us-east-1) with nothing set; {@code versioned-assets}
     * versioned with both lifecycle rules; {@code locked} with its own block all on; {@code eu-uploads} created in
     * eu-west-1 and {@code sydney-backups} in ap-southeast-2 (not audited); tables {@code sessions} (no PITR, no
     * deletion protection) and {@code users} (both) in us-east-1.
     */
    private static void seed(MotoServer moto) {
        bucket(moto, "plain", "us-east-1");
        bucket(moto, "versioned-assets", "us-east-1");
        bucket(moto, "locked", "us-east-1");
        bucket(moto, "eu-uploads", "eu-west-1");
        bucket(moto, "sydney-backups", "ap-southeast-2");
        try (S3Client s3 = s3(moto, "us-east-1")) {
            s3.putBucketVersioning(r -> r.bucket("versioned-assets")
                    .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
            s3.putBucketLifecycleConfiguration(r -> r.bucket("versioned-assets").lifecycleConfiguration(l -> l.rules(
                    rule -> rule.id("old-versions").status(ExpirationStatus.ENABLED).filter(f -> f.prefix(""))
                            .noncurrentVersionExpiration(n -> n.noncurrentDays(30)),
                    rule -> rule.id("abort-uploads").status(ExpirationStatus.ENABLED).filter(f -> f.prefix(""))
                            .abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(7)))));
            s3.putPublicAccessBlock(r -> r.bucket("locked").publicAccessBlockConfiguration(c -> c
                    .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true)));
        }
        try (DynamoDbClient dynamodb = moto.configure(DynamoDbClient.builder(), "us-east-1").build()) {
            for (String table : new String[] {"sessions", "users"}) {
                dynamodb.createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                        .deletionProtectionEnabled(table.equals("users")));
            }
            dynamodb.updateContinuousBackups(r -> r.tableName("users")
                    .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
        }
    }

    private static CliRun audit(String endpoint) {
        return audit(endpoint, "s3.*,dynamodb.*");
    }

    private static CliRun audit(String endpoint, String checks) {
        return CliRun.of("check", "--endpoint-url", endpoint, "--region", "us-east-1,eu-west-1", "--format", "json",
                "--checks", checks);
    }

    @Test
    void everyS3AndDynamoDbCheckIsRightOnTheSeededAccount(MotoServer moto) {
        seed(moto);

        CliRun run = audit(moto.endpoint().toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        JsonNode report = run.json();
        Map<String, String> expected = new TreeMap<>();
        expected.put("s3.public-access-block global ", "NOK");
        for (String[] b : new String[][] {{"plain", "us-east-1"}, {"versioned-assets", "us-east-1"},
                {"locked", "us-east-1"}, {"eu-uploads", "eu-west-1"}, {"sydney-backups", "ap-southeast-2"}}) {
            expected.put("s3.public-access-block " + b[1] + " " + b[0], b[0].equals("locked") ? "OK" : "NOK");
            expected.put("s3.versioning " + b[1] + " " + b[0], b[0].equals("versioned-assets") ? "OK" : "NOK");
            expected.put("s3.lifecycle " + b[1] + " " + b[0], b[0].equals("versioned-assets") ? "OK" : "NOK");
        }
        expected.put("dynamodb.point-in-time-recovery us-east-1 sessions", "NOK");
        expected.put("dynamodb.point-in-time-recovery us-east-1 users", "OK");
        expected.put("dynamodb.deletion-protection us-east-1 sessions", "NOK");
        expected.put("dynamodb.deletion-protection us-east-1 users", "OK");
        assertThat(ReportFindings.statuses(report, CHECKS)).isEqualTo(expected);

        JsonNode account = run.finding("s3.public-access-block", "global", "");
        assertThat(account.get("resourceType").asText()).isEqualTo("AWS::::Account");
        assertThat(account.get("evidence").get("Configuration").asText()).contains("NoSuchPublicAccessBlockConfiguration");
        assertThat(run.finding("s3.public-access-block", "us-east-1", "locked").get("evidence").get("BucketLevel")
                .get("RestrictPublicBuckets").asBoolean()).isTrue();
        JsonNode plain = run.finding("s3.versioning", "us-east-1", "plain");
        assertThat(plain.get("message").asText()).contains("an overwrite or delete cannot be undone");
        assertThat(plain.get("resourceArn").asText()).isEqualTo("arn:aws:s3:::plain");
        assertThat(run.finding("s3.lifecycle", "us-east-1", "versioned-assets").get("evidence")
                .get("NoncurrentVersionExpiration").asText()).isEqualTo("rule \"old-versions\" (whole bucket): 30 days");
        assertThat(run.finding("s3.lifecycle", "us-east-1", "plain").get("evidence").get("Savings").asText())
                .isEqualTo("stored bytes not read: savings not estimated");

        JsonNode users = run.finding("dynamodb.point-in-time-recovery", "us-east-1", "users");
        assertThat(users.get("evidence").get("RecoveryPeriodInDays").asInt()).isEqualTo(35);
        assertThat(users.get("resourceArn").asText())
                .isEqualTo("arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/users");
        assertThat(run.finding("dynamodb.deletion-protection", "us-east-1", "sessions").get("resourceArn").asText())
                .isEqualTo("arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/sessions");

        assertThat(report.get("summary").has("collectionErrors")).as("'not set' answers are not failures").isFalse();
        JsonNode calls = report.get("stats").get("apiCalls");
        assertThat(calls.get("s3:ListAllMyBuckets").asInt()).isEqualTo(1);
        assertThat(calls.get("s3:GetAccountPublicAccessBlock").asInt()).isEqualTo(1);
        for (String perBucket : new String[] {"s3:GetBucketLocation", "s3:GetBucketPublicAccessBlock",
                "s3:GetBucketVersioning", "s3:GetLifecycleConfiguration"}) {
            assertThat(calls.get(perBucket).asInt()).as(perBucket).isEqualTo(5);
        }
        assertThat(calls.get("dynamodb:ListTables").asInt()).as("one page per region").isEqualTo(2);
        assertThat(calls.get("dynamodb:DescribeTable").asInt()).isEqualTo(2);
        assertThat(calls.get("dynamodb:DescribeContinuousBackups").asInt()).isEqualTo(2);
    }

    @Test
    void theAccountLevelBlockCoversEveryBucketWithoutAskingEach(MotoServer moto) {
        bucket(moto, "plain", "us-east-1");
        bucket(moto, "eu-uploads", "eu-west-1");
        try (S3ControlClient s3control = s3Control(moto)) {
            s3control.putPublicAccessBlock(r -> r.accountId(ACCOUNT).publicAccessBlockConfiguration(c -> c
                    .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true)));
        }

        CliRun run = audit(moto.endpoint().toString(), "s3.public-access-block");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(ReportFindings.statuses(run.json(), CHECKS)).isEqualTo(Map.of(
                "s3.public-access-block global ", "OK",
                "s3.public-access-block us-east-1 plain", "OK",
                "s3.public-access-block eu-west-1 eu-uploads", "OK"));
        assertThat(run.finding("s3.public-access-block", "eu-west-1", "eu-uploads").get("message").asText())
                .contains("account-level");
        assertThat(run.json().get("stats").get("apiCalls").has("s3:GetBucketPublicAccessBlock")).isFalse();
    }

    @Test
    void aCheckCostsOnlyTheCallsItReads(MotoServer moto) {
        seed(moto);

        JsonNode calls = audit(moto.endpoint().toString(), "s3.versioning,dynamodb.deletion-protection")
                .json().get("stats").get("apiCalls");

        java.util.Set<String> made = new java.util.TreeSet<>();
        calls.fieldNames().forEachRemaining(made::add);
        assertThat(made).containsExactly("dynamodb:DescribeTable", "dynamodb:ListTables", "s3:GetBucketLocation",
                "s3:GetBucketVersioning", "s3:ListAllMyBuckets", "sts:GetCallerIdentity");
    }

    @Test
    void aDeniedPerBucketReadIsATodoForItsChecksOnlyAndNamesTheIamAction(MotoServer moto) {
        seed(moto);
        proxy = new StubProxy(moto.endpoint());
        proxy.when(r -> r.method().equals("GET") && r.path().endsWith("?versioning"), new StubProxy.Response(403,
                "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied</Code>"
                + "<Message>Access Denied</Message><RequestId>stub</RequestId></Error>"));

        CliRun run = audit(proxy.endpoint().toString());

        JsonNode report = run.json();
        for (String check : new String[] {"s3.versioning", "s3.lifecycle"}) {
            JsonNode todo = run.finding(check, "global", "");
            assertThat(todo.get("status").asText()).isEqualTo("TODO");
            assertThat(todo.get("message").asText()).contains("s3:GetBucketVersioning").contains("access denied");
        }
        assertThat(run.finding("s3.public-access-block", "us-east-1", "locked").get("status").asText()).isEqualTo("OK");
        assertThat(report.get("summary").get("collectionErrors").toString())
                .contains("\"operation\":\"s3:GetBucketVersioning\"").contains("\"kind\":\"access-denied\"");
    }
}
