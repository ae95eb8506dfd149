package com.huntaze.audit.services.sqs;

import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.services.AuditService;
import java.util.List;
import java.util.Set;

/** SQS: queues, their dead-letter queues and their backlog. */
public final class SqsAuditService implements AuditService {

    /** The queues other queues' RedrivePolicy names: SQS's own dead-letter queue references. */
    static final DeadLetterQueueReferences REDRIVE_POLICIES = new DeadLetterQueueReferences(
            Set.of(SqsDatasets.QUEUES), ctx -> ctx.get(SqsDatasets.QUEUES).stream()
            .filter(SqsQueue::hasRedrivePolicy)
            .map(q -> new DeadLetterQueueReferences.Reference(q.deadLetterTargetArn(), "queue " + q.name()))
            .toList());

    @Override
    public String id() {
        return "sqs";
    }

    @Override
    public List<DatasetCollector<?>> collectors() {
        return List.of(SqsCollectors.QUEUES);
    }

    @Override
    public List<ServiceClient<?, ?>> clients() {
        return List.of(SqsCollectors.SQS);
    }

    @Override
    public List<Check> checks(Contributions contributions) {
        DeadLetterQueues deadLetterQueues = DeadLetterQueues.from(contributions);
        return List.of(new SqsDeadLetterQueueCheck(deadLetterQueues),
                new SqsDeadLetterBacklogCheck(deadLetterQueues));
    }

    @Override
    public List<?> contributions() {
        return List.of(REDRIVE_POLICIES, SqsAlarmCoverage.DEAD_LETTER_QUEUES, SqsAlarmCoverage.QUEUES);
    }
}
