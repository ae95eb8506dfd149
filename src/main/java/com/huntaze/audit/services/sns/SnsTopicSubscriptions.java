package com.huntaze.audit.services.sns;

import java.util.List;

/** The subscriptions of one SNS topic. */
public record SnsTopicSubscriptions(String topicArn, List<SnsSubscription> subscriptions) {

    public SnsTopicSubscriptions {
        subscriptions = subscriptions == null ? List.of() : List.copyOf(subscriptions);
    }
}
