package com.huntaze.audit.services.sqs;

import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Where a service names SQS queues as dead-letter queues: contributed (an
 * {@link com.huntaze.audit.services.AuditService#contributions()} entry) by each service whose resources can name
 * one. SQS itself contributes its queues' RedrivePolicy, EventBridge its targets' DeadLetterConfig, SNS its
 * subscriptions' RedrivePolicy. A queue that any of them names is a dead-letter queue: {@code sqs.dead-letter-queue}
 * does not ask it for a dead-letter queue of its own, {@code sqs.dead-letter-backlog} judges its backlog, and
 * {@code cloudwatch.alarm-coverage} asks it for an alarm on its visible messages. So a new service (Lambda's
 * dead-letter queues and on-failure destinations) adds its references without touching the SQS checks.
 *
 * @param requires   the datasets {@code references} reads (the checks that use the references declare them)
 * @param references the references in a region
 */
public record DeadLetterQueueReferences(Set<Dataset<?>> requires, Function<CheckContext, List<Reference>> references) {

    public DeadLetterQueueReferences {
        requires = Set.copyOf(requires);
    }

    /**
     * One queue named as a dead-letter queue.
     *
     * @param queueArn the queue's ARN
     * @param by       who names it, for people: {@code queue orders}, {@code EventBridge rule expire-offers (bus
     *                 default, target api)}
     */
    public record Reference(String queueArn, String by) {
    }
}
