package com.huntaze.audit.collection;

import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Installed on every service client: lets through exactly the {@code service:Operation} actions the collectors
 * declare (see {@link DatasetCollector#actions()}) and refuses everything else before anything is marshalled or
 * sent: a write, but also an undeclared read. Counts the calls it lets through, once per call:
 * {@code beforeExecution} runs once per call, not once per retry.
 */
public final class ReadOnlyGuard implements ExecutionInterceptor {

    /**
     * Reads that return secret values, key material or fresh credentials: never declared, never called, whatever a
     * collector says (the catalog refuses to load a service that declares one).
     */
    static final Set<String> SECRET_READS = Set.of(
            "secretsmanager:GetSecretValue", "secretsmanager:BatchGetSecretValue",
            "ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath", "ssm:GetParameterHistory",
            "ecr:GetAuthorizationToken", "ecr:GetDownloadUrlForLayer",
            "s3:GetObject", "s3:GetObjectVersion", "s3:GetObjectTorrent",
            "lambda:GetFunction", "kms:GetParametersForImport",
            "sts:GetSessionToken", "sts:GetFederationToken", "sts:AssumeRole",
            "codecommit:GetFile", "codecommit:GetBlob");

    private final String iamPrefix;
    private final Map<String, String> iamActions;
    private final Set<String> allowed;
    private final CallCounter counter;

    /**
     * @param iamPrefix the service's IAM action prefix, e.g. {@code rds}; calls are counted as {@code rds:Op}
     * @param allowed   the declared actions: all that may leave the process
     */
    public ReadOnlyGuard(String iamPrefix, Set<String> allowed, CallCounter counter) {
        this(iamPrefix, Map.of(), allowed, counter);
    }

    /**
     * @param iamActions the IAM action of each SDK operation whose name differs from it (S3's ListBuckets:
     *                   {@code s3:ListAllMyBuckets}); such a call is allowed, counted and named by its IAM action,
     *                   and only when the SDK operation itself is a read too
     */
    public ReadOnlyGuard(String iamPrefix, Map<String, String> iamActions, Set<String> allowed, CallCounter counter) {
        this.iamPrefix = iamPrefix;
        this.iamActions = Map.copyOf(iamActions);
        this.allowed = Set.copyOf(allowed);
        this.counter = counter;
    }

    /**
     * Whether {@code action} ({@code service:Operation}) may be declared at all: a Describe, List or Get operation
     * that reveals no secret value.
     */
    public static boolean isReadOnly(String action) {
        int colon = action.indexOf(':');
        if (colon <= 0 || colon == action.length() - 1) {
            return false;
        }
        String operation = action.substring(colon + 1);
        return (operation.startsWith("Describe") || operation.startsWith("List") || operation.startsWith("Get"))
                && !SECRET_READS.contains(action);
    }

    /** Set on the guard of {@link #roleAssumption}: the only call it lets through is AssumeRole. */
    private boolean assumesRole;

    /**
     * The guard of the one STS client a base session uses to assume the audited accounts' roles: it lets through
     * {@code sts:AssumeRole} and nothing else. AssumeRole is not a read, and it returns credentials: they go to the
     * SDK's credentials provider, which signs the account's calls with them, and nowhere else (never a record, a
     * report or a log line). Every read in the account then passes that account's own guard.
     */
    public static ReadOnlyGuard roleAssumption(CallCounter counter) {
        ReadOnlyGuard guard = new ReadOnlyGuard("sts", Map.of(), Set.of(AwsSession.ASSUME_ROLE_ACTION), counter);
        guard.assumesRole = true;
        return guard;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        String sdkAction = iamPrefix + ":" + operation;
        String action = operation == null ? sdkAction : iamActions.getOrDefault(operation, sdkAction);
        if (assumesRole) {
            if (!AwsSession.ASSUME_ROLE_ACTION.equals(action)) {
                throw new ReadOnlyViolationException(action);
            }
            counter.record(action);
            return;
        }
        // A renamed operation must be a read under both names: no table can turn a write into an allowed read.
        if (operation == null || !allowed.contains(action) || !isReadOnly(action) || !isReadOnly(sdkAction)) {
            throw new ReadOnlyViolationException(action);
        }
        counter.record(action);
    }
}
