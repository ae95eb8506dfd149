package com.huntaze.audit.report;

import com.huntaze.audit.engine.AuditRunner;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.inventory.Inventory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Assembles the report from an inventory's evaluation and the run's statistics. */
public final class ReportBuilder {
    private ReportBuilder() {
    }

    /**
     * @param datasets   the datasets the checks that ran needed: only their failures are reported
     * @param priceTable where the savings' prices come from, e.g. "embedded price table of 2026-11-22"
     */
    public static AuditReport build(String toolVersion, Instant generatedAt, Inventory inventory,
                                    Set<Dataset<?>> datasets, AuditRunner.Outcome outcome,
                                    Map<String, Long> apiCalls, long durationMs, String priceTable) {
        List<ReportedFinding> findings = outcome.findings().stream().map(ReportedFinding::of).toList();
        return new AuditReport(
                AuditReport.SCHEMA_VERSION,
                new AuditReport.Tool("huntaze-audit", toolVersion),
                generatedAt.truncatedTo(ChronoUnit.SECONDS).toString(),
                inventory.account(),
                inventory.regions(),
                null,
                AuditReport.Summary.of(findings, collectionErrors(inventory, datasets), priceTable),
                outcome.checks(),
                findings,
                null,
                List.of(),
                new AuditReport.Stats(apiCalls, durationMs));
    }

    /** Every failed call once, even when several datasets failed because of it (a dependency's failure). */
    static List<AuditReport.CollectionError> collectionErrors(Inventory inventory, Set<Dataset<?>> datasets) {
        Set<AuditReport.CollectionError> errors = new TreeSet<>(Comparator
                .comparing(AuditReport.CollectionError::region)
                .thenComparing(AuditReport.CollectionError::operation)
                .thenComparing(AuditReport.CollectionError::error));
        for (var region : inventory.all()) {
            region.failures().forEach((dataset, failure) -> {
                if (datasets.contains(dataset)) {
                    errors.add(new AuditReport.CollectionError(failure.action().substring(0,
                            failure.action().indexOf(':')), region.region(), failure.action(), failure.reason(),
                            failure.kind().id()));
                }
            });
        }
        return List.copyOf(errors);
    }
}
