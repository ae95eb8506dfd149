package com.huntaze.audit.collection;

import com.huntaze.audit.services.ServiceCatalog;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.testing.TestCredentials;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code --concurrency N}: however many threads call, at most N calls of a session are in flight at once. */
class InFlightLimitTest {

    @Test
    void aSessionNeverHasMoreCallsInFlightThanItsLimit() throws Exception {
        TestCredentials.install();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        HttpServer endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        endpoint.setExecutor(Executors.newCachedThreadPool());
        endpoint.createContext("/", exchange -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(30); // long enough for the other callers to pile up if nothing held them back
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            byte[] body = ("<GetCallerIdentityResponse><GetCallerIdentityResult><Account>123456789012</Account>"
                    + "</GetCallerIdentityResult></GetCallerIdentityResponse>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/xml");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            } catch (IOException ignored) {
                // the client went away: nothing to do
            }
        });
        endpoint.start();
        ExecutorService callers = Executors.newFixedThreadPool(12);
        AwsSession.Settings settings = new AwsSession.Settings(null,
                URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort()), false, 1,
                AwsSession.Settings.DEFAULT_CALL_TIMEOUT);
        try (AwsSession aws = new AwsSession(settings, 3, ServiceCatalog.current().actions())) {
            List<CompletableFuture<String>> calls = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> aws.sts("us-east-1").getCallerIdentity().account(), callers));
            }
            calls.forEach(call -> assertThat(call.join()).isEqualTo("123456789012"));
        } finally {
            callers.shutdownNow();
            endpoint.stop(0);
        }
        assertThat(mostInFlight.get()).isBetween(1, 3);
    }
}
