package com.huntaze.audit.services.events;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.inventory.Dataset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * events.target-dead-letter: an event EventBridge cannot deliver is retried (185 times over 24 hours by default),
 * then dropped, unless the target has a DeadLetterConfig. Judged, on enabled rules of every bus: every target of a
 * scheduled rule (a cron job whose run is lost leaves no trace), and the API-destination, Lambda and SQS targets of
 * any rule (the targets whose invocations fail in practice: an endpoint down, a throttled function, a full queue).
 * One finding per rule, listing its judged targets.
 */
public final class EventsTargetDeadLetterCheck implements Check {

    @Override
    public String id() {
        return "events.target-dead-letter";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(EventsDatasets.RULES);
    }

    /** Whether the target of {@code rule} is judged. */
    static boolean judged(EventRule rule, EventTarget target) {
        return rule.isScheduled() || target.isApiDestination() || target.isLambdaFunction() || target.isSqsQueue();
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        List<Finding> findings = new ArrayList<>();
        for (EventRule rule : ctx.get(EventsDatasets.RULES)) {
            if (!rule.isEnabled()) {
                continue; // a disabled rule invokes nothing
            }
            List<EventTarget> judged = rule.targets().stream().filter(t -> judged(rule, t)).toList();
            if (judged.isEmpty()) {
                continue;
            }
            List<EventTarget> without = judged.stream().filter(t -> t.deadLetterArn() == null).toList();
            var evidence = Evidence.of("EventBusName", rule.eventBusName(),
                    "ScheduleExpression", rule.scheduleExpression(),
                    "Targets", judged.stream().map(EventsTargetDeadLetterCheck::target).toList());
            if (without.isEmpty()) {
                findings.add(ctx.ok(rule.name(), rule.arn(), (judged.size() == 1 ? "Its target sends"
                        : "Each of its " + judged.size() + " targets sends") + " the events it could not deliver to a"
                        + " dead-letter queue.", evidence));
                continue;
            }
            String names = without.stream().map(EventTarget::id).collect(Collectors.joining(", "));
            findings.add(ctx.nok(rule.name(), rule.arn(), (without.size() == 1 ? "Target " + names + " has"
                    : "Targets " + names + " have") + " no DeadLetterConfig: a failed invocation is dropped after its"
                    + " retries (" + retries(without) + ").", evidence));
        }
        return findings;
    }

    /** A target as evidence: its id and ARN, its dead-letter queue and its (effective) retry policy. */
    private static Map<String, Object> target(EventTarget t) {
        Map<String, Object> retry = new LinkedHashMap<>();
        retry.put("MaximumRetryAttempts", t.effectiveRetryAttempts());
        retry.put("MaximumEventAgeInSeconds", t.effectiveEventAgeSeconds());
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("TargetId", t.id());
        target.put("TargetArn", t.arn());
        target.put("DeadLetterConfig", t.deadLetterArn() == null ? "none" : t.deadLetterArn());
        target.put("RetryPolicy", retry);
        return target;
    }

    /** "185 attempts over 24 h, AWS's default", or each target's own. */
    private static String retries(List<EventTarget> targets) {
        return targets.stream().map(t -> t.effectiveRetryAttempts() + " attempts over " + age(t.effectiveEventAgeSeconds())
                        + (t.maximumRetryAttempts() == null && t.maximumEventAgeInSeconds() == null
                        ? ", AWS's default" : ""))
                .distinct().collect(Collectors.joining("; "));
    }

    private static String age(int seconds) {
        if (seconds % 3600 == 0) {
            return seconds / 3600 + " h";
        }
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }
}
