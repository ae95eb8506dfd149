package com.huntaze.audit.services.events;

import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.services.AuditService;
import com.huntaze.audit.services.lambda.AsynchronousCallers;
import com.huntaze.audit.services.sqs.DeadLetterQueueReferences;
import java.util.List;
import java.util.Set;

/** EventBridge: the rules of every event bus and their targets. */
public final class EventsAuditService implements AuditService {

    /** The SQS queues targets name as their DeadLetterConfig: dead-letter queues, for the SQS checks. */
    static final DeadLetterQueueReferences TARGET_DEAD_LETTER_QUEUES = new DeadLetterQueueReferences(
            Set.of(EventsDatasets.RULES), ctx -> ctx.get(EventsDatasets.RULES).stream()
            .flatMap(rule -> rule.targets().stream().filter(t -> t.deadLetterArn() != null)
                    .map(t -> new DeadLetterQueueReferences.Reference(t.deadLetterArn(), "EventBridge rule "
                            + rule.name() + " (bus " + rule.eventBusName() + ", target " + t.id() + ")")))
            .toList());

    /** The Lambda functions enabled rules target: EventBridge invokes them asynchronously. */
    static final AsynchronousCallers LAMBDA_TARGETS = new AsynchronousCallers(Set.of(EventsDatasets.RULES),
            datasets -> datasets.get(EventsDatasets.RULES).stream().filter(EventRule::isEnabled)
                    .flatMap(rule -> rule.targets().stream().filter(EventTarget::isLambdaFunction)
                            .map(t -> new AsynchronousCallers.Caller(t.arn(), "EventBridge rule " + rule.name()
                                    + " (bus " + rule.eventBusName() + ", target " + t.id() + ")")))
                    .toList());

    @Override
    public String id() {
        return "events";
    }

    @Override
    public List<DatasetCollector<?>> collectors() {
        return List.of(EventsCollectors.RULES);
    }

    @Override
    public List<ServiceClient<?, ?>> clients() {
        return List.of(EventsCollectors.EVENTS);
    }

    @Override
    public List<Check> checks(Contributions contributions) {
        return List.of(new EventsRuleWithoutTargetsCheck(), new EventsTargetDeadLetterCheck());
    }

    @Override
    public List<?> contributions() {
        return List.of(TARGET_DEAD_LETTER_QUEUES, LAMBDA_TARGETS);
    }
}
