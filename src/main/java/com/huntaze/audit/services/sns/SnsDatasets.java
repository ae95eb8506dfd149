package com.huntaze.audit.services.sns;

import com.fasterxml.jackson.core.type.TypeReference;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;

/** The datasets of the sns service, each filled by one of its collectors. */
public final class SnsDatasets {
    private SnsDatasets() {
    }

    /** ListTopics: which topics exist. */
    public static final Dataset<List<SnsTopic>> TOPICS =
            new Dataset<>("sns.topics", Scope.REGIONAL, "sns", new TypeReference<>() { });

    /**
     * The subscriptions of each existing topic that a CloudWatch alarm's ALARM action names (only those: an
     * account's other topics are not read).
     */
    public static final Dataset<List<SnsTopicSubscriptions>> ALARM_TOPIC_SUBSCRIPTIONS =
            new Dataset<>("sns.alarmTopicSubscriptions", Scope.REGIONAL, "sns", new TypeReference<>() { });
}
