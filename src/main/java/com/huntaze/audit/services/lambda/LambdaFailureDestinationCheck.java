package com.huntaze.audit.services.lambda;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.inventory.Dataset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * lambda.failure-destination: a function that something this audit sees invokes asynchronously (an
 * {@link AsynchronousCallers} contribution: EventBridge targets today) keeps the events it fails on, in an on-failure
 * destination (ListFunctionEventInvokeConfigs) or a dead-letter queue (DeadLetterConfig). Functions without a caller
 * found are not judged.
 */
public final class LambdaFailureDestinationCheck implements Check {

    private final List<AsynchronousCallers> callers;

    public LambdaFailureDestinationCheck(List<AsynchronousCallers> callers) {
        this.callers = List.copyOf(callers);
    }

    @Override
    public String id() {
        return "lambda.failure-destination";
    }

    @Override
    public Set<Dataset<?>> requires() {
        Set<Dataset<?>> all = new LinkedHashSet<>();
        all.add(LambdaDatasets.FUNCTIONS);
        all.add(LambdaDatasets.EVENT_INVOKE_CONFIGS);
        callers.forEach(c -> all.addAll(c.requires()));
        return all;
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        Map<String, Set<String>> calledBy = new TreeMap<>();
        for (AsynchronousCallers source : callers) {
            for (AsynchronousCallers.Caller c : source.callers().apply(ctx::get)) {
                String name = AsynchronousCallers.functionName(c.functionArn());
                if (name != null) {
                    calledBy.computeIfAbsent(name, k -> new TreeSet<>()).add(c.by());
                }
            }
        }
        Map<String, List<EventInvokeConfig>> configs = new TreeMap<>();
        ctx.get(LambdaDatasets.EVENT_INVOKE_CONFIGS)
                .forEach(c -> configs.computeIfAbsent(c.functionName(), k -> new ArrayList<>()).add(c));
        List<Finding> findings = new ArrayList<>();
        for (LambdaFunction f : ctx.get(LambdaDatasets.FUNCTIONS)) {
            Set<String> by = calledBy.get(f.name());
            if (by == null) {
                continue;
            }
            List<String> onFailure = configs.getOrDefault(f.name(), List.of()).stream()
                    .map(EventInvokeConfig::onFailureDestination).filter(d -> d != null).distinct().toList();
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("AsynchronousCallers", List.copyOf(by));
            if (!onFailure.isEmpty()) {
                evidence.put("OnFailureDestinations", onFailure);
            }
            if (f.deadLetterTargetArn() != null) {
                evidence.put("DeadLetterConfig", f.deadLetterTargetArn());
            }
            String callersText = String.join(", ", by);
            if (!onFailure.isEmpty() || f.deadLetterTargetArn() != null) {
                findings.add(ctx.ok(f.name(), f.arn(), "Invoked asynchronously by " + callersText + "; failed events"
                        + " go to " + (onFailure.isEmpty() ? f.deadLetterTargetArn() : onFailure.get(0)) + ".",
                        evidence));
            } else {
                findings.add(ctx.nok(f.name(), f.arn(), "Invoked asynchronously by " + callersText + ", with no"
                        + " on-failure destination and no dead-letter queue: an event that still fails after"
                        + " Lambda's retries is dropped.", evidence));
            }
        }
        return findings;
    }
}
