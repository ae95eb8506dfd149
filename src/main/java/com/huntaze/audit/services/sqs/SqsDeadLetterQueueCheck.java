package com.huntaze.audit.services.sqs;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.inventory.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * sqs.dead-letter-queue: every queue that is not itself a dead-letter queue has a RedrivePolicy naming a dead-letter
 * queue that exists. A queue is a dead-letter queue when any service's {@link DeadLetterQueueReferences} names it
 * (another queue's RedrivePolicy, an EventBridge target's DeadLetterConfig, an SNS subscription's RedrivePolicy): it
 * gets no finding here, even when it has a RedrivePolicy of its own.
 */
public final class SqsDeadLetterQueueCheck implements Check {

    private final DeadLetterQueues deadLetterQueues;

    public SqsDeadLetterQueueCheck(DeadLetterQueues deadLetterQueues) {
        this.deadLetterQueues = deadLetterQueues;
    }

    @Override
    public String id() {
        return "sqs.dead-letter-queue";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return deadLetterQueues.requires();
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        List<SqsQueue> queues = ctx.get(SqsDatasets.QUEUES);
        Map<String, List<String>> named = deadLetterQueues.in(ctx);
        Set<String> existing = queues.stream().map(SqsQueue::arn).collect(Collectors.toSet());
        List<Finding> findings = new ArrayList<>();
        for (SqsQueue q : queues) {
            if (named.containsKey(q.arn())) {
                continue; // a dead-letter queue: sqs.dead-letter-backlog judges it
            }
            if (!q.hasRedrivePolicy()) {
                findings.add(ctx.nok(q.name(), q.arn(), "No dead-letter queue: a message that always fails is"
                        + " retried until it expires and is lost.", Evidence.of("RedrivePolicy", "none")));
                continue;
            }
            var evidence = Evidence.of("DeadLetterTargetArn", q.deadLetterTargetArn(),
                    "MaxReceiveCount", q.maxReceiveCount());
            String target = SqsQueue.nameOf(q.deadLetterTargetArn());
            if (!existing.contains(q.deadLetterTargetArn())) {
                findings.add(ctx.nok(q.name(), q.arn(), "Its RedrivePolicy names dead-letter queue " + target
                        + ", which does not exist in " + ctx.region() + ": a message that always fails has nowhere"
                        + " to go.", evidence));
                continue;
            }
            Integer receives = q.maxReceiveCount();
            findings.add(ctx.ok(q.name(), q.arn(), "A message received " + (receives == null ? "too many times"
                    : receives + (receives == 1 ? " time" : " times")) + " without being deleted moves to"
                    + " dead-letter queue " + target + ".", evidence));
        }
        return findings;
    }
}
