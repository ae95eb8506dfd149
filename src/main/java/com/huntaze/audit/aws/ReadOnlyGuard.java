package com.huntaze.audit.aws;

import java.util.Set;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Installed on every service client: refuses, before anything is marshalled or sent, any operation whose name
 * does not start with Describe, List or Get, and refuses the Get operations that reveal secret material. Counts
 * the calls it lets through, once per call: {@code beforeExecution} runs once per call, not once per retry.
 */
public final class ReadOnlyGuard implements ExecutionInterceptor {
    /** Get* operations that return secrets or mint credentials: never needed for an audit. */
    static final Set<String> REFUSED_READS = Set.of("GetSecretValue", "GetSessionToken", "GetFederationToken");

    private final String iamPrefix;
    private final CallCounter counter;

    /** @param iamPrefix the service's IAM action prefix, e.g. {@code rds}; calls are counted as {@code rds:Op} */
    public ReadOnlyGuard(String iamPrefix, CallCounter counter) {
        this.iamPrefix = iamPrefix;
        this.counter = counter;
    }

    public static boolean isAllowed(String operation) {
        return (operation.startsWith("Describe") || operation.startsWith("List") || operation.startsWith("Get"))
                && !REFUSED_READS.contains(operation);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        String action = iamPrefix + ":" + operation;
        if (operation == null || !isAllowed(operation)) {
            throw new ReadOnlyViolationException(action);
        }
        counter.record(action);
    }
}
