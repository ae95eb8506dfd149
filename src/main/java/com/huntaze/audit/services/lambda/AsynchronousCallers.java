package com.huntaze.audit.services.lambda;

import com.huntaze.audit.inventory.Dataset;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Who invokes Lambda functions asynchronously: contributed (an
 * {@link com.huntaze.audit.services.AuditService#contributions()} entry) by each service whose resources can, like
 * {@link com.huntaze.audit.services.sqs.DeadLetterQueueReferences}. EventBridge contributes its rules' targets. An
 * asynchronous invocation that fails after its retries is lost unless the function has an on-failure destination or
 * a dead-letter queue: {@code lambda.failure-destination} judges the functions these name, and the collector of
 * {@link LambdaDatasets#EVENT_INVOKE_CONFIGS} reads the configuration of those functions only.
 *
 * @param requires the datasets {@code callers} reads; the collector depends on them and the check requires them
 * @param callers  the callers in a region, from a reader of those datasets (a check's or a collector's)
 */
public record AsynchronousCallers(Set<Dataset<?>> requires, Function<Datasets, List<Caller>> callers) {

    public AsynchronousCallers {
        requires = Set.copyOf(requires);
    }

    /** Reads a dataset: {@code CheckContext::get} or {@code CollectionContext::dependency}. */
    @FunctionalInterface
    public interface Datasets {
        <T> T get(Dataset<T> dataset);
    }

    /**
     * One function invoked asynchronously.
     *
     * @param functionArn the function's ARN as the caller names it (possibly qualified by a version or alias)
     * @param by          the caller, for people: {@code EventBridge rule nightly-report (bus default, target report)}
     */
    public record Caller(String functionArn, String by) {
    }

    /** {@code arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]} → NAME; null for anything else. */
    public static String functionName(String arn) {
        if (arn == null) {
            return null;
        }
        String[] parts = arn.split(":");
        return parts.length >= 7 && parts[2].equals("lambda") && parts[5].equals("function") ? parts[6] : null;
    }
}
