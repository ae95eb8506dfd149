package com.huntaze.audit.engine;

import com.huntaze.audit.services.ServiceCatalog;
import com.huntaze.audit.inventory.CollectionFailedException;
import com.huntaze.audit.inventory.CollectionFailure;
import com.huntaze.audit.inventory.Inventory;
import com.huntaze.audit.inventory.RegionInventory;
import com.huntaze.audit.pricing.PriceTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Evaluates checks on an inventory. Collection failures become TODO findings; nothing is dropped silently. */
public final class AuditRunner {

    /** The outcome of evaluation: one result per check, and all findings in report order. */
    public record Outcome(List<CheckResult> checks, List<Finding> findings) {
    }

    private final AuditInputs inputs;

    /** Default thresholds, no attestation, the embedded prices; {@code now} is the audit's reference time. */
    public AuditRunner(Thresholds thresholds, Instant now) {
        this(new AuditInputs(thresholds, List.of(), ServiceCatalog.current().prices(), now));
    }

    public AuditRunner(AuditInputs inputs) {
        this.inputs = inputs;
    }

    public Outcome run(List<RegisteredCheck> checks, Inventory inventory) {
        List<CheckResult> results = new ArrayList<>();
        List<Finding> all = new ArrayList<>();
        List<RegisteredCheck> ordered = checks.stream()
                .sorted(Comparator.comparing((RegisteredCheck c) -> c.metadata().domain()).thenComparing(RegisteredCheck::id))
                .toList();
        for (RegisteredCheck registered : ordered) {
            List<Finding> findings = new ArrayList<>();
            for (RegionInventory region : inventory.forScope(registered.check().scope())) {
                findings.addAll(evaluate(registered, region, inventory));
            }
            findings.sort(Finding.WITHIN_CHECK);
            Status status = findings.stream().map(Finding::status).reduce(Status.OK, Status::worst);
            CheckMetadata m = registered.metadata();
            results.add(new CheckResult(m.id(), m.title(), m.domain(), m.severity(), status, findings.size(),
                    m.verifyCommand()));
            all.addAll(findings);
        }
        return new Outcome(List.copyOf(results), List.copyOf(all));
    }

    private List<Finding> evaluate(RegisteredCheck registered, RegionInventory region, Inventory inventory) {
        CheckContext context = new CheckContext(registered.metadata(), region, inputs, inventory);
        // Never judge what was not read: a check whose input failed is TODO, whether or not it would have read it.
        java.util.Optional<CollectionFailure> failed = !registered.check().needsAllInputs() ? java.util.Optional.empty()
                : registered.check().requires().stream()
                .sorted(Comparator.comparing(com.huntaze.audit.inventory.Dataset::id))
                .flatMap(dataset -> inputsOf(dataset, region, inventory).stream().map(r -> r.failure(dataset)))
                .flatMap(java.util.Optional::stream).findFirst();
        if (failed.isPresent()) {
            return List.of(collectionTodo(context, failed.get()));
        }
        try {
            return registered.check().evaluate(context);
        } catch (CollectionFailedException e) {
            return List.of(collectionTodo(context, e.failure()));
        } catch (RuntimeException e) {
            // A bug in one check must not cost the whole report: it shows as a TODO that asks to be reported.
            return List.of(context.todo("", null, "Internal error in this check (" + e
                    + "): it could not be evaluated in " + context.region() + ".", Evidence.of("error",
                    e.getClass().getSimpleName())).withRemediation("Report this as a bug of huntaze-audit, with the"
                    + " output of --debug."));
        }
    }

    /**
     * Where a check evaluated in {@code region} reads {@code dataset}: that region, the global inventory for a global
     * dataset, and every audited region for a regional dataset a global check reads.
     */
    private static List<RegionInventory> inputsOf(com.huntaze.audit.inventory.Dataset<?> dataset,
                                                  RegionInventory region, Inventory inventory) {
        boolean globalRun = region.region().equals(Scope.GLOBAL_REGION);
        if (dataset.scope() == Scope.GLOBAL) {
            return List.of(inventory.global());
        }
        return globalRun ? inventory.forScope(Scope.REGIONAL) : List.of(region);
    }

    /** The one TODO a check yields for a region whose data it needs could not be collected. */
    static Finding collectionTodo(CheckContext context, CollectionFailure failure) {
        String message = "Could not verify in " + context.region() + ": " + failure.action() + " "
                + failure.reason() + ".";
        return context.todo("", null, message, Evidence.of("action", failure.action(), "error", failure.error()))
                .withRemediation(failure.advice());
    }
}
