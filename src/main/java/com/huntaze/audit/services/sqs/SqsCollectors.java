package com.huntaze.audit.services.sqs;

import static com.huntaze.audit.collection.AwsCalls.call;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.huntaze.audit.collection.CollectionContext;
import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.util.JsonText;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * SQS queues: ListQueues (1000 per page, its maximum), then one GetQueueAttributes per queue, fanned out, asking for
 * exactly the three attributes the checks read (never {@code All}: the queue policy is none of our business).
 */
final class SqsCollectors {
    private SqsCollectors() {
    }

    static final ServiceClient<SqsClient, SqsClientBuilder> SQS = ServiceClient.regional("sqs", SqsClient::builder);

    static final int PAGE_SIZE = 1000;

    /** The attributes asked for, in this order. */
    static final List<QueueAttributeName> ATTRIBUTES = List.of(QueueAttributeName.QUEUE_ARN,
            QueueAttributeName.REDRIVE_POLICY, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);

    static final DatasetCollector<List<SqsQueue>> QUEUES = new DatasetCollector<>() {
        @Override
        public Dataset<List<SqsQueue>> dataset() {
            return SqsDatasets.QUEUES;
        }

        @Override
        public List<String> actions() {
            return List.of("sqs:GetQueueAttributes", "sqs:ListQueues");
        }

        @Override
        public List<SqsQueue> collect(CollectionContext context) {
            SqsClient sqs = context.client(SQS);
            List<String> urls = call("sqs:ListQueues", () ->
                    sqs.listQueuesPaginator(r -> r.maxResults(PAGE_SIZE)).queueUrls().stream().toList());
            return context.forEach(urls, url -> call("sqs:GetQueueAttributes", () -> {
                try {
                    return queue(url, sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(ATTRIBUTES))
                            .attributes());
                } catch (QueueDoesNotExistException deletedSinceListed) {
                    return null;
                }
            })).stream().filter(Objects::nonNull).toList();
        }
    };

    static SqsQueue queue(String url, Map<QueueAttributeName, String> attributes) {
        String arn = attributes.get(QueueAttributeName.QUEUE_ARN);
        String name = arn != null ? SqsQueue.nameOf(arn) : url.substring(url.lastIndexOf('/') + 1);
        String deadLetterTargetArn = null;
        Integer maxReceiveCount = null;
        String redrivePolicy = attributes.get(QueueAttributeName.REDRIVE_POLICY);
        if (redrivePolicy != null && !redrivePolicy.isBlank()) {
            try {
                JsonNode policy = JsonText.parse(redrivePolicy);
                // AWS writes maxReceiveCount as a number or as a string, depending on how it was set.
                deadLetterTargetArn = policy.path("deadLetterTargetArn").textValue();
                JsonNode count = policy.path("maxReceiveCount");
                maxReceiveCount = count.isMissingNode() || count.isNull() ? null : count.asInt();
            } catch (JsonProcessingException notJson) {
                // AWS validates the policy when it is set: never seen; read as no policy (the check says so)
            }
        }
        String messages = attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
        return new SqsQueue(name, arn, deadLetterTargetArn, maxReceiveCount,
                messages == null || messages.isBlank() ? 0 : Long.parseLong(messages.strip()));
    }
}
