package com.huntaze.audit.testing;

import com.huntaze.audit.collection.AwsSession;
import com.huntaze.audit.services.ServiceCatalog;
import com.sun.net.httpserver.HttpServer;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;

/**
 * What each SDK client costs an audit, for the README's table (run by bench/clients, not by the tests): in one JVM
 * started as bin/huntaze-audit starts it, after the STS call every audit makes first, each service client of the jar
 * is built through {@link AwsSession} (shared HTTP client, credentials and interceptors) and makes its first call, a
 * declared no-argument operation, to the training endpoint ({@link CdsTraining#endpoint}). Prints one tab-separated
 * line per client: package, build ms, first call ms, the operation.
 */
public final class ClientCosts {
    private ClientCosts() {
    }

    private static final Pattern CLIENT = Pattern.compile("software/amazon/awssdk/services/([a-z0-9]+)/([A-Za-z0-9]+)Client\\.class");

    public static void main(String[] args) throws Exception {
        TestCredentials.install();
        System.setProperty("aws.configFile", "/nonexistent/huntaze-client-costs/config");
        System.setProperty("aws.sharedCredentialsFile", "/nonexistent/huntaze-client-costs/credentials");
        HttpServer endpoint = CdsTraining.endpoint();
        Set<String> operations = new HashSet<>();
        ServiceCatalog.current().actions().forEach(a -> operations.add(a.substring(a.indexOf(':') + 1)
                .toLowerCase(Locale.ROOT)));
        Set<String> clients = new TreeSet<>();
        Path jar = Path.of(SdkClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (JarFile file = new JarFile(jar.toFile())) {
            file.stream().forEach(e -> {
                Matcher m = CLIENT.matcher(e.getName());
                if (m.matches() && !m.group(2).endsWith("Async") && !m.group(1).startsWith("sso")) {
                    clients.add(e.getName().replace('/', '.').replace(".class", ""));
                }
            });
        }
        AwsSession.Settings settings = new AwsSession.Settings(null,
                URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort()), false, 1,
                AwsSession.Settings.DEFAULT_CALL_TIMEOUT);
        try (AwsSession aws = new AwsSession(settings, 8, ServiceCatalog.current().actions())) {
            long start = System.nanoTime();
            aws.sts("us-east-1").getCallerIdentity();
            System.out.printf("sts (first client and call of the JVM)\t%d%n", (System.nanoTime() - start) / 1_000_000);
            for (String name : clients) {
                Class<?> type = Class.forName(name);
                if (!type.isInterface() || !SdkClient.class.isAssignableFrom(type) || name.endsWith(".StsClient")) {
                    continue;
                }
                measure(aws, type, operations);
            }
        } finally {
            endpoint.stop(0);
        }
    }

    /** The IAM prefix of the SDK packages whose names differ from it (the read-only guard allows by IAM action). */
    private static final Map<String, String> IAM_PREFIX = Map.of("cloudwatchlogs", "logs", "elasticloadbalancingv2",
            "elasticloadbalancing", "eventbridge", "events", "sesv2", "ses", "applicationautoscaling",
            "application-autoscaling", "efs", "elasticfilesystem");

    @SuppressWarnings("unchecked")
    private static <C extends SdkClient, B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>> C build(
            AwsSession aws, String iamPrefix, Method builder) {
        return aws.client(iamPrefix, "us-east-1", () -> {
            try {
                return (B) builder.invoke(null);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void measure(AwsSession aws, Class<?> type, Set<String> operations) throws Exception {
        String service = type.getPackageName().substring(type.getPackageName().lastIndexOf('.') + 1);
        Method builder = type.getMethod("builder");
        long start = System.nanoTime();
        SdkClient client = build(aws, IAM_PREFIX.getOrDefault(service, service), builder);
        long built = System.nanoTime();
        String operation = "-";
        for (Method method : type.getMethods()) {
            if (method.getParameterCount() == 0 && method.isDefault()
                    && operations.contains(method.getName().toLowerCase(Locale.ROOT))) {
                operation = method.getName();
                try {
                    method.invoke(client);
                } catch (ReflectiveOperationException e) {
                    operation += " (failed: " + e.getCause() + ")";
                }
                break;
            }
        }
        long called = System.nanoTime();
        System.out.printf("%s\t%d\t%s\t%s%n", service, (built - start) / 1_000_000,
                operation.equals("-") ? "-" : Long.toString((called - built) / 1_000_000), operation);
    }
}
