package com.huntaze.audit.services.events;

/**
 * A target of an EventBridge rule, from ListTargetsByRule (its input, input transformer and parameters are not
 * kept).
 *
 * @param id                       the target's id within its rule
 * @param deadLetterArn            DeadLetterConfig.Arn: the SQS queue that receives the events EventBridge could not
 *                                 deliver; null without one
 * @param maximumRetryAttempts     RetryPolicy.MaximumRetryAttempts; null when AWS's default applies (185)
 * @param maximumEventAgeInSeconds RetryPolicy.MaximumEventAgeInSeconds; null when AWS's default applies (24 h)
 */
public record EventTarget(String id, String arn, String deadLetterArn, Integer maximumRetryAttempts,
                          Integer maximumEventAgeInSeconds) {

    /** EventBridge's retry policy when a target sets none. */
    public static final int DEFAULT_RETRY_ATTEMPTS = 185;
    public static final int DEFAULT_EVENT_AGE_SECONDS = 86_400;

    /** An API destination (an HTTP endpoint called through a connection). */
    public boolean isApiDestination() {
        String[] parts = arnParts();
        return parts.length > 5 && parts[2].equals("events") && parts[5].startsWith("api-destination/");
    }

    public boolean isLambdaFunction() {
        String[] parts = arnParts();
        return parts.length > 2 && parts[2].equals("lambda");
    }

    public boolean isSqsQueue() {
        String[] parts = arnParts();
        return parts.length > 2 && parts[2].equals("sqs");
    }

    public int effectiveRetryAttempts() {
        return maximumRetryAttempts == null ? DEFAULT_RETRY_ATTEMPTS : maximumRetryAttempts;
    }

    public int effectiveEventAgeSeconds() {
        return maximumEventAgeInSeconds == null ? DEFAULT_EVENT_AGE_SECONDS : maximumEventAgeInSeconds;
    }

    /** arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE (the resource may itself hold colons). */
    private String[] arnParts() {
        return arn == null ? new String[0] : arn.split(":", 6);
    }
}
