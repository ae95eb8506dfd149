package com.huntaze.audit.services.sns;

import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.services.AuditService;
import com.huntaze.audit.services.lambda.AsynchronousCallers;
import com.huntaze.audit.services.sqs.DeadLetterQueueReferences;
import java.util.List;
import java.util.Set;

/**
 * SNS: which topics exist, and the subscriptions of the topics alarms notify. Its checks live with what they judge:
 * {@code cloudwatch.alarm-destination} reads these datasets.
 */
public final class SnsAuditService implements AuditService {

    /** The SQS queues subscriptions name in their RedrivePolicy: dead-letter queues, for the SQS checks. */
    static final DeadLetterQueueReferences SUBSCRIPTION_DEAD_LETTER_QUEUES = new DeadLetterQueueReferences(
            Set.of(SnsDatasets.ALARM_TOPIC_SUBSCRIPTIONS), ctx -> ctx.get(SnsDatasets.ALARM_TOPIC_SUBSCRIPTIONS)
            .stream().flatMap(topic -> topic.subscriptions().stream().filter(s -> s.deadLetterTargetArn() != null)
                    .map(s -> new DeadLetterQueueReferences.Reference(s.deadLetterTargetArn(), "SNS subscription of"
                            + " topic " + SnsTopic.nameOf(topic.topicArn()) + " (" + s.protocol() + ")")))
            .toList());

    /**
     * The Lambda functions that confirmed subscriptions invoke (SNS invokes them asynchronously). Only the topics
     * alarms notify are read today, so only their subscriptions count.
     */
    static final AsynchronousCallers LAMBDA_SUBSCRIPTIONS = new AsynchronousCallers(
            Set.of(SnsDatasets.ALARM_TOPIC_SUBSCRIPTIONS), datasets -> datasets
            .get(SnsDatasets.ALARM_TOPIC_SUBSCRIPTIONS).stream().flatMap(topic -> topic.subscriptions().stream()
                    .filter(s -> s.confirmed() && s.lambdaFunctionArn() != null)
                    .map(s -> new AsynchronousCallers.Caller(s.lambdaFunctionArn(), "SNS subscription of topic "
                            + SnsTopic.nameOf(topic.topicArn()))))
            .toList());

    @Override
    public String id() {
        return "sns";
    }

    @Override
    public List<DatasetCollector<?>> collectors() {
        return List.of(SnsCollectors.TOPICS, SnsCollectors.ALARM_TOPIC_SUBSCRIPTIONS);
    }

    @Override
    public List<ServiceClient<?, ?>> clients() {
        return List.of(SnsCollectors.SNS);
    }

    @Override
    public List<Check> checks(Contributions contributions) {
        return List.of();
    }

    @Override
    public List<?> contributions() {
        return List.of(SUBSCRIPTION_DEAD_LETTER_QUEUES, LAMBDA_SUBSCRIPTIONS);
    }
}
