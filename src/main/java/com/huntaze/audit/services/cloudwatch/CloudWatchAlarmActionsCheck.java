package com.huntaze.audit.services.cloudwatch;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.inventory.Dataset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * cloudwatch.alarm-actions: each metric alarm reaches someone when it fires: actions enabled and at least one
 * ALARM action, or it feeds a composite alarm that does (the usual way to page once for several alarms).
 */
public final class CloudWatchAlarmActionsCheck implements Check {

    /** {@code ALARM("name")}, {@code ALARM(name)} or {@code ALARM("arn:...:alarm:name")} in a composite's rule. */
    private static final Pattern ALARM_REFERENCE = Pattern.compile("\\bALARM\\(\\s*(\"?)([^\"()]+?)\\1\\s*\\)");

    @Override
    public String id() {
        return "cloudwatch.alarm-actions";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(CloudWatchDatasets.ALARMS);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        CloudWatchAlarms alarms = ctx.get(CloudWatchDatasets.ALARMS);
        Map<String, List<CompositeAlarm>> parents = parents(alarms.compositeAlarms());
        List<Finding> findings = new ArrayList<>();
        for (MetricAlarm a : alarms.metricAlarms()) {
            Map<String, Object> evidence = Evidence.of("ActionsEnabled", a.actionsEnabled(),
                    "AlarmActions", a.alarmActions(), "StateValue", a.stateValue(), "Metric", metric(a));
            if (a.actionsEnabled() && !a.alarmActions().isEmpty()) {
                findings.add(ctx.ok(a.name(), a.arn(), "Notifies " + a.alarmActions().size()
                        + (a.alarmActions().size() == 1 ? " action" : " actions") + " when it fires.", evidence));
                continue;
            }
            Optional<CompositeAlarm> through = notifyingParent(a.name(), parents, new HashSet<>());
            if (through.isPresent()) {
                Map<String, Object> more = new java.util.LinkedHashMap<>(evidence);
                more.put("NotifiesThrough", through.get().name());
                findings.add(ctx.ok(a.name(), a.arn(), "Notifies through composite alarm " + through.get().name()
                        + ".", more));
                continue;
            }
            String why = a.alarmActions().isEmpty() ? "No ALARM action" : "Its actions are disabled";
            findings.add(ctx.nok(a.name(), a.arn(), why + ": this alarm notifies nobody when it fires.", evidence));
        }
        return findings;
    }

    private static String metric(MetricAlarm a) {
        if (a.metricName() != null) {
            return a.namespace() + " " + a.metricName();
        }
        return "metric math over " + a.watchedMetrics().stream().map(m -> m.namespace() + " " + m.metricName())
                .distinct().toList();
    }

    /** Alarm name → the composite alarms whose rule fires on its ALARM state. */
    private static Map<String, List<CompositeAlarm>> parents(List<CompositeAlarm> composites) {
        Map<String, List<CompositeAlarm>> parents = new HashMap<>();
        for (CompositeAlarm c : composites) {
            Matcher m = ALARM_REFERENCE.matcher(c.alarmRule() == null ? "" : c.alarmRule());
            while (m.find()) {
                String ref = m.group(2).strip();
                int arnName = ref.indexOf(":alarm:");
                String name = arnName >= 0 ? ref.substring(arnName + ":alarm:".length()) : ref;
                parents.computeIfAbsent(name, k -> new ArrayList<>()).add(c);
            }
        }
        return parents;
    }

    /** A composite alarm above {@code name} (directly or through other composites) that notifies someone. */
    private static Optional<CompositeAlarm> notifyingParent(String name, Map<String, List<CompositeAlarm>> parents,
                                                            Set<String> seen) {
        for (CompositeAlarm parent : parents.getOrDefault(name, List.of())) {
            if (!seen.add(parent.name())) {
                continue;
            }
            if (parent.actionsEnabled() && !parent.alarmActions().isEmpty()) {
                return Optional.of(parent);
            }
            Optional<CompositeAlarm> higher = notifyingParent(parent.name(), parents, seen);
            if (higher.isPresent()) {
                return higher;
            }
        }
        return Optional.empty();
    }
}
