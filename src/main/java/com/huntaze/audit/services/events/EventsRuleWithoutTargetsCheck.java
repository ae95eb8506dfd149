package com.huntaze.audit.services.events;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;
import java.util.Set;

/**
 * events.rule-without-targets: a rule, on any event bus, with no target does nothing (a leftover of a removed
 * consumer). It costs nothing by itself (savings 0, like an empty ECS cluster), but it is clutter that hides what is
 * real.
 */
public final class EventsRuleWithoutTargetsCheck implements Check {

    @Override
    public String id() {
        return "events.rule-without-targets";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(EventsDatasets.RULES);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        return ctx.get(EventsDatasets.RULES).stream().map(rule -> {
            var evidence = Evidence.of("EventBusName", rule.eventBusName(), "State", rule.state(),
                    "ScheduleExpression", rule.scheduleExpression(), "Targets", rule.targets().size(),
                    "ManagedBy", rule.managedBy());
            if (rule.targets().isEmpty()) {
                return ctx.nok(rule.name(), rule.arn(), "No target: this rule does nothing; delete it.", evidence);
            }
            int n = rule.targets().size();
            return ctx.ok(rule.name(), rule.arn(), n + (n == 1 ? " target." : " targets."), evidence);
        }).toList();
    }
}
