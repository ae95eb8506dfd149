package com.huntaze.audit.services.sqs;

import com.huntaze.audit.services.ServiceCatalog;
import com.huntaze.audit.services.events.EventRule;
import com.huntaze.audit.services.events.EventTarget;
import com.huntaze.audit.services.events.EventsDatasets;
import com.huntaze.audit.services.sns.SnsDatasets;
import com.huntaze.audit.services.sns.SnsSubscription;
import com.huntaze.audit.services.sns.SnsTopicSubscriptions;
import com.huntaze.audit.testing.CheckHarness;
import com.huntaze.audit.engine.Check;
import java.util.ArrayList;
import java.util.List;

/** An account's queues and what names some of them as dead-letter queues, for the SQS checks' tests. */
final class QueueFixtures {

    static final String ARN = "arn:aws:sqs:us-east-1:123456789012:";

    final List<SqsQueue> queues = new ArrayList<>();
    final List<EventRule> rules = new ArrayList<>();
    final List<SnsTopicSubscriptions> subscriptions = new ArrayList<>();

    /** Every service's dead-letter queue references, as the catalog wires the SQS checks. */
    static DeadLetterQueues deadLetterQueues() {
        return DeadLetterQueues.from(ServiceCatalog.current());
    }

    /** A queue with no RedrivePolicy holding {@code messages}. */
    QueueFixtures queue(String name, long messages) {
        queues.add(new SqsQueue(name, ARN + name, null, null, messages));
        return this;
    }

    /** A queue whose RedrivePolicy sends to {@code deadLetterQueue} after 5 receives. */
    QueueFixtures queue(String name, String deadLetterQueue) {
        queues.add(new SqsQueue(name, ARN + name, ARN + deadLetterQueue, 5, 0));
        return this;
    }

    /** A scheduled EventBridge rule whose one Lambda target sends what it could not deliver to {@code queue}. */
    QueueFixtures eventBridgeDeadLetter(String rule, String queue) {
        rules.add(new EventRule(rule, "arn:aws:events:us-east-1:123456789012:rule/" + rule, "default", "ENABLED",
                "rate(1 hour)", null, List.of(new EventTarget("job", "arn:aws:lambda:us-east-1:123456789012:function:"
                + rule, ARN + queue, null, null))));
        return this;
    }

    /** A confirmed https subscription of {@code topic} whose RedrivePolicy names {@code queue}. */
    QueueFixtures snsDeadLetter(String topic, String queue) {
        subscriptions.add(new SnsTopicSubscriptions("arn:aws:sns:us-east-1:123456789012:" + topic, List.of(
                new SnsSubscription("arn:aws:sns:us-east-1:123456789012:" + topic + ":1", "https", ARN + queue))));
        return this;
    }

    CheckHarness harness(Check check) {
        return CheckHarness.of(check)
                .with(SqsDatasets.QUEUES, queues)
                .with(EventsDatasets.RULES, rules)
                .with(SnsDatasets.ALARM_TOPIC_SUBSCRIPTIONS, subscriptions)
                .with(com.huntaze.audit.services.lambda.LambdaDatasets.FUNCTIONS, List.of())
                .with(com.huntaze.audit.services.lambda.LambdaDatasets.EVENT_INVOKE_CONFIGS, List.of());
    }
}
