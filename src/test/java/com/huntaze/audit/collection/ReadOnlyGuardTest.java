package com.huntaze.audit.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import com.huntaze.audit.services.ServiceCatalog;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The read-only guard refuses writes before a single byte leaves the process. */
class ReadOnlyGuardTest {

    private ServerSocket listener;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger bytesReceived = new AtomicInteger();
    private final CallCounter counter = new CallCounter();

    @BeforeEach
    void listen() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try (Socket socket = listener.accept(); InputStream in = socket.getInputStream()) {
                    connections.incrementAndGet();
                    socket.setSoTimeout(200);
                    byte[] buffer = new byte[4096];
                    int read;
                    while ((read = in.read(buffer)) > 0) {
                        bytesReceived.addAndGet(read);
                    }
                } catch (IOException ignored) {
                    // closed or timed out: the count is what matters
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void close() throws IOException {
        listener.close();
    }

    private <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>> B guarded(B builder, String prefix) {
        return builder.endpointOverride(URI.create("http://127.0.0.1:" + listener.getLocalPort()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .overrideConfiguration(o -> o.addExecutionInterceptor(new ReadOnlyGuard(prefix, ServiceCatalog.current().actions(), counter))
                        .apiCallTimeout(Duration.ofSeconds(2)));
    }

    @Test
    void aWriteOperationIsRefusedBeforeAnythingIsSent() {
        try (RdsClient rds = guarded(RdsClient.builder(), "rds").build()) {
            assertThatThrownBy(() -> rds.deleteDBInstance(r -> r.dbInstanceIdentifier("orders-db").skipFinalSnapshot(true)))
                    .hasStackTraceContaining("refused rds:DeleteDBInstance");
            assertThatThrownBy(() -> rds.modifyDBInstance(r -> r.dbInstanceIdentifier("orders-db").multiAZ(true)))
                    .hasStackTraceContaining("refused rds:ModifyDBInstance");
        }
        assertThat(connections.get()).as("connections opened").isZero();
        assertThat(bytesReceived.get()).as("bytes sent").isZero();
        assertThat(counter.snapshot()).as("refused calls are not counted").isEmpty();
    }

    @Test
    void getSecretValueIsRefusedOutrightThoughItStartsWithGet() {
        try (SecretsManagerClient secrets = guarded(SecretsManagerClient.builder(), "secretsmanager").build()) {
            assertThatThrownBy(() -> secrets.getSecretValue(r -> r.secretId("prod/db")))
                    .hasStackTraceContaining("refused secretsmanager:GetSecretValue");
        }
        assertThat(connections.get()).isZero();
    }

    @Test
    void readOperationsGoThroughAndAreCountedOncePerCall() {
        try (RdsClient rds = guarded(RdsClient.builder(), "rds")
                .overrideConfiguration(o -> o.addExecutionInterceptor(new ReadOnlyGuard("rds", ServiceCatalog.current().actions(), counter))
                        .apiCallTimeout(Duration.ofSeconds(2))
                        .retryStrategy(b -> b.maxAttempts(3)))
                .build()) {
            // The listener never answers: the call fails after its retries, but it did leave the process.
            assertThatThrownBy(() -> rds.describeDBInstances()).isNotNull();
        }
        assertThat(connections.get()).isPositive();
        assertThat(counter.snapshot()).containsEntry("rds:DescribeDBInstances", 1L);
    }

    @Test
    void aReadNoCollectorDeclaresIsRefusedBeforeAnythingIsSent() {
        try (RdsClient rds = guarded(RdsClient.builder(), "rds").build()) {
            assertThatThrownBy(() -> rds.describeDBLogFiles(r -> r.dbInstanceIdentifier("orders-db")))
                    .hasStackTraceContaining("refused rds:DescribeDBLogFiles");
            assertThatThrownBy(() -> rds.describeDBSnapshots())
                    .hasStackTraceContaining("refused rds:DescribeDBSnapshots");
        }
        assertThat(connections.get()).as("connections opened").isZero();
        assertThat(counter.snapshot()).isEmpty();
    }

    @Test
    void onlyReadsThatRevealNoSecretCanBeDeclared() {
        assertThat(ReadOnlyGuard.isReadOnly("rds:DescribeDBInstances")).isTrue();
        assertThat(ReadOnlyGuard.isReadOnly("ecs:ListClusters")).isTrue();
        assertThat(ReadOnlyGuard.isReadOnly("ses:GetAccount")).isTrue();
        assertThat(ReadOnlyGuard.isReadOnly("secretsmanager:GetSecretValue")).isFalse();
        assertThat(ReadOnlyGuard.isReadOnly("secretsmanager:BatchGetSecretValue")).isFalse();
        assertThat(ReadOnlyGuard.isReadOnly("ssm:GetParameter")).isFalse();
        assertThat(ReadOnlyGuard.isReadOnly("lambda:GetFunction")).isFalse();
        assertThat(ReadOnlyGuard.isReadOnly("s3:GetObject")).isFalse();
        assertThat(ReadOnlyGuard.isReadOnly("ecr:GetAuthorizationToken")).isFalse();
        assertThat(ReadOnlyGuard.isReadOnly("cloudwatch:PutMetricAlarm")).isFalse();
        assertThat(ReadOnlyGuard.isReadOnly("ecs:CreateCluster")).isFalse();
        assertThat(ReadOnlyGuard.isReadOnly("ecs:TagResource")).isFalse();
        assertThat(ReadOnlyGuard.isReadOnly("DescribeDBInstances")).as("no service prefix").isFalse();
    }
}
