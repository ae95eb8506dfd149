package com.huntaze.audit.services.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.testing.CheckHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventsTargetDeadLetterCheckTest {

    private static final String ACCOUNT = ":us-east-1:123456789012:";
    private static final String DLQ = "arn:aws:sqs" + ACCOUNT + "offers-dlq";
    private static final String API_DESTINATION = "arn:aws:events" + ACCOUNT
            + "api-destination/offers-api/8f3c2a1e-4b5d-4c6e-9f70-1a2b3c4d5e6f";

    private static EventRule scheduled(String name, EventTarget... targets) {
        return new EventRule(name, "arn:aws:events" + ACCOUNT + "rule/" + name, "default", "ENABLED",
                "cron(0 3 * * ? *)", null, List.of(targets));
    }

    private static EventRule onPattern(String name, String bus, EventTarget... targets) {
        return new EventRule(name, "arn:aws:events" + ACCOUNT + "rule/" + bus + "/" + name, bus, "ENABLED", null, null,
                List.of(targets));
    }

    private static EventTarget target(String id, String arn, String deadLetterQueue) {
        return new EventTarget(id, arn, deadLetterQueue, null, null);
    }

    private static CheckHarness audit(EventRule... rules) {
        return CheckHarness.of(new EventsTargetDeadLetterCheck()).with(EventsDatasets.RULES, List.of(rules));
    }

    @Test
    void aScheduledRuleWhoseApiDestinationHasNoDeadLetterQueueIsNokAndOneWithItIsOk() {
        var audit = audit(scheduled("expire-offers", target("offers-api", API_DESTINATION, null)),
                scheduled("activate-offers", new EventTarget("activate", "arn:aws:lambda" + ACCOUNT
                        + "function:activate-offers", DLQ, 3, 3600)));

        Finding nok = audit.finding("expire-offers");
        assertThat(nok.status()).isEqualTo(Status.NOK);
        assertThat(nok.message()).isEqualTo("Target offers-api has no DeadLetterConfig: a failed invocation is"
                + " dropped after its retries (185 attempts over 24 h, AWS's default).");
        assertThat(nok.evidence()).containsEntry("EventBusName", "default")
                .containsEntry("ScheduleExpression", "cron(0 3 * * ? *)")
                .containsEntry("Targets", List.of(Map.of("TargetId", "offers-api", "TargetArn", API_DESTINATION,
                        "DeadLetterConfig", "none", "RetryPolicy", Map.of("MaximumRetryAttempts", 185,
                                "MaximumEventAgeInSeconds", 86400))));

        Finding ok = audit.finding("activate-offers");
        assertThat(ok.status()).isEqualTo(Status.OK);
        assertThat(ok.message()).isEqualTo("Its target sends the events it could not deliver to a dead-letter queue.");
        assertThat(ok.evidence().get("Targets").toString()).contains("DeadLetterConfig=" + DLQ)
                .contains("MaximumRetryAttempts=3").contains("MaximumEventAgeInSeconds=3600");
    }

    @Test
    void everyTargetOfAScheduledRuleIsJudgedWhateverItsKind() {
        var audit = audit(scheduled("nightly-report",
                target("notify", "arn:aws:sns" + ACCOUNT + "reports", null),
                target("run", "arn:aws:ecs" + ACCOUNT + "cluster/jobs", DLQ)));

        Finding f = audit.finding("nightly-report");
        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.message()).startsWith("Target notify has no DeadLetterConfig");
        assertThat((List<?>) f.evidence().get("Targets")).hasSize(2);
    }

    @Test
    void onAnEventPatternRuleOnlyApiDestinationLambdaAndSqsTargetsAreJudged() {
        var audit = audit(
                onPattern("video-uploaded", "default",
                        target("transcode", "arn:aws:lambda" + ACCOUNT + "function:transcode", null),
                        target("queue", "arn:aws:sqs" + ACCOUNT + "thumbnails", null),
                        target("webhook", API_DESTINATION, DLQ),
                        target("fan-out", "arn:aws:sns" + ACCOUNT + "uploads", null)),
                onPattern("audit-trail", "default",
                        target("workflow", "arn:aws:states" + ACCOUNT + "stateMachine:audit", null),
                        target("logs", "arn:aws:logs" + ACCOUNT + "log-group:/events/audit", null)));

        Finding f = audit.finding("video-uploaded");
        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.message()).startsWith("Targets transcode, queue have no DeadLetterConfig");
        assertThat(f.evidence().get("Targets").toString()).contains("TargetId=transcode").contains("TargetId=queue")
                .contains("TargetId=webhook").doesNotContain("fan-out");
        assertThat(audit.findings()).extracting(Finding::resourceId).as("no judged target: no finding")
                .containsExactly("video-uploaded");
    }

    @Test
    void aRuleOnACustomBusIsJudgedAndNamesItsBus() {
        var audit = audit(onPattern("insights-ready", "ai-insights",
                target("store", "arn:aws:lambda" + ACCOUNT + "function:store-insights", DLQ)));

        Finding f = audit.finding("insights-ready");
        assertThat(f.status()).isEqualTo(Status.OK);
        assertThat(f.evidence()).containsEntry("EventBusName", "ai-insights").doesNotContainKey("ScheduleExpression");
    }

    @Test
    void aTargetsOwnRetryPolicyIsNamed() {
        var audit = audit(scheduled("expire-offers", new EventTarget("offers-api", API_DESTINATION, null, 2, 900)));

        assertThat(audit.finding("expire-offers").message()).endsWith("dropped after its retries (2 attempts over"
                + " 15 min).");
    }

    @Test
    void disabledRulesAndRulesWithoutTargetsGiveNoFinding() {
        var disabled = new EventRule("old-expire", "arn:aws:events" + ACCOUNT + "rule/old-expire", "default",
                "DISABLED", "rate(1 day)", null, List.of(target("api", API_DESTINATION, null)));

        assertThat(audit(disabled, scheduled("ai-insights-ready")).findings()).isEmpty();
    }
}
