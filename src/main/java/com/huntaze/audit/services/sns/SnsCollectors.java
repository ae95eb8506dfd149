package com.huntaze.audit.services.sns;

import static com.huntaze.audit.collection.AwsCalls.call;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.huntaze.audit.collection.CollectionContext;
import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.services.cloudwatch.CloudWatchDatasets;
import com.huntaze.audit.util.JsonText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.SnsClientBuilder;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.Subscription;

/**
 * SNS: ListTopics (100 per page, fixed by the API), to know which topics exist; then, only for the existing topics
 * that a CloudWatch alarm's ALARM action names, ListSubscriptionsByTopic (100 per page, fixed), and for each
 * confirmed subscription of those topics GetSubscriptionAttributes, for its RedrivePolicy (a dead-letter queue).
 * Endpoints are never kept.
 */
final class SnsCollectors {
    private SnsCollectors() {
    }

    static final ServiceClient<SnsClient, SnsClientBuilder> SNS = ServiceClient.regional("sns", SnsClient::builder);

    static final DatasetCollector<List<SnsTopic>> TOPICS = new DatasetCollector<>() {
        @Override
        public Dataset<List<SnsTopic>> dataset() {
            return SnsDatasets.TOPICS;
        }

        @Override
        public List<String> actions() {
            return List.of("sns:ListTopics");
        }

        @Override
        public List<SnsTopic> collect(CollectionContext context) {
            return call("sns:ListTopics", () -> context.client(SNS).listTopicsPaginator()
                    .topics().stream().map(t -> new SnsTopic(SnsTopic.nameOf(t.topicArn()), t.topicArn())).toList());
        }
    };

    static final DatasetCollector<List<SnsTopicSubscriptions>> ALARM_TOPIC_SUBSCRIPTIONS = new DatasetCollector<>() {
        @Override
        public Dataset<List<SnsTopicSubscriptions>> dataset() {
            return SnsDatasets.ALARM_TOPIC_SUBSCRIPTIONS;
        }

        @Override
        public List<String> actions() {
            return List.of("sns:GetSubscriptionAttributes", "sns:ListSubscriptionsByTopic");
        }

        @Override
        public List<Dataset<?>> dependsOn() {
            return List.of(CloudWatchDatasets.ALARMS, SnsDatasets.TOPICS);
        }

        @Override
        public List<SnsTopicSubscriptions> collect(CollectionContext context) {
            Set<String> existing = context.dependency(SnsDatasets.TOPICS).stream().map(SnsTopic::arn)
                    .collect(Collectors.toSet());
            List<String> named = context.dependency(CloudWatchDatasets.ALARMS).snsAlarmActionTopics().keySet()
                    .stream().filter(existing::contains).toList();
            if (named.isEmpty()) {
                return List.of();
            }
            SnsClient sns = context.client(SNS);
            record Listed(String topicArn, List<Subscription> subscriptions) {
            }
            List<Listed> listed = context.forEach(named, topic -> call("sns:ListSubscriptionsByTopic", () -> {
                try {
                    return new Listed(topic, sns.listSubscriptionsByTopicPaginator(r -> r.topicArn(topic))
                            .subscriptions().stream().toList());
                } catch (NotFoundException deletedSinceListed) {
                    return null;
                }
            })).stream().filter(Objects::nonNull).toList();

            // Second pass (not nested in the first: the fan-out pool must never wait on itself).
            List<String> confirmed = listed.stream().flatMap(l -> l.subscriptions().stream())
                    .map(Subscription::subscriptionArn).filter(arn -> arn != null && arn.startsWith("arn:")).toList();
            List<String> deadLetters = context.forEach(confirmed, arn -> call("sns:GetSubscriptionAttributes", () -> {
                try {
                    return deadLetterTarget(sns.getSubscriptionAttributes(r -> r.subscriptionArn(arn)).attributes());
                } catch (NotFoundException deletedSinceListed) {
                    return "";
                }
            }));
            Map<String, String> deadLetterBySubscription = new HashMap<>();
            for (int i = 0; i < confirmed.size(); i++) {
                deadLetterBySubscription.put(confirmed.get(i), deadLetters.get(i));
            }
            List<SnsTopicSubscriptions> result = new ArrayList<>();
            for (Listed l : listed) {
                result.add(new SnsTopicSubscriptions(l.topicArn(), l.subscriptions().stream()
                        .map(s -> new SnsSubscription(s.subscriptionArn(), s.protocol(),
                                emptyToNull(deadLetterBySubscription.get(s.subscriptionArn())),
                                "lambda".equals(s.protocol()) ? s.endpoint() : null))
                        .toList()));
            }
            return result;
        }
    };

    /** The RedrivePolicy's deadLetterTargetArn, or "" without one. */
    private static String deadLetterTarget(Map<String, String> attributes) {
        String policy = attributes.get("RedrivePolicy");
        if (policy == null || policy.isBlank()) {
            return "";
        }
        try {
            String arn = JsonText.parse(policy).path("deadLetterTargetArn").textValue();
            return arn == null ? "" : arn;
        } catch (JsonProcessingException notJson) {
            return ""; // SNS validates the policy when it is set: never seen
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
