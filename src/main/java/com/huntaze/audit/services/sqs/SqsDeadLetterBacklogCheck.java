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

/**
 * sqs.dead-letter-backlog: every dead-letter queue (a queue some service's {@link DeadLetterQueueReferences} names)
 * is empty. Each message in one is work that failed and did not happen: ApproximateNumberOfMessages above 0 is NOK.
 */
public final class SqsDeadLetterBacklogCheck implements Check {

    private final DeadLetterQueues deadLetterQueues;

    public SqsDeadLetterBacklogCheck(DeadLetterQueues deadLetterQueues) {
        this.deadLetterQueues = deadLetterQueues;
    }

    @Override
    public String id() {
        return "sqs.dead-letter-backlog";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return deadLetterQueues.requires();
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        Map<String, List<String>> named = deadLetterQueues.in(ctx);
        List<Finding> findings = new ArrayList<>();
        for (SqsQueue q : ctx.get(SqsDatasets.QUEUES)) {
            List<String> sources = named.get(q.arn());
            if (sources == null) {
                continue; // not a dead-letter queue
            }
            long waiting = q.approximateNumberOfMessages();
            var evidence = Evidence.of("ApproximateNumberOfMessages", waiting, "DeadLetterQueueOf", sources);
            if (waiting > 0) {
                findings.add(ctx.nok(q.name(), q.arn(), waiting + (waiting == 1 ? " failed message is waiting"
                        : " failed messages are waiting") + ": each is work that did not happen.", evidence));
            } else {
                findings.add(ctx.ok(q.name(), q.arn(), "Empty: no failed message is waiting.", evidence));
            }
        }
        return findings;
    }
}
