package com.huntaze.audit.services.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.inventory.CollectionFailure;
import com.huntaze.audit.services.events.EventsDatasets;
import com.huntaze.audit.services.sns.SnsDatasets;
import org.junit.jupiter.api.Test;

class SqsDeadLetterQueueCheckTest {

    private static final SqsDeadLetterQueueCheck CHECK = new SqsDeadLetterQueueCheck(QueueFixtures.deadLetterQueues());

    @Test
    void aQueueWithoutRedrivePolicyIsNokAndOneWithADeadLetterQueueIsOk() {
        var audit = new QueueFixtures()
                .queue("video-thumbnails", 0)
                .queue("video-transcode", "video-transcode-dlq").queue("video-transcode-dlq", 3)
                .harness(CHECK);

        Finding none = audit.finding("video-thumbnails");
        assertThat(none.status()).isEqualTo(Status.NOK);
        assertThat(none.message()).isEqualTo("No dead-letter queue: a message that always fails is retried until it"
                + " expires and is lost.");
        assertThat(none.evidence()).containsEntry("RedrivePolicy", "none");
        assertThat(none.resourceArn()).isEqualTo("arn:aws:sqs:us-east-1:123456789012:video-thumbnails");
        assertThat(none.remediation()).contains("RedrivePolicy");

        Finding redriven = audit.finding("video-transcode");
        assertThat(redriven.status()).isEqualTo(Status.OK);
        assertThat(redriven.message()).isEqualTo("A message received 5 times without being deleted moves to"
                + " dead-letter queue video-transcode-dlq.");
        assertThat(redriven.evidence()).containsEntry("DeadLetterTargetArn",
                "arn:aws:sqs:us-east-1:123456789012:video-transcode-dlq").containsEntry("MaxReceiveCount", 5);
    }

    @Test
    void aDeadLetterQueueGetsNoFindingOfItsOwnEvenWhenItIsAlsoASource() {
        // orders -> orders-dlq -> orders-dlq-archive: orders-dlq is a dead-letter queue that redrives further.
        var audit = new QueueFixtures()
                .queue("orders", "orders-dlq")
                .queue("orders-dlq", "orders-dlq-archive")
                .queue("orders-dlq-archive", 0)
                .harness(CHECK);

        assertThat(audit.findings()).extracting(Finding::resourceId).containsExactly("orders");
    }

    @Test
    void aQueueNamedByAnEventBridgeTargetOrAnSnsSubscriptionIsADeadLetterQueueToo() {
        var audit = new QueueFixtures()
                .queue("offers-dlq", 0).eventBridgeDeadLetter("expire-offers", "offers-dlq")
                .queue("alerts-dlq", 0).snsDeadLetter("ops-pager", "alerts-dlq")
                .queue("video-thumbnails", 0)
                .harness(CHECK);

        assertThat(audit.findings()).extracting(Finding::resourceId).containsExactly("video-thumbnails");
    }

    @Test
    void aRedrivePolicyNamingAQueueThatDoesNotExistIsNok() {
        var audit = new QueueFixtures().queue("orders", "orders-dlq-deleted").harness(CHECK);

        Finding f = audit.finding("orders");
        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.message()).isEqualTo("Its RedrivePolicy names dead-letter queue orders-dlq-deleted, which does"
                + " not exist in us-east-1: a message that always fails has nowhere to go.");
    }

    @Test
    void noQueueNoFinding() {
        assertThat(new QueueFixtures().harness(CHECK).findings()).isEmpty();
    }

    @Test
    void itReadsTheQueuesAndEveryDatasetThatCanNameADeadLetterQueue() {
        assertThat(CHECK.requires()).containsExactlyInAnyOrder(SqsDatasets.QUEUES, EventsDatasets.RULES,
                SnsDatasets.ALARM_TOPIC_SUBSCRIPTIONS, com.huntaze.audit.services.lambda.LambdaDatasets.FUNCTIONS, com.huntaze.audit.services.lambda.LambdaDatasets.EVENT_INVOKE_CONFIGS);
    }

    @Test
    void whenTheEventBridgeRulesCouldNotBeReadTheQueuesAreTodo() {
        // Without the rules, a queue without RedrivePolicy might be some target's dead-letter queue: not judged.
        var denied = new CollectionFailure("events:ListRules", CollectionFailure.Kind.ACCESS_DENIED,
                "AccessDeniedException", "not authorized");
        var audit = new QueueFixtures().queue("video-thumbnails", 0).harness(CHECK)
                .failing("us-east-1", EventsDatasets.RULES, denied);

        Finding todo = audit.finding("");
        assertThat(todo.status()).isEqualTo(Status.TODO);
        assertThat(todo.message()).contains("events:ListRules").contains("access denied");
    }
}
