package com.huntaze.audit.services.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Status;
import com.huntaze.audit.services.ServiceCatalog;
import com.huntaze.audit.services.events.EventRule;
import com.huntaze.audit.services.events.EventTarget;
import com.huntaze.audit.services.events.EventsDatasets;
import com.huntaze.audit.services.sns.SnsDatasets;
import com.huntaze.audit.services.sns.SnsSubscription;
import com.huntaze.audit.services.sns.SnsTopicSubscriptions;
import com.huntaze.audit.services.sqs.DeadLetterQueues;
import com.huntaze.audit.services.sqs.SqsDatasets;
import com.huntaze.audit.services.sqs.SqsDeadLetterQueueCheck;
import com.huntaze.audit.services.sqs.SqsQueue;
import com.huntaze.audit.testing.CheckHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class LambdaFailureDestinationCheckTest {

    private static final String FN = "arn:aws:lambda:us-east-1:123456789012:function:";
    private static final String QUEUE = "arn:aws:sqs:us-east-1:123456789012:";

    private static LambdaFunction function(String name, String deadLetter) {
        return new LambdaFunction(name, FN + name, "python3.13", "Zip", deadLetter, List.of());
    }

    private static EventRule scheduled(String name, String state, String functionArn) {
        return new EventRule(name, "arn:aws:events:us-east-1:123456789012:rule/" + name, "default", state,
                "rate(1 hour)", null, List.of(new EventTarget(name + "-target", functionArn, null, null, null)));
    }

    private static CheckHarness audit(List<LambdaFunction> functions, List<EventInvokeConfig> configs,
                                      List<EventRule> rules, List<SnsTopicSubscriptions> subscriptions) {
        return CheckHarness.of(new LambdaFailureDestinationCheck(
                        ServiceCatalog.current().all(AsynchronousCallers.class)))
                .with(LambdaDatasets.FUNCTIONS, functions)
                .with(LambdaDatasets.EVENT_INVOKE_CONFIGS, configs)
                .with(EventsDatasets.RULES, rules)
                .with(SnsDatasets.ALARM_TOPIC_SUBSCRIPTIONS, subscriptions);
    }

    @Test
    void scheduledTargetWithoutDestinationIsNokNamingTheRule() {
        var audit = audit(List.of(function("report", null)), List.of(),
                List.of(scheduled("nightly", "ENABLED", FN + "report")), List.of());

        var report = audit.finding("report");
        assertThat(report.status()).isEqualTo(Status.NOK);
        assertThat(report.message()).contains("EventBridge rule nightly (bus default, target nightly-target)");
        assertThat(report.evidence()).containsEntry("AsynchronousCallers",
                List.of("EventBridge rule nightly (bus default, target nightly-target)"));
    }

    @Test
    void onFailureDestinationOrDeadLetterQueueIsOk() {
        var audit = audit(List.of(function("with-destination", null), function("with-dlq", QUEUE + "dlq")),
                List.of(new EventInvokeConfig("with-destination", FN + "with-destination:$LATEST",
                        QUEUE + "failed", 2)),
                List.of(scheduled("a", "ENABLED", FN + "with-destination"),
                        scheduled("b", "ENABLED", FN + "with-dlq:live")), List.of());

        assertThat(audit.finding("with-destination").status()).isEqualTo(Status.OK);
        assertThat(audit.finding("with-destination").evidence())
                .containsEntry("OnFailureDestinations", List.of(QUEUE + "failed"));
        assertThat(audit.finding("with-dlq").status()).isEqualTo(Status.OK);
        assertThat(audit.finding("with-dlq").evidence()).containsEntry("DeadLetterConfig", QUEUE + "dlq");
    }

    @Test
    void functionsWithoutAnAsynchronousCallerAreNotJudged() {
        var audit = audit(List.of(function("http-api", null), function("paused", null)), List.of(),
                List.of(scheduled("off", "DISABLED", FN + "paused")), List.of());
        assertThat(audit.findings()).isEmpty();
    }

    @Test
    void snsLambdaSubscriptionOfAnAlarmTopicIsACaller() {
        var audit = audit(List.of(function("pager", null)), List.of(), List.of(),
                List.of(new SnsTopicSubscriptions("arn:aws:sns:us-east-1:123456789012:ops", List.of(
                        new SnsSubscription("arn:aws:sns:us-east-1:123456789012:ops:1", "lambda", null,
                                FN + "pager")))));
        assertThat(audit.finding("pager").status()).isEqualTo(Status.NOK);
        assertThat(audit.finding("pager").message()).contains("SNS subscription of topic ops");
    }

    @Test
    void aFunctionsSqsDeadLetterQueueAndOnFailureQueueAreDeadLetterQueuesForTheSqsChecks() {
        var check = new SqsDeadLetterQueueCheck(DeadLetterQueues.from(ServiceCatalog.current()));
        var audit = CheckHarness.of(check)
                .with(SqsDatasets.QUEUES, List.of(new SqsQueue("a-dlq", QUEUE + "a-dlq", null, null, 0),
                        new SqsQueue("b-failed", QUEUE + "b-failed", null, null, 0),
                        new SqsQueue("jobs", QUEUE + "jobs", null, null, 0)))
                .with(LambdaDatasets.FUNCTIONS, List.of(function("a", QUEUE + "a-dlq"),
                        function("b", "arn:aws:sns:us-east-1:123456789012:topic")))
                .with(LambdaDatasets.EVENT_INVOKE_CONFIGS, List.of(new EventInvokeConfig("b", FN + "b",
                        QUEUE + "b-failed", null)))
                .with(EventsDatasets.RULES, List.of())
                .with(SnsDatasets.ALARM_TOPIC_SUBSCRIPTIONS, List.of());

        // a-dlq and b-failed are dead-letter queues: not asked for a dead-letter queue of their own.
        assertThat(audit.findings()).extracting(f -> f.resourceId()).containsExactly("jobs");
    }
}
