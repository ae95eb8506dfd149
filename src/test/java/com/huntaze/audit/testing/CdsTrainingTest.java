package com.huntaze.audit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The class-data-sharing training endpoint must answer every call of an audit as a successful empty answer: a
 * call it answered wrongly would fail its dataset, and the archive would miss that service's response classes.
 */
class CdsTrainingTest {
    private static HttpServer endpoint;

    @BeforeAll
    static void start() throws Exception {
        TestCredentials.install();
        endpoint = CdsTraining.endpoint();
    }

    @AfterAll
    static void stop() {
        endpoint.stop(0);
    }

    @Test
    void everyServiceOfAnAuditIsAnsweredAsAnEmptyAccount() {
        CliRun run = CliRun.of("check", "--endpoint-url", "http://127.0.0.1:" + endpoint.getAddress().getPort(),
                "--region", "us-east-1,eu-west-1", "--format", "json");

        JsonNode report = run.json();
        assertThat(report.get("account").asText()).isEqualTo(CdsTraining.ACCOUNT);
        List<String> failedCollections = new ArrayList<>();
        for (JsonNode finding : report.get("findings")) {
            if (finding.get("evidence").has("action")) {
                failedCollections.add(finding.get("checkId").asText() + ": " + finding.get("evidence"));
            }
        }
        assertThat(failedCollections).isEmpty();
        Set<String> services = new TreeSet<>();
        report.get("stats").get("apiCalls").fieldNames().forEachRemaining(a -> services.add(a.split(":")[0]));
        assertThat(services).containsExactlyInAnyOrder("cloudwatch", "dynamodb", "ecs", "elasticache",
                "elasticloadbalancing", "iam", "logs", "rds", "s3", "secretsmanager", "ses", "sts");
    }
}
