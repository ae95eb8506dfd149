package com.huntaze.audit.services.events;

import java.util.List;

/**
 * An EventBridge rule of a region, on any event bus, from ListRules, with its targets from ListTargetsByRule (its
 * event pattern is not kept).
 *
 * @param eventBusName       the bus the rule is on ({@code default}, a custom or a partner bus)
 * @param state              ENABLED, DISABLED or ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS
 * @param scheduleExpression {@code rate(...)} or {@code cron(...)} for a scheduled rule; null for an event pattern
 * @param managedBy          the AWS service that manages the rule, null for the account's own
 */
public record EventRule(String name, String arn, String eventBusName, String state, String scheduleExpression,
                        String managedBy, List<EventTarget> targets) {

    public EventRule {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    public boolean isScheduled() {
        return scheduleExpression != null && !scheduleExpression.isBlank();
    }

    /** Whether the rule invokes its targets at all (DISABLED: it matches nothing and fires nothing). */
    public boolean isEnabled() {
        return state == null || !state.equals("DISABLED");
    }
}
