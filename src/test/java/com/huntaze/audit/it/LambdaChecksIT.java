package com.huntaze.audit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huntaze.audit.testing.CliRun;
import com.huntaze.audit.testing.Moto;
import com.huntaze.audit.testing.MotoServer;
import com.huntaze.audit.testing.ReportFindings;
import com.huntaze.audit.testing.StubProxy;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The Lambda checks against moto, through --endpoint-url: a python3.8 function that a scheduled EventBridge rule
 * targets without any failure destination (both checks NOK), a python3.12 one with an on-failure destination (moto
 * stores it), one with a dead-letter queue (moto drops DeadLetterConfig: the stub proxy adds it to ListFunctions'
 * answer, as AWS gives it) and one no caller invokes (not judged). moto's ListFunctionEventInvokeConfigs gives
 * LastModified as an ISO string where AWS gives epoch seconds: the proxy rewrites it too.
 */
@ExtendWith(Moto.class)
class LambdaChecksIT {

    private static final Set<String> CHECKS = Set.of("lambda.supported-runtime", "lambda.failure-destination");
    private static final String QUEUE = "arn:aws:sqs:us-east-1:123456789012:";

    private StubProxy proxy;

    @AfterEach
    void tearDown() {
        if (proxy != null) {
            proxy.close();
        }
    }

    private static void seed(MotoServer moto) {
        try (SqsClient sqs = moto.configure(SqsClient.builder(), "us-east-1").build()) {
            sqs.createQueue(r -> r.queueName("report-failures"));
            sqs.createQueue(r -> r.queueName("sync-dlq"));
        }
        String report = LambdaFunctions.create(moto, "us-east-1", "nightly-report", "python3.8", Map.of());
        String api = LambdaFunctions.create(moto, "us-east-1", "offers-sync", "python3.12", Map.of());
        String withDlq = LambdaFunctions.create(moto, "us-east-1", "thumbs", "python3.12", Map.of());
        LambdaFunctions.create(moto, "us-east-1", "http-api", "python3.12", Map.of());
        try (LambdaClient lambda = moto.configure(LambdaClient.builder(), "us-east-1").build()) {
            lambda.putFunctionEventInvokeConfig(r -> r.functionName("offers-sync")
                    .destinationConfig(d -> d.onFailure(f -> f.destination(QUEUE + "report-failures"))));
        }
        try (EventBridgeClient events = moto.configure(EventBridgeClient.builder(), "us-east-1").build()) {
            int i = 0;
            for (String target : new String[] {report, api, withDlq}) {
                String rule = "rule-" + i++;
                events.putRule(r -> r.name(rule).scheduleExpression("rate(1 day)"));
                events.putTargets(r -> r.rule(rule).targets(t -> t.id("fn").arn(target)));
            }
        }
    }

    /** ListFunctions' answer with DeadLetterConfig on {@code thumbs}, as AWS gives it (moto drops it). */
    private static String withDeadLetterConfig(String body) {
        try {
            ObjectMapper json = new ObjectMapper();
            JsonNode root = json.readTree(body);
            for (JsonNode f : root.get("Functions")) {
                if (f.get("FunctionName").asText().equals("thumbs")) {
                    ((ObjectNode) f).putObject("DeadLetterConfig").put("TargetArn", QUEUE + "sync-dlq");
                }
            }
            return json.writeValueAsString(root);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * ListFunctionEventInvokeConfigs' answer with LastModified as AWS gives it, epoch seconds: moto answers an ISO
     * string with nanoseconds, which the SDK (a timestamp field, restJson) cannot read.
     */
    private static String withEpochLastModified(String body) {
        try {
            ObjectMapper json = new ObjectMapper();
            JsonNode root = json.readTree(body);
            for (JsonNode c : root.path("FunctionEventInvokeConfigs")) {
                if (c.path("LastModified").isTextual()) {
                    ((ObjectNode) c).put("LastModified",
                            java.time.Instant.parse(c.get("LastModified").asText()).getEpochSecond());
                }
            }
            return json.writeValueAsString(root);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aDeprecatedRuntimeOnAScheduledTargetWithoutDestinationIsNokOnBothChecks(MotoServer moto) {
        seed(moto);
        proxy = new StubProxy(moto.endpoint());
        proxy.when(r -> r.method().equals("GET") && r.path().startsWith("/2015-03-31/functions")
                && !r.path().contains("/event-invoke-config"), new StubProxy.Rewrite(LambdaChecksIT::withDeadLetterConfig));
        proxy.when(r -> r.method().equals("GET") && r.path().contains("/event-invoke-config/list"),
                new StubProxy.Rewrite(LambdaChecksIT::withEpochLastModified));

        CliRun run = CliRun.of("check", "--endpoint-url", proxy.endpoint().toString(), "--region", "us-east-1",
                "--format", "json", "--checks", "lambda.*,sqs.dead-letter-queue");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        JsonNode report = run.json();
        Map<String, String> expected = new TreeMap<>();
        expected.put("lambda.supported-runtime us-east-1 nightly-report", "NOK");
        expected.put("lambda.supported-runtime us-east-1 offers-sync", "OK");
        expected.put("lambda.supported-runtime us-east-1 thumbs", "OK");
        expected.put("lambda.supported-runtime us-east-1 http-api", "OK");
        expected.put("lambda.failure-destination us-east-1 nightly-report", "NOK");
        expected.put("lambda.failure-destination us-east-1 offers-sync", "OK");
        expected.put("lambda.failure-destination us-east-1 thumbs", "OK");
        assertThat(ReportFindings.statuses(report, CHECKS)).isEqualTo(expected);

        JsonNode runtime = run.finding("lambda.supported-runtime", "us-east-1", "nightly-report");
        assertThat(runtime.get("message").asText()).contains("deprecated on 2024-10-14");
        assertThat(runtime.get("resourceArn").asText())
                .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:nightly-report");
        JsonNode destination = run.finding("lambda.failure-destination", "us-east-1", "nightly-report");
        assertThat(destination.get("message").asText()).contains("EventBridge rule rule-0 (bus default, target fn)");
        assertThat(run.finding("lambda.failure-destination", "us-east-1", "offers-sync").get("evidence")
                .get("OnFailureDestinations").get(0).asText()).isEqualTo(QUEUE + "report-failures");
        assertThat(run.finding("lambda.failure-destination", "us-east-1", "thumbs").get("evidence")
                .get("DeadLetterConfig").asText()).isEqualTo(QUEUE + "sync-dlq");
        // Both queues a function names are dead-letter queues: no sqs.dead-letter-queue finding of their own.
        assertThat(ReportFindings.statuses(report, Set.of("sqs.dead-letter-queue"))).isEmpty();

        assertThat(report.get("summary").has("collectionErrors")).isFalse();
        JsonNode calls = report.get("stats").get("apiCalls");
        assertThat(calls.get("lambda:ListFunctions").asInt()).isEqualTo(1);
        // One per function a caller names: not for http-api.
        assertThat(calls.get("lambda:ListFunctionEventInvokeConfigs").asInt()).isEqualTo(3);
        assertThat(proxy.requests()).noneMatch(r -> r.method().equals("GET")
                && r.path().matches("/2015-03-31/functions/[^/?]+(\\?.*)?"));
    }
}
