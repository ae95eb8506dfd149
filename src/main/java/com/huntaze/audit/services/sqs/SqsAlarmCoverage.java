package com.huntaze.audit.services.sqs;

import static com.huntaze.audit.services.cloudwatch.AlarmCoverageTarget.AlarmTemplate.ABOVE;

import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.services.AuditService.Contributions;
import com.huntaze.audit.services.cloudwatch.AlarmCoverageTarget;
import com.huntaze.audit.services.cloudwatch.AlarmCoverageTarget.AlarmTemplate;
import com.huntaze.audit.services.cloudwatch.AlarmCoverageTarget.Resource;
import java.util.List;
import java.util.Map;

/**
 * What {@code cloudwatch.alarm-coverage} judges of SQS: each dead-letter queue ({@code sqsDeadLetterQueue}: a
 * message in it is work that failed) and each other queue ({@code sqsQueue}: its oldest message's age shows stuck
 * consumers). Which queues are dead-letter queues comes from every service's {@link DeadLetterQueueReferences}.
 * SQS publishes no datapoint for a queue that has been idle for six hours: missing data is the good case.
 */
final class SqsAlarmCoverage {
    private SqsAlarmCoverage() {
    }

    /** One message in a dead-letter queue is already one too many. */
    static final AlarmCoverageTarget DEAD_LETTER_QUEUES = new AlarmCoverageTarget("sqsDeadLetterQueue", "AWS/SQS",
            contributions -> DeadLetterQueues.from(contributions).requires(),
            List.of(List.of("ApproximateNumberOfMessagesVisible")),
            Map.of("ApproximateNumberOfMessagesVisible",
                    new AlarmTemplate("--statistic Maximum", 300, 1, "1", ABOVE, true)),
            (ctx, contributions) -> queues(ctx, contributions, true));

    /** A message waiting 15 minutes: the consumers are stuck or too few. */
    static final AlarmCoverageTarget QUEUES = new AlarmCoverageTarget("sqsQueue", "AWS/SQS",
            contributions -> DeadLetterQueues.from(contributions).requires(),
            List.of(List.of("ApproximateAgeOfOldestMessage")),
            Map.of("ApproximateAgeOfOldestMessage", new AlarmTemplate("--statistic Maximum", 300, 1, "900", ABOVE,
                    true)),
            (ctx, contributions) -> queues(ctx, contributions, false));

    private static List<Resource> queues(CheckContext ctx, Contributions contributions, boolean deadLetter) {
        Map<String, List<String>> named = DeadLetterQueues.from(contributions).in(ctx);
        return ctx.get(SqsDatasets.QUEUES).stream()
                .filter(q -> named.containsKey(q.arn()) == deadLetter)
                .map(q -> Resource.of("AWS::SQS::Queue", q.name(), q.arn(), Map.of("QueueName", q.name())))
                .toList();
    }
}
