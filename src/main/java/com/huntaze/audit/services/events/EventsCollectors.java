package com.huntaze.audit.services.events;

import static com.huntaze.audit.collection.AwsCalls.call;

import com.huntaze.audit.collection.CollectionContext;
import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.inventory.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClientBuilder;
import software.amazon.awssdk.services.eventbridge.model.EventBus;
import software.amazon.awssdk.services.eventbridge.model.ListEventBusesResponse;
import software.amazon.awssdk.services.eventbridge.model.ListRulesResponse;
import software.amazon.awssdk.services.eventbridge.model.ListTargetsByRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * EventBridge rules: ListEventBuses, ListRules per bus, ListTargetsByRule per rule (the last two fanned out), all
 * pages at 100 per page (each API's maximum). The SDK has no paginators for EventBridge: the NextToken loops are
 * here.
 */
final class EventsCollectors {
    private EventsCollectors() {
    }

    static final ServiceClient<EventBridgeClient, EventBridgeClientBuilder> EVENTS =
            ServiceClient.regional("events", EventBridgeClient::builder);

    static final int PAGE_SIZE = 100;

    static final DatasetCollector<List<EventRule>> RULES = new DatasetCollector<>() {
        @Override
        public Dataset<List<EventRule>> dataset() {
            return EventsDatasets.RULES;
        }

        @Override
        public List<String> actions() {
            return List.of("events:ListEventBuses", "events:ListRules", "events:ListTargetsByRule");
        }

        @Override
        public List<EventRule> collect(CollectionContext context) {
            EventBridgeClient events = context.client(EVENTS);
            List<String> buses = call("events:ListEventBuses", () -> {
                List<String> names = new ArrayList<>();
                String token = null;
                do {
                    String next = token;
                    ListEventBusesResponse page = events.listEventBuses(r -> r.limit(PAGE_SIZE).nextToken(next));
                    page.eventBuses().stream().map(EventBus::name).forEach(names::add);
                    token = page.nextToken();
                } while (token != null && !token.isEmpty());
                return names;
            });
            List<OnBus> rules = context.forEach(buses, bus -> call("events:ListRules", () -> rules(events, bus)))
                    .stream().flatMap(List::stream).toList();
            return context.forEach(rules, rule -> call("events:ListTargetsByRule", () -> {
                try {
                    return rule(rule, targets(events, rule));
                } catch (ResourceNotFoundException deletedSinceListed) {
                    return null;
                }
            })).stream().filter(Objects::nonNull).toList();
        }
    };

    /** A rule and the bus it was listed on. */
    private record OnBus(String bus, Rule rule) {
    }

    private static List<OnBus> rules(EventBridgeClient events, String bus) {
        List<OnBus> rules = new ArrayList<>();
        String token = null;
        try {
            do {
                String next = token;
                ListRulesResponse page = events.listRules(r -> r.eventBusName(bus).limit(PAGE_SIZE).nextToken(next));
                page.rules().forEach(rule -> rules.add(new OnBus(bus, rule)));
                token = page.nextToken();
            } while (token != null && !token.isEmpty());
        } catch (ResourceNotFoundException deletedSinceListed) {
            return List.of();
        }
        return rules;
    }

    private static List<Target> targets(EventBridgeClient events, OnBus rule) {
        List<Target> targets = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListTargetsByRuleResponse page = events.listTargetsByRule(r -> r.rule(rule.rule().name())
                    .eventBusName(rule.bus()).limit(PAGE_SIZE).nextToken(next));
            targets.addAll(page.targets());
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return targets;
    }

    private static EventRule rule(OnBus listed, List<Target> targets) {
        Rule rule = listed.rule();
        return new EventRule(rule.name(), rule.arn(), listed.bus(), rule.stateAsString(), rule.scheduleExpression(),
                rule.managedBy(),
                targets.stream().map(t -> new EventTarget(t.id(), t.arn(),
                        t.deadLetterConfig() == null ? null : t.deadLetterConfig().arn(),
                        t.retryPolicy() == null ? null : t.retryPolicy().maximumRetryAttempts(),
                        t.retryPolicy() == null ? null : t.retryPolicy().maximumEventAgeInSeconds())).toList());
    }
}
