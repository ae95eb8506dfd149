package com.huntaze.audit.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * One moto server for the whole test JVM, on a free loopback port, started on first use and stopped when the
 * JVM exits. Tests reset its state with {@link #reset()} (the {@link Moto} extension does it before each test).
 */
public final class MotoServer implements AutoCloseable {
    private static MotoServer instance;

    private final Process process;
    private final URI endpoint;

    private MotoServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    public static synchronized MotoServer get() {
        if (instance == null) {
            instance = start(java.util.Map.of());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> instance.process.destroy()));
        }
        return instance;
    }

    /**
     * A separate moto server with extra environment, e.g. {@code INITIAL_NO_AUTH_ACTION_COUNT} to make it
     * authorise requests against IAM policies; close it when done.
     */
    public static MotoServer start(java.util.Map<String, String> environment) {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            Path log = Path.of("target", "moto-" + port + ".log");
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p",
                    Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("moto server exited: see " + log.toAbsolutePath()
                            + " (is moto installed? python3 -m pip install 'moto[server]')");
                }
                if (answers(endpoint)) {
                    return new MotoServer(process, endpoint);
                }
                Thread.sleep(100);
            }
            process.destroy();
            throw new IllegalStateException("moto server did not answer within 30 s: see " + log.toAbsolutePath());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start moto server (python3 -m moto.server): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean answers(URI endpoint) {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            int code = connection.getResponseCode();
            connection.disconnect();
            return code > 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        process.destroy();
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Clears every resource of every service. */
    public void reset() {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/moto-api/reset").toURL().openConnection();
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.getOutputStream().close();
            if (connection.getResponseCode() != 200) {
                throw new IllegalStateException("moto reset answered " + connection.getResponseCode());
            }
            connection.disconnect();
        } catch (IOException e) {
            throw new IllegalStateException("cannot reset moto: " + e.getMessage(), e);
        }
    }

    /** An SDK client builder for seeding test data: moto's endpoint, dummy credentials, no read-only guard. */
    public <B extends AwsClientBuilder<B, C>, C> B configure(B builder, String region) {
        return builder.endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(30)));
    }

    /**
     * A client in another account of moto, with the credentials of {@code role} in it: moto files what such a
     * client creates under that account (an organization's members, seeded through their access role).
     */
    public <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C inAccount(B builder, String region,
                                                                                         String account, String role) {
        Credentials credentials;
        try (StsClient sts = configure(StsClient.builder(), region).build()) {
            credentials = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + account + ":role/" + role)
                    .roleSessionName("seed")).credentials();
        }
        return configure(builder, region).credentialsProvider(StaticCredentialsProvider.create(
                AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(),
                        credentials.sessionToken()))).build();
    }
}
