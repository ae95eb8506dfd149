package com.huntaze.audit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.testing.AmplifyStub;
import com.huntaze.audit.testing.MotoServer;
import com.huntaze.audit.testing.Seed;
import com.huntaze.audit.testing.StubProxy;
import com.huntaze.audit.testing.Moto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The packaged CLI (bin/huntaze-audit, the shaded jar and its class-data-sharing archive, as {@code mvn package}
 * leaves them) audits a populated two-region account in moto and loads nearly every class from the archive: a
 * service whose collectors or SDK classes escape the archive's training run (testing/CdsTraining) fails this test.
 * Skipped when the jar has no archive of its own (packaged with -Dcds.skip).
 */
@ExtendWith(Moto.class)
class ClassDataSharingArchiveIT {

    /**
     * Classes an audit may load from outside the archive: JDK classes the archive cannot hold (dynamic proxies,
     * reflection accessors), and the odd class of an answer the training never gets. Measured: about 300 (a
     * service outside the training run adds a few hundred on its own).
     */
    private static final int MAX_CLASSES_OUTSIDE_THE_ARCHIVE = 300;

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path JAR = ROOT.resolve("target/huntaze-audit.jar");
    private static final Path ARCHIVE = ROOT.resolve("target/huntaze-audit.jsa");

    private MotoServer moto;
    private StubProxy proxy;

    @BeforeEach
    void setUp(MotoServer moto) {
        this.moto = moto;
        proxy = new StubProxy(moto.endpoint());
        AmplifyStub.noApps(proxy);
        Seed.noBackupSelectionsRestoresOrCacheEvents(proxy);
        Seed.sesAccount(proxy, "us-east-1", true);
        Seed.sesAccount(proxy, "eu-west-1", false);
        Seed.rdsLifecyclesAndMaintenance(proxy);
    }

    @AfterEach
    void tearDown() {
        proxy.close();
    }

    /** Some resources of many services, in both regions. */
    private void seedAccount() {
        for (String region : List.of("us-east-1", "eu-west-1")) {
            Seed.db(moto, region, "orders-" + region, false, 1, true, false);
            Seed.ecsCluster(moto, region, "api-" + region, true);
            try (SqsClient sqs = moto.configure(SqsClient.builder(), region).build();
                 SnsClient sns = moto.configure(SnsClient.builder(), region).build();
                 CloudWatchLogsClient logs = moto.configure(CloudWatchLogsClient.builder(), region).build();
                 CloudWatchClient cloudwatch = moto.configure(CloudWatchClient.builder(), region).build();
                 SecretsManagerClient secrets = moto.configure(SecretsManagerClient.builder(), region).build();
                 DynamoDbClient dynamo = moto.configure(DynamoDbClient.builder(), region).build()) {
                sqs.createQueue(r -> r.queueName("jobs"));
                String topic = sns.createTopic(r -> r.name("ops")).topicArn();
                sns.subscribe(r -> r.topicArn(topic).protocol("email").endpoint("ops@example.com"));
                logs.createLogGroup(r -> r.logGroupName("/ecs/api"));
                cloudwatch.putMetricAlarm(r -> r.alarmName("orders-cpu").namespace("AWS/RDS")
                        .metricName("CPUUtilization").statistic("Average").period(60).evaluationPeriods(1)
                        .threshold(80.0).comparisonOperator("GreaterThanThreshold").alarmActions(topic));
                secrets.createSecret(r -> r.name("prod/api").secretString("not-read-by-the-audit"));
                dynamo.createTable(r -> r.tableName("sessions").billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
            }
        }
        try (S3Client s3 = moto.configure(S3Client.builder(), "us-east-1").build()) {
            s3.createBucket(r -> r.bucket("huntaze-assets"));
        }
    }

    @Test
    void anAuditOfAPopulatedAccountLoadsNearlyEveryClassFromTheArchive(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(JAR) && Files.isRegularFile(ARCHIVE)
                        && Files.getLastModifiedTime(ARCHIVE).compareTo(Files.getLastModifiedTime(JAR)) > 0,
                "no class-data-sharing archive of the packaged jar (mvn package without -Dcds.skip makes it)");
        seedAccount();
        Path classLog = dir.resolve("class-load.log");

        Process audit = cli(dir, classLog, "check", "--endpoint-url", proxy.endpoint().toString(),
                "--region", "us-east-1,eu-west-1", "--format", "json");

        assertThat(audit.waitFor(120, TimeUnit.SECONDS)).as("the audit ends").isTrue();
        String stderr = Files.readString(dir.resolve("stderr"));
        assertThat(audit.exitValue()).as(stderr).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("stdout"))).contains("\"rds.multi-az\"");
        List<String> outside = classesOutsideTheArchive(classLog);
        assertThat(outside.size())
                .as("classes loaded outside the archive, by origin: %s", countsByOrigin(outside))
                .isLessThan(MAX_CLASSES_OUTSIDE_THE_ARCHIVE);
    }

    @Test
    void theJarCarriesNoHttpClientButUrlConnection() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(JAR), "no packaged jar (mvn package makes it)");
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertThat(jar.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("io/netty/") || n.startsWith("org/apache/http/")
                            || n.startsWith("software/amazon/awssdk/http/apache/")
                            || n.startsWith("software/amazon/awssdk/http/nio/")
                            || n.startsWith("software/amazon/awssdk/http/crt/"))
                    .limit(5)).isEmpty();
            String services = new String(jar.getInputStream(
                    jar.getEntry("META-INF/services/software.amazon.awssdk.http.SdkHttpService")).readAllBytes());
            assertThat(services.lines().filter(l -> !l.isBlank() && !l.startsWith("#")))
                    .containsExactly("software.amazon.awssdk.http.urlconnection.UrlConnectionSdkHttpService");
        }
    }

    /** bin/huntaze-audit with this JVM (the one that made the archive), logging every class it loads. */
    private static Process cli(Path dir, Path classLog, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("bin/huntaze-audit").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout").toFile()).redirectError(dir.resolve("stderr").toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("HUNTAZE_AUDIT_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog);
        env.put("AWS_ACCESS_KEY_ID", "testing");
        env.put("AWS_SECRET_ACCESS_KEY", "testing");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_CONFIG_FILE", dir.resolve("no-aws-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-aws-credentials").toString());
        env.remove("AWS_PROFILE");
        return builder.start();
    }

    /** The lines of -Xlog:class+load whose source is not the archive ("source: shared objects file"). */
    private static List<String> classesOutsideTheArchive(Path classLog) throws IOException {
        return Files.readAllLines(classLog).stream().filter(l -> l.contains(" source: "))
                .filter(l -> !l.contains("source: shared objects file")).toList();
    }

    /** "jar", "jrt:/java.base", "__ClassDefiner__", ... → how many; and lambda classes apart. */
    private static Map<String, Integer> countsByOrigin(List<String> lines) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String line : lines) {
            String source = line.substring(line.indexOf(" source: ") + 9);
            String origin = line.contains("$$Lambda") ? "lambda" : source.endsWith(".jar") ? "jar" : source;
            counts.merge(origin, 1, Integer::sum);
        }
        return counts;
    }
}
