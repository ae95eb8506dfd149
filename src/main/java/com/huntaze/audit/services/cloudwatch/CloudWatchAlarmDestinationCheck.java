package com.huntaze.audit.services.cloudwatch;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.services.sns.SnsDatasets;
import com.huntaze.audit.services.sns.SnsSubscription;
import com.huntaze.audit.services.sns.SnsTopic;
import com.huntaze.audit.services.sns.SnsTopicSubscriptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * cloudwatch.alarm-destination: each SNS topic that an alarm's ALARM action names exists and has at least one
 * confirmed subscription, so that a firing alarm reaches someone (PagerDuty, Slack, an inbox). A subscription still
 * {@code PendingConfirmation} receives nothing. Judged per topic (the finding's resource), with the alarms that name
 * it as evidence. Actions that are not SNS topics (Auto Scaling, EC2, Systems Manager) are not judged here; whether
 * an alarm has an action at all is {@code cloudwatch.alarm-actions}' job.
 */
public final class CloudWatchAlarmDestinationCheck implements Check {

    @Override
    public String id() {
        return "cloudwatch.alarm-destination";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(CloudWatchDatasets.ALARMS, SnsDatasets.TOPICS, SnsDatasets.ALARM_TOPIC_SUBSCRIPTIONS);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        CloudWatchAlarms alarms = ctx.get(CloudWatchDatasets.ALARMS);
        Set<String> existing = ctx.get(SnsDatasets.TOPICS).stream().map(SnsTopic::arn).collect(Collectors.toSet());
        Map<String, SnsTopicSubscriptions> subscriptions = new HashMap<>();
        ctx.get(SnsDatasets.ALARM_TOPIC_SUBSCRIPTIONS).forEach(t -> subscriptions.put(t.topicArn(), t));
        Map<String, String> accountOfAlarm = new HashMap<>();
        alarms.metricAlarms().forEach(a -> accountOfAlarm.put(a.name(), account(a.arn())));
        alarms.compositeAlarms().forEach(a -> accountOfAlarm.put(a.name(), account(a.arn())));

        List<Finding> findings = new ArrayList<>();
        alarms.snsAlarmActionTopics().forEach((topicArn, names) -> {
            String name = SnsTopic.nameOf(topicArn);
            String[] arn = topicArn.split(":");
            String reach = alarms(names);
            String alarmAccount = accountOfAlarm.get(names.get(0));
            if (!arn[3].equals(ctx.region()) || (alarmAccount != null && !arn[4].equals(alarmAccount))) {
                findings.add(ctx.todo(name, topicArn, "In " + (arn[3].equals(ctx.region()) ? "account " + arn[4]
                        : "region " + arn[3] + " of account " + arn[4]) + ": this audit cannot see its subscriptions;"
                        + " check there that " + reach + " into a topic someone reads.", Evidence.of("Alarms", names))
                        .withRemediation("Audit the account and region that own the topic, or run aws sns"
                                + " list-subscriptions-by-topic --topic-arn " + topicArn + " there."));
                return;
            }
            SnsTopicSubscriptions topic = subscriptions.get(topicArn);
            if (!existing.contains(topicArn) || topic == null) {
                findings.add(ctx.nok(name, topicArn, "Does not exist: " + reach + " into a topic nobody reads.",
                        Evidence.of("Alarms", names, "TopicExists", false)));
                return;
            }
            List<SnsSubscription> confirmed = topic.subscriptions().stream().filter(SnsSubscription::confirmed).toList();
            int pending = topic.subscriptions().size() - confirmed.size();
            var evidence = Evidence.of("Alarms", names, "ConfirmedSubscriptions", confirmed.size(),
                    "PendingConfirmation", pending, "Protocols", confirmed.isEmpty() ? null : confirmed.stream()
                            .map(SnsSubscription::protocol).collect(Collectors.toCollection(TreeSet::new)).stream()
                            .toList());
            if (!confirmed.isEmpty()) {
                findings.add(ctx.ok(name, topicArn, confirmed.size() + (confirmed.size() == 1
                        ? " confirmed subscription" : " confirmed subscriptions") + ": " + reach + " into a topic"
                        + " someone reads.", evidence));
            } else if (pending > 0) {
                findings.add(ctx.nok(name, topicArn, (pending == 1 ? "Its only subscription is"
                        : "Its " + pending + " subscriptions are all") + " pending confirmation: " + reach
                        + " into a topic nobody reads.", evidence));
            } else {
                findings.add(ctx.nok(name, topicArn, "No subscription: " + reach + " into a topic nobody reads.",
                        evidence));
            }
        });
        return findings;
    }

    /** Most alarm names a message spells out (the evidence lists them all). */
    static final int NAMED_IN_MESSAGE = 5;

    /** "alarm a fires", "alarms a, b fire", "alarms a, b, c, d, e and 3 more fire". */
    private static String alarms(List<String> names) {
        if (names.size() == 1) {
            return "alarm " + names.get(0) + " fires";
        }
        String named = String.join(", ", names.subList(0, Math.min(names.size(), NAMED_IN_MESSAGE)));
        return "alarms " + named + (names.size() > NAMED_IN_MESSAGE ? " and " + (names.size() - NAMED_IN_MESSAGE)
                + " more" : "") + " fire";
    }

    /** The account id from an alarm's ARN (arn:aws:cloudwatch:REGION:ACCOUNT:alarm:NAME), null when absent. */
    private static String account(String arn) {
        String[] parts = arn == null ? new String[0] : arn.split(":");
        return parts.length > 4 && !parts[4].isEmpty() ? parts[4] : null;
    }
}
