package com.huntaze.audit.report;

import com.huntaze.audit.engine.AuditRunner;
import com.huntaze.audit.engine.CheckResult;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.inventory.CollectionFailure;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.inventory.Inventory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
        List<ReportedFinding> findings = outcome.findings().stream()
                .map(f -> ReportedFinding.of(inAccount(f, inventory.account()))).toList();
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

    /** An AWS finding names its account; a repository finding (it has a location) is in none. */
    private static Finding inAccount(Finding finding, String account) {
        return finding.account() == null && finding.location() == null ? finding.withAccount(account) : finding;
    }

    /**
     * One account of a report of several accounts: audited (its inventory and the checks' outcome on it), or failed
     * ({@code inventory} null, {@code failure} why, and {@code outcome} the TODO of each check).
     *
     * @param name its name in AWS Organizations, null when not known
     */
    public record AccountAudit(String id, String name, Inventory inventory, AuditRunner.Outcome outcome,
                               CollectionFailure failure) {
        boolean failed() {
            return inventory == null;
        }
    }

    /**
     * The report of several accounts: top-level {@code account} null, {@code accounts} and {@code summary.accounts}
     * in account id order, each finding in its account. The checks come in their usual order, each check's findings
     * by account, then as within one account: the order depends on the accounts, never on which finished first.
     */
    public static AuditReport buildAccounts(String toolVersion, Instant generatedAt, List<String> regions,
                                            List<AccountAudit> audits, Set<Dataset<?>> datasets,
                                            Map<String, Long> apiCalls, long durationMs, String priceTable) {
        List<AccountAudit> sorted = audits.stream().sorted(Comparator.comparing(AccountAudit::id)).toList();
        Map<String, CheckResult> checks = new LinkedHashMap<>();
        Map<String, List<Finding>> findingsByCheck = new LinkedHashMap<>();
        List<AuditReport.AccountEntry> accounts = new ArrayList<>();
        List<AuditReport.CollectionError> errors = new ArrayList<>();
        for (AccountAudit audit : sorted) {
            for (CheckResult c : audit.outcome().checks()) {
                checks.merge(c.id(), c, (a, b) -> new CheckResult(a.id(), a.title(), a.domain(), a.severity(),
                        Status.worst(a.status(), b.status()), a.resources() + b.resources(), a.verifyCommand()));
                findingsByCheck.putIfAbsent(c.id(), new ArrayList<>());
            }
            for (Finding f : audit.outcome().findings()) {
                findingsByCheck.get(f.checkId()).add(inAccount(f, audit.id()));
            }
            if (audit.failed()) {
                accounts.add(new AuditReport.AccountEntry(audit.id(), audit.name(), AuditReport.AccountEntry.FAILED,
                        audit.failure().action() + " " + audit.failure().reason()
                                + (audit.failure().detail() != null ? ": " + audit.failure().detail() : "")));
                errors.add(collectionError(audit.failure(), Scope.GLOBAL_REGION, audit.id()));
            } else {
                accounts.add(new AuditReport.AccountEntry(audit.id(), audit.name(), AuditReport.AccountEntry.AUDITED,
                        null));
                collectionErrors(audit.inventory(), datasets).forEach(e -> errors.add(new AuditReport.CollectionError(
                        e.service(), e.region(), e.operation(), e.error(), e.kind(), audit.id())));
            }
        }
        List<ReportedFinding> findings = findingsByCheck.values().stream().flatMap(List::stream)
                .map(ReportedFinding::of).toList();
        return new AuditReport(
                AuditReport.SCHEMA_VERSION,
                new AuditReport.Tool("huntaze-audit", toolVersion),
                generatedAt.truncatedTo(ChronoUnit.SECONDS).toString(),
                null,
                List.copyOf(accounts),
                List.copyOf(regions),
                null,
                AuditReport.Summary.of(findings, errors, priceTable, accounts),
                List.copyOf(checks.values()),
                findings,
                null,
                List.of(),
                new AuditReport.Stats(new TreeMap<>(apiCalls), durationMs));
    }

    private static AuditReport.CollectionError collectionError(CollectionFailure failure, String region,
                                                               String account) {
        return new AuditReport.CollectionError(failure.action().substring(0, failure.action().indexOf(':')), region,
                failure.action(), failure.reason(), failure.kind().id(), account);
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
                    errors.add(collectionError(failure, region.region(), null));
                }
            });
        }
        return List.copyOf(errors);
    }
}
