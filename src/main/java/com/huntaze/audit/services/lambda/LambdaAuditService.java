package com.huntaze.audit.services.lambda;

import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.services.AuditService;
import com.huntaze.audit.services.sqs.DeadLetterQueueReferences;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Lambda: the functions of a region (environment variable names only) and the invoke configs of the called ones. */
public final class LambdaAuditService implements AuditService {

    /**
     * The SQS queues functions name as their DeadLetterConfig or on-failure destination: dead-letter queues, for the
     * SQS checks.
     */
    static final DeadLetterQueueReferences FUNCTION_DEAD_LETTER_QUEUES = new DeadLetterQueueReferences(
            Set.of(LambdaDatasets.FUNCTIONS, LambdaDatasets.EVENT_INVOKE_CONFIGS), ctx -> {
                List<DeadLetterQueueReferences.Reference> refs = new ArrayList<>();
                ctx.get(LambdaDatasets.FUNCTIONS).stream().filter(f -> isQueue(f.deadLetterTargetArn()))
                        .forEach(f -> refs.add(new DeadLetterQueueReferences.Reference(f.deadLetterTargetArn(),
                                "Lambda function " + f.name() + " (DeadLetterConfig)")));
                ctx.get(LambdaDatasets.EVENT_INVOKE_CONFIGS).stream()
                        .filter(c -> isQueue(c.onFailureDestination()))
                        .forEach(c -> refs.add(new DeadLetterQueueReferences.Reference(c.onFailureDestination(),
                                "Lambda function " + c.functionName() + " (on-failure destination)")));
                return refs;
            });

    static boolean isQueue(String arn) {
        return arn != null && arn.startsWith("arn:") && arn.split(":").length > 2 && arn.split(":")[2].equals("sqs");
    }

    @Override
    public String id() {
        return "lambda";
    }

    @Override
    public List<DatasetCollector<?>> collectors() {
        return List.of(LambdaCollectors.FUNCTIONS, LambdaCollectors.EVENT_INVOKE_CONFIGS);
    }

    @Override
    public List<ServiceClient<?, ?>> clients() {
        return List.of(LambdaCollectors.LAMBDA);
    }

    @Override
    public List<Check> checks(Contributions contributions) {
        return List.of(new LambdaSupportedRuntimeCheck(),
                new LambdaFailureDestinationCheck(contributions.all(AsynchronousCallers.class)));
    }

    @Override
    public List<?> contributions() {
        return List.of(FUNCTION_DEAD_LETTER_QUEUES);
    }
}
