package com.huntaze.audit.services.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqsDeadLetterBacklogCheckTest {

    private static final SqsDeadLetterBacklogCheck CHECK =
            new SqsDeadLetterBacklogCheck(QueueFixtures.deadLetterQueues());

    @Test
    void aDeadLetterQueueHoldingMessagesIsNokAndAnEmptyOneIsOk() {
        var audit = new QueueFixtures()
                .queue("video-transcode", "video-transcode-dlq").queue("video-transcode-dlq", 3)
                .queue("video-upload", "video-upload-dlq").queue("video-upload-dlq", 0)
                .harness(CHECK);

        Finding full = audit.finding("video-transcode-dlq");
        assertThat(full.status()).isEqualTo(Status.NOK);
        assertThat(full.message()).isEqualTo("3 failed messages are waiting: each is work that did not happen.");
        assertThat(full.evidence()).containsEntry("ApproximateNumberOfMessages", 3L)
                .containsEntry("DeadLetterQueueOf", List.of("queue video-transcode"));
        assertThat(full.remediation()).contains("start-message-move-task");

        Finding empty = audit.finding("video-upload-dlq");
        assertThat(empty.status()).isEqualTo(Status.OK);
        assertThat(empty.message()).isEqualTo("Empty: no failed message is waiting.");
    }

    @Test
    void oneMessageIsSpelledSo() {
        var audit = new QueueFixtures().queue("jobs", "jobs-dlq").queue("jobs-dlq", 1).harness(CHECK);

        assertThat(audit.finding("jobs-dlq").message()).startsWith("1 failed message is waiting:");
    }

    @Test
    void aQueueThatIsNotADeadLetterQueueIsNotJudgedHoweverFull() {
        var audit = new QueueFixtures().queue("video-transcode", 5000).queue("jobs", "jobs-dlq")
                .queue("jobs-dlq", 0).harness(CHECK);

        assertThat(audit.findings()).extracting(Finding::resourceId).containsExactly("jobs-dlq");
    }

    @Test
    void aDeadLetterQueueThatIsAlsoASourceIsJudgedByItsOwnBacklog() {
        var audit = new QueueFixtures()
                .queue("orders", "orders-dlq")
                .queue("orders-dlq", "orders-dlq-archive")
                .queue("orders-dlq-archive", 2)
                .harness(CHECK);

        assertThat(audit.finding("orders-dlq").status()).isEqualTo(Status.OK);
        assertThat(audit.finding("orders-dlq-archive").evidence())
                .containsEntry("DeadLetterQueueOf", List.of("queue orders-dlq"));
        assertThat(audit.finding("orders-dlq-archive").status()).isEqualTo(Status.NOK);
    }

    @Test
    void deadLetterQueuesOfEventBridgeTargetsAndSnsSubscriptionsAreJudgedAndSaySoInTheEvidence() {
        var audit = new QueueFixtures()
                .queue("offers-dlq", 4).eventBridgeDeadLetter("expire-offers", "offers-dlq")
                .eventBridgeDeadLetter("activate-offers", "offers-dlq")
                .queue("alerts-dlq", 0).snsDeadLetter("ops-pager", "alerts-dlq")
                .harness(CHECK);

        Finding offers = audit.finding("offers-dlq");
        assertThat(offers.status()).isEqualTo(Status.NOK);
        assertThat(offers.evidence()).containsEntry("DeadLetterQueueOf", List.of(
                "EventBridge rule activate-offers (bus default, target job)",
                "EventBridge rule expire-offers (bus default, target job)"));
        assertThat(audit.finding("alerts-dlq").evidence()).containsEntry("DeadLetterQueueOf",
                List.of("SNS subscription of topic ops-pager (https)"));
    }

    @Test
    void aReferenceToAQueueThatDoesNotExistGivesNoFinding() {
        var audit = new QueueFixtures().queue("orders", "orders-dlq-deleted").harness(CHECK);

        assertThat(audit.findings()).isEmpty();
    }
}
