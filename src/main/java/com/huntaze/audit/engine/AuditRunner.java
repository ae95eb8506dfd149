package com.huntaze.audit.engine;

import com.huntaze.audit.services.ServiceCatalog;
import com.huntaze.audit.inventory.CollectionFailedException;
import com.huntaze.audit.inventory.CollectionFailure;
import com.huntaze.audit.inventory.Inventory;
import com.huntaze.audit.inventory.RegionInventory;
import com.huntaze.audit.pricing.PriceTable;
import com.huntaze.audit.services.repo.RepoDatasets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

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
        // Checks are pure functions of the inventory: judged side by side on the machine's cores (most of a run's
        // evaluation is first-time code, interpreted), the results kept in the checks' order.
        List<RegisteredCheck> ordered = ordered(checks);
        List<List<Finding>> judged = ordered.parallelStream().map(c -> judge(c, inventory)).toList();
        List<CheckResult> results = new ArrayList<>();
        List<Finding> all = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            List<Finding> findings = judged.get(i);
            Status status = findings.stream().map(Finding::status).reduce(Status.OK, Status::worst);
            results.add(CheckResult.of(ordered.get(i).metadata(), status, findings.size()));
            all.addAll(findings);
        }
        return new Outcome(List.copyOf(results), List.copyOf(all));
    }

    /** The findings of one check over the inventory, in {@link Finding#WITHIN_CHECK} order. */
    private List<Finding> judge(RegisteredCheck registered, Inventory inventory) {
        List<Finding> findings = new ArrayList<>();
        for (RegionInventory region : judgedIn(registered.check(), inventory)) {
            findings.addAll(evaluate(registered, region, inventory));
        }
        if (registered.check().scope() == Scope.REGIONAL) {
            // A region read for some datasets only: judged by the regional checks that need nothing else.
            for (String extra : inventory.extraRegions()) {
                RegionInventory region = inventory.region(extra);
                if (registered.check().requires().stream().allMatch(region::has)) {
                    findings.addAll(evaluate(registered, region, inventory));
                }
            }
        }
        findings.sort(Finding.WITHIN_CHECK);
        return findings;
    }

    /**
     * Where a check is judged: a check that reads only the repositories ({@code --repo}) once, in the region
     * {@code repo} (its findings are in no AWS region; it reads its global datasets from the global inventory); any
     * other in the inventories of its scope.
     */
    private static List<RegionInventory> judgedIn(Check check, Inventory inventory) {
        if (!check.requires().isEmpty() && check.requires().stream().allMatch(RepoDatasets::fromRepositories)) {
            return List.of(new RegionInventory(RepoDatasets.REGION));
        }
        return inventory.forScope(check.scope());
    }

    /**
     * The outcome on an account that could not be read at all (its role could not be assumed): one TODO per check,
     * about the account ({@code global}, no resource), saying why; no check is evaluated, not even a by-hand one.
     */
    public Outcome unreadable(List<RegisteredCheck> checks, String message, Map<String, Object> evidence,
                              String remediation) {
        List<CheckResult> results = new ArrayList<>();
        List<Finding> all = new ArrayList<>();
        for (RegisteredCheck registered : ordered(checks)) {
            CheckMetadata m = registered.metadata();
            all.add(new Finding(m.id(), Status.TODO, Scope.GLOBAL_REGION, m.resourceType(), "", null, message,
                    evidence, remediation, 0.0));
            results.add(CheckResult.of(m, Status.TODO, 1));
        }
        return new Outcome(List.copyOf(results), List.copyOf(all));
    }

    private static List<RegisteredCheck> ordered(List<RegisteredCheck> checks) {
        return checks.stream()
                .sorted(Comparator.comparing((RegisteredCheck c) -> c.metadata().domain()).thenComparing(RegisteredCheck::id))
                .toList();
    }

    private List<Finding> evaluate(RegisteredCheck registered, RegionInventory region, Inventory inventory) {
        CheckContext context = new CheckContext(registered.metadata(), region, inputs, inventory);
        // Never judge what was not read: a check whose input failed is TODO, whether or not it would have read it.
        java.util.Optional<CollectionFailure> failed = registered.check().requires().stream()
                .filter(dataset -> !registered.check().tolerates().contains(dataset))
                .sorted(Comparator.comparing(com.huntaze.audit.inventory.Dataset::id))
                .map(context::failure).flatMap(java.util.Optional::stream).findFirst();
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

    /** The one TODO a check yields for a region whose data it needs could not be collected. */
    static Finding collectionTodo(CheckContext context, CollectionFailure failure) {
        String message = "Could not verify in " + context.region() + ": " + failure.action() + " "
                + failure.reason() + ".";
        return context.todo("", null, message, Evidence.of("action", failure.action(), "error", failure.error()))
                .withRemediation(failure.advice());
    }
}
