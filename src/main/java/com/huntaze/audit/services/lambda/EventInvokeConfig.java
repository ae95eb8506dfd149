package com.huntaze.audit.services.lambda;

/**
 * One asynchronous-invocation configuration of a function (its unqualified function, a version or an alias), from
 * ListFunctionEventInvokeConfigs.
 *
 * @param functionName         the function the configuration belongs to (its name, not the qualified ARN)
 * @param functionArn          the ARN AWS gives, qualified by a version or alias when it is one
 * @param onFailureDestination DestinationConfig.OnFailure.Destination; null without one
 * @param maximumRetryAttempts null when AWS's default applies (2)
 */
public record EventInvokeConfig(String functionName, String functionArn, String onFailureDestination,
                                Integer maximumRetryAttempts) {
}
