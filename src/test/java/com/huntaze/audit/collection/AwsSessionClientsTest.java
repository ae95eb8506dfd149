package com.huntaze.audit.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huntaze.audit.testing.TestCredentials;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.RdsClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * The clients an audit builds ahead of its collectors ({@link AwsSession#prepare}): the collectors then get those
 * very clients, never a second build, and a client that cannot be built is left to its collector. No call is made.
 */
class AwsSessionClientsTest {

    /** Nothing listens there: these tests build clients and call nothing. */
    private static final AwsSession.Settings NOWHERE = new AwsSession.Settings(null, URI.create("http://127.0.0.1:9"),
            false, 1, AwsSession.Settings.DEFAULT_CALL_TIMEOUT);

    @BeforeAll
    static void credentials() {
        TestCredentials.install();
    }

    @Test
    void aCollectorGetsThePreparedClientItselfAndNothingIsBuiltTwice() throws Exception {
        AtomicInteger builds = new AtomicInteger();
        ServiceClient<RdsClient, RdsClientBuilder> rds = rdsCounting(builds);
        try (AwsSession aws = new AwsSession(NOWHERE, 4, Set.of())) {
            aws.prepare(List.of(rds.in("eu-west-1"), rds.in("us-east-1"))).get(30, TimeUnit.SECONDS);
            assertThat(builds).hasValue(2);

            RdsClient collectors = new CollectionContext("eu-west-1", aws, Map.of(), null).client(rds);
            assertThat(collectors).isSameAs(aws.client(rds, "eu-west-1"))
                    .isNotSameAs(aws.client(rds, "us-east-1"));
            assertThat(builds).hasValue(2);
        }
    }

    @Test
    void aCollectorAskingWhileThePreparationRunsWaitsForItsBuildRatherThanMakingASecond() throws Exception {
        AtomicInteger builds = new AtomicInteger();
        ServiceClient<RdsClient, RdsClientBuilder> rds = rdsCounting(builds);
        try (AwsSession aws = new AwsSession(NOWHERE, 4, Set.of())) {
            var preparing = aws.prepare(List.of(rds.in("eu-west-1")));
            RdsClient asked = aws.client(rds, "eu-west-1"); // whoever comes first builds it; the other waits
            preparing.get(30, TimeUnit.SECONDS);
            assertThat(aws.client(rds, "eu-west-1")).isSameAs(asked);
            assertThat(builds).hasValue(1);
        }
    }

    @Test
    void aClientThatCannotBeBuiltDoesNotFailThePreparationAndIsLeftToItsCollector() throws Exception {
        ServiceClient<RdsClient, RdsClientBuilder> broken = ServiceClient.regional("rds", () -> {
            throw new IllegalStateException("no RDS client here");
        });
        ServiceClient<SqsClient, SqsClientBuilder> sqs = ServiceClient.regional("sqs", SqsClient::builder);
        try (AwsSession aws = new AwsSession(NOWHERE, 4, Set.of())) {
            aws.prepare(List.of(broken.in("eu-west-1"), sqs.in("eu-west-1"))).get(30, TimeUnit.SECONDS);

            assertThat(aws.client(sqs, "eu-west-1")).isNotNull();
            // the collector builds it again, and meets (and reports) the failure as it always did
            assertThatThrownBy(() -> aws.client(broken, "eu-west-1")).hasMessage("no RDS client here");
        }
    }

    @Test
    void aFixedRegionClientIsAlwaysTheOneOfItsRegion() throws Exception {
        ServiceClient<RdsClient, RdsClientBuilder> global = ServiceClient.inRegion("rds", "us-east-1",
                RdsClient::builder);
        try (AwsSession aws = new AwsSession(NOWHERE, 4, Set.of())) {
            aws.prepare(List.of(global.in("us-east-1"))).get(30, TimeUnit.SECONDS);
            assertThat(new CollectionContext("eu-west-1", aws, Map.of(), null).client(global))
                    .isSameAs(aws.client(global, "us-east-1"));
        }
    }

    /** An RDS client declaration whose builds are counted in {@code builds}. */
    private static ServiceClient<RdsClient, RdsClientBuilder> rdsCounting(AtomicInteger builds) {
        return ServiceClient.regional("rds", () -> counting(RdsClient.builder(), RdsClientBuilder.class, builds));
    }

    /** {@code builder}, counting its {@code build()} calls (the session configures it by chained calls). */
    private static <B> B counting(B builder, Class<B> type, AtomicInteger builds) {
        Object[] self = new Object[1];
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("build") && method.getParameterCount() == 0) {
                builds.incrementAndGet();
            }
            try {
                Object result = method.invoke(builder, args);
                return result == builder ? self[0] : result;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        self[0] = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
        return type.cast(self[0]);
    }
}
