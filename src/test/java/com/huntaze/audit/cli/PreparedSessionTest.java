package com.huntaze.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.testing.CliRun;
import com.huntaze.audit.testing.TestCredentials;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The AWS session opened on a second core while check reads its inputs: bad input is still reported as before, one
 * line and exit 2, and costs no AWS call.
 */
class PreparedSessionTest {
    private HttpServer aws;
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        TestCredentials.install();
        aws = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        aws.createContext("/", exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        aws.start();
    }

    @AfterEach
    void stop() {
        aws.stop(0);
    }

    private String endpoint() {
        return "http://127.0.0.1:" + aws.getAddress().getPort();
    }

    @Test
    void anUnknownCheckPatternStopsTheAuditBeforeAnyAwsCall() {
        CliRun run = CliRun.of("check", "--region", "us-east-1", "--endpoint-url", endpoint(), "--checks",
                "nosuch.*");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(calls).hasValue(0);
    }

    @Test
    void aMissingConfigFileStopsTheAuditBeforeAnyAwsCall() {
        CliRun run = CliRun.of("check", "--region", "us-east-1", "--endpoint-url", endpoint(), "--config",
                "/nonexistent/huntaze-audit.yaml");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("/nonexistent/huntaze-audit.yaml");
        assertThat(calls).hasValue(0);
    }

    @Test
    void anAwsOptionRefusedWhileTheSessionOpensIsReportedAsBefore() {
        CliRun run = CliRun.of("check", "--region", "us-east-1", "--endpoint-url", endpoint(), "--max-attempts",
                "0");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--max-attempts must be between 1 and 20, not 0");
        assertThat(calls).hasValue(0);
    }
}
