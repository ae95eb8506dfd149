package com.huntaze.audit.services.sqs;

/**
 * An SQS queue of a region, from ListQueues and GetQueueAttributes (QueueArn, RedrivePolicy and
 * ApproximateNumberOfMessages: nothing else is asked for).
 *
 * @param deadLetterTargetArn         the RedrivePolicy's deadLetterTargetArn, where a message goes after
 *                                    {@code maxReceiveCount} receives; null when the queue has no RedrivePolicy
 * @param maxReceiveCount             the RedrivePolicy's maxReceiveCount; null when the queue has no RedrivePolicy
 * @param approximateNumberOfMessages the messages waiting to be received (not those in flight or delayed)
 */
public record SqsQueue(String name, String arn, String deadLetterTargetArn, Integer maxReceiveCount,
                       long approximateNumberOfMessages) {

    /** Whether the queue sends the messages that keep failing to a dead-letter queue. */
    public boolean hasRedrivePolicy() {
        return deadLetterTargetArn != null;
    }

    /** The name of a queue from its ARN ({@code arn:aws:sqs:REGION:ACCOUNT:NAME}). */
    public static String nameOf(String arn) {
        return arn == null ? null : arn.substring(arn.lastIndexOf(':') + 1);
    }
}
