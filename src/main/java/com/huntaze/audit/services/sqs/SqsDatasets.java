package com.huntaze.audit.services.sqs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;

/** The datasets of the sqs service, each filled by one of its collectors. */
public final class SqsDatasets {
    private SqsDatasets() {
    }

    /** ListQueues, then GetQueueAttributes per queue. */
    public static final Dataset<List<SqsQueue>> QUEUES =
            new Dataset<>("sqs.queues", Scope.REGIONAL, "sqs", new TypeReference<>() { });
}
