package com.huntaze.audit.services.sns;

/**
 * A subscription of an SNS topic, from ListSubscriptionsByTopic, and for a confirmed one its RedrivePolicy from
 * GetSubscriptionAttributes. Its endpoint is not kept (a webhook URL can carry a token, an address is personal),
 * except a {@code lambda} subscription's, which is a function ARN.
 *
 * @param subscriptionArn     the subscription's ARN; {@code PendingConfirmation} until the endpoint confirms it
 * @param protocol            email, https, sqs, lambda, sms, ...
 * @param deadLetterTargetArn the RedrivePolicy's deadLetterTargetArn: the SQS queue that receives the messages SNS
 *                            could not deliver; null without one (and for a subscription pending confirmation)
 * @param lambdaFunctionArn   for protocol {@code lambda}, the function it invokes (its endpoint); null otherwise
 */
public record SnsSubscription(String subscriptionArn, String protocol, String deadLetterTargetArn,
                              String lambdaFunctionArn) {

    /** A subscription that does not invoke a Lambda function. */
    public SnsSubscription(String subscriptionArn, String protocol, String deadLetterTargetArn) {
        this(subscriptionArn, protocol, deadLetterTargetArn, null);
    }

    /** The SubscriptionArn AWS lists for a subscription whose endpoint has not confirmed it. */
    public static final String PENDING_CONFIRMATION = "PendingConfirmation";

    /** Confirmed: SNS delivers to it (a pending one receives nothing but the confirmation request). */
    public boolean confirmed() {
        return subscriptionArn != null && subscriptionArn.startsWith("arn:");
    }
}
