package com.huntaze.audit.services.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** How GetQueueAttributes' answer becomes a queue (moto checks the calls; this, the shapes AWS writes). */
class SqsCollectorsTest {

    private static final String URL = "https://sqs.us-east-1.amazonaws.com/123456789012/orders";

    @Test
    void theRedrivePolicyIsReadWhetherMaxReceiveCountIsANumberOrAString() {
        for (String count : new String[] {"5", "\"5\""}) {
            SqsQueue q = SqsCollectors.queue(URL, Map.of(
                    QueueAttributeName.QUEUE_ARN, "arn:aws:sqs:us-east-1:123456789012:orders",
                    QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:123456789012:"
                            + "orders-dlq\",\"maxReceiveCount\":" + count + "}",
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "12"));

            assertThat(q).isEqualTo(new SqsQueue("orders", "arn:aws:sqs:us-east-1:123456789012:orders",
                    "arn:aws:sqs:us-east-1:123456789012:orders-dlq", 5, 12));
        }
    }

    @Test
    void noRedrivePolicyIsNoDeadLetterQueue() {
        SqsQueue q = SqsCollectors.queue(URL, Map.of(QueueAttributeName.QUEUE_ARN,
                "arn:aws:sqs:us-east-1:123456789012:orders", QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"));

        assertThat(q.hasRedrivePolicy()).isFalse();
        assertThat(q.maxReceiveCount()).isNull();
    }

    @Test
    void onlyTheThreeAttributesTheChecksReadAreAskedFor() {
        assertThat(SqsCollectors.ATTRIBUTES).containsExactly(QueueAttributeName.QUEUE_ARN,
                QueueAttributeName.REDRIVE_POLICY, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
    }
}
