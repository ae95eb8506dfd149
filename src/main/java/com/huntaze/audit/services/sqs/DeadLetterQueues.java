package com.huntaze.audit.services.sqs;

import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.services.AuditService.Contributions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Which queues of a region are dead-letter queues, from every service's {@link DeadLetterQueueReferences}. */
public final class DeadLetterQueues {

    private final List<DeadLetterQueueReferences> references;

    public DeadLetterQueues(List<DeadLetterQueueReferences> references) {
        this.references = List.copyOf(references);
    }

    /** The references every service contributes. */
    public static DeadLetterQueues from(Contributions contributions) {
        return new DeadLetterQueues(contributions.all(DeadLetterQueueReferences.class));
    }

    /** The queues, and every dataset the references read. */
    public Set<Dataset<?>> requires() {
        Set<Dataset<?>> all = new LinkedHashSet<>();
        all.add(SqsDatasets.QUEUES);
        references.forEach(r -> all.addAll(r.requires()));
        return all;
    }

    /** Queue ARN → who names it as a dead-letter queue (sorted, each once), for every named queue of the region. */
    public Map<String, List<String>> in(CheckContext ctx) {
        Map<String, Set<String>> named = new TreeMap<>();
        for (DeadLetterQueueReferences source : references) {
            for (DeadLetterQueueReferences.Reference r : source.references().apply(ctx)) {
                if (r.queueArn() != null) {
                    named.computeIfAbsent(r.queueArn(), k -> new TreeSet<>()).add(r.by());
                }
            }
        }
        Map<String, List<String>> result = new TreeMap<>();
        named.forEach((arn, by) -> result.put(arn, new ArrayList<>(by)));
        return result;
    }
}
