package com.huntaze.audit.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.huntaze.audit.engine.CheckResult;
import com.huntaze.audit.engine.Finding;
import java.util.List;
import java.util.Map;

/**
 * The JSON report, schemaVersion 1: field names and order are a contract other tools parse. The fields marked
 * optional below are absent unless the run used the feature that fills them (a baseline, suppressions), so a
 * reader of the first schemaVersion 1 reports reads these unchanged.
 *
 * @param baseline    optional: the report this run was compared with ({@code --baseline})
 * @param resolved    optional ({@code --baseline}): the baseline's NOK and TODO findings that are now OK or gone
 * @param account     the audited account; null on a report of several accounts, and for a run without AWS
 *                    ({@code check --repo DIR --no-aws})
 * @param accounts    optional: the accounts of a report of several accounts ({@code check --accounts} or
 *                    {@code --organization}), each audited or failed; absent on a single-account report
 * @param suppressions optional: every suppression of the run (config file and {@code --suppress}) and what became
 *                    of it: applied, expired, stale (matched nothing) or not-run (its checks or region were not
 *                    part of this run)
 * @param repositories optional ({@code --repo}): each repository read, with the infrastructure code found in it
 * @param shard       optional ({@code check --shard}): the part of the account list this run audited
 */
@JsonPropertyOrder({"schemaVersion", "tool", "generatedAt", "account", "accounts", "regions", "repositories", "shard",
        "baseline", "summary", "checks", "findings", "resolved", "suppressions", "stats"})
public record AuditReport(
        int schemaVersion,
        Tool tool,
        String generatedAt,
        String account,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<AccountEntry> accounts,
        List<String> regions,
        @JsonInclude(JsonInclude.Include.NON_NULL) BaselineInfo baseline,
        Summary summary,
        List<CheckResult> checks,
        List<ReportedFinding> findings,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ResolvedFinding> resolved,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<SuppressionEntry> suppressions,
        Stats stats,
        @JsonInclude(JsonInclude.Include.NON_NULL) Shard shard,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<RepositorySummary> repositories) {

    public static final int SCHEMA_VERSION = 1;

    /** A single-account report (no {@code accounts}) of no shard and no repository. */
    public AuditReport(int schemaVersion, Tool tool, String generatedAt, String account, List<String> regions,
                       BaselineInfo baseline, Summary summary, List<CheckResult> checks,
                       List<ReportedFinding> findings, List<ResolvedFinding> resolved,
                       List<SuppressionEntry> suppressions, Stats stats) {
        this(schemaVersion, tool, generatedAt, account, null, regions, baseline, summary, checks, findings, resolved,
                suppressions, stats);
    }

    /** A report of no shard and no repository; {@code accounts} null for a single-account report. */
    public AuditReport(int schemaVersion, Tool tool, String generatedAt, String account, List<AccountEntry> accounts,
                       List<String> regions, BaselineInfo baseline, Summary summary, List<CheckResult> checks,
                       List<ReportedFinding> findings, List<ResolvedFinding> resolved,
                       List<SuppressionEntry> suppressions, Stats stats) {
        this(schemaVersion, tool, generatedAt, account, accounts, regions, baseline, summary, checks, findings,
                resolved, suppressions, stats, null, null);
    }

    /** This report, of these repositories too. */
    public AuditReport withRepositories(List<RepositorySummary> read) {
        return new AuditReport(schemaVersion, tool, generatedAt, account, accounts, regions, baseline, summary,
                checks, findings, resolved, suppressions, stats, shard, List.copyOf(read));
    }

    /**
     * One account of a report of several accounts.
     *
     * @param name   the account's name in AWS Organizations; null (absent) when not known
     * @param status {@link #AUDITED} or {@link #FAILED}
     * @param reason why it could not be audited ({@code failed} only)
     */
    @JsonPropertyOrder({"id", "name", "status", "reason"})
    public record AccountEntry(String id, @JsonInclude(JsonInclude.Include.NON_NULL) String name, String status,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {
        public static final String AUDITED = "audited";
        public static final String FAILED = "failed";
    }

    /** The counts of one account of a report of several accounts ({@code summary.accounts}). */
    @JsonPropertyOrder({"account", "name", "ok", "nok", "todo", "estimatedMonthlySavingsUsd"})
    public record AccountCounts(String account, @JsonInclude(JsonInclude.Include.NON_NULL) String name, int ok,
                                int nok, int todo, double estimatedMonthlySavingsUsd) {
    }

    @JsonPropertyOrder({"name", "version"})
    public record Tool(String name, String version) {
    }

    /**
     * @param collectionErrors the AWS calls that failed while collecting (absent from the JSON when none did):
     *                         the checks that needed them are TODO
     * @param priceTable       where the savings' prices come from ("embedded price table of 2026-11-22"), for the
     *                         Markdown footer
     * @param suppressed       how many NOK and TODO findings are accepted risks (absent when none): they keep their
     *                         status, and are counted in {@code nok}/{@code todo} too
     * @param accounts         the counts of each account, in the order of the report's {@code accounts} (reports of
     *                         several accounts only; absent otherwise)
     */
    @JsonPropertyOrder({"ok", "nok", "todo", "estimatedMonthlySavingsUsd", "collectionErrors", "priceTable",
            "suppressed", "accounts"})
    public record Summary(int ok, int nok, int todo, double estimatedMonthlySavingsUsd,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) List<CollectionError> collectionErrors,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String priceTable,
                          @JsonInclude(JsonInclude.Include.NON_DEFAULT) int suppressed,
                          @JsonInclude(JsonInclude.Include.NON_NULL) List<AccountCounts> accounts) {

        public Summary(int ok, int nok, int todo, double estimatedMonthlySavingsUsd,
                       List<CollectionError> collectionErrors, String priceTable, int suppressed) {
            this(ok, nok, todo, estimatedMonthlySavingsUsd, collectionErrors, priceTable, suppressed, null);
        }

        /**
         * The counts of {@code findings}; with {@code accounts} (a report of several accounts, else null) the counts
         * of each account too.
         */
        public static Summary of(List<ReportedFinding> findings, List<CollectionError> collectionErrors,
                                 String priceTable, List<AccountEntry> accounts) {
            Summary all = of(findings, collectionErrors, priceTable);
            if (accounts == null) {
                return all;
            }
            List<AccountCounts> counts = new java.util.ArrayList<>();
            for (AccountEntry entry : accounts) {
                Summary one = of(findings.stream().filter(f -> entry.id().equals(f.finding().account())).toList(),
                        List.of(), null);
                counts.add(new AccountCounts(entry.id(), entry.name(), one.ok(), one.nok(), one.todo(),
                        one.estimatedMonthlySavingsUsd()));
            }
            return new Summary(all.ok(), all.nok(), all.todo(), all.estimatedMonthlySavingsUsd(),
                    all.collectionErrors(), all.priceTable(), all.suppressed(), List.copyOf(counts));
        }

        public static Summary of(List<ReportedFinding> findings, List<CollectionError> collectionErrors,
                                 String priceTable) {
            int ok = 0;
            int nok = 0;
            int todo = 0;
            int suppressed = 0;
            double savings = 0;
            for (ReportedFinding reported : findings) {
                Finding f = reported.finding();
                switch (f.status()) {
                    case OK -> ok++;
                    case NOK -> nok++;
                    case TODO -> todo++;
                }
                suppressed += reported.accepted() ? 1 : 0;
                savings += f.estimatedMonthlySavingsUsd();
            }
            return new Summary(ok, nok, todo, cents(savings), List.copyOf(collectionErrors), priceTable, suppressed);
        }

        /** A total of savings as the summary shows it: rounded to cents. */
        public static double cents(double usd) {
            return Math.round(usd * 100) / 100.0;
        }
    }

    /**
     * One failed collection call: {@code operation} is the IAM action, {@code error} the reason in words.
     *
     * @param kind what kind of failure, as {@link com.huntaze.audit.inventory.CollectionFailure.Kind#id()} writes
     *             it ({@code access-denied}, {@code throttled}, ...): what a reader filters on, not {@code error}.
     *             Additive: reports written before it have none.
     * @param account the account whose call failed (reports of several accounts only; absent otherwise)
     */
    @JsonPropertyOrder({"service", "region", "operation", "error", "kind", "account"})
    public record CollectionError(String service, String region, String operation, String error, String kind,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) String account) {
        public CollectionError(String service, String region, String operation, String error, String kind) {
            this(service, region, operation, error, kind, null);
        }
    }

    /** @param apiCalls calls per {@code service:Operation}, sorted by name */
    @JsonPropertyOrder({"apiCalls", "durationMs"})
    public record Stats(Map<String, Long> apiCalls, long durationMs) {
    }

    /** The baseline report a run was compared with: its generation time identifies it. */
    @JsonPropertyOrder({"generatedAt"})
    public record BaselineInfo(String generatedAt) {
    }

    /**
     * A NOK or TODO finding of the baseline that is no more: its resource is now OK ({@code now: "OK"}) or was not
     * found by a check that ran in its region ({@code now: "absent"}).
     *
     * @param was     its status in the baseline
     * @param message its message in the baseline: what was wrong
     * @param account its account (reports of several accounts only)
     */
    @JsonPropertyOrder({"checkId", "region", "resourceType", "resourceId", "resourceArn", "was", "now", "message",
            "account"})
    public record ResolvedFinding(String checkId, String region, String resourceType, String resourceId,
                                  String resourceArn, String was, String now, String message,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) String account) {
    }

    /**
     * A suppression of the run and its fate.
     *
     * @param resource as written: an exact id, a glob, or {@code re:REGEX}
     * @param region   null for every region
     * @param by       null when given on the command line
     * @param expires  the last day it applies (YYYY-MM-DD)
     * @param source   where it was declared: {@code huntaze-audit.yml:14} or {@code --suppress}
     * @param state    {@code applied}, {@code expired}, {@code stale} or {@code not-run}
     * @param matched  the NOK and TODO findings it matched (for an expired one: would have matched)
     * @param account  the account id or glob it is limited to, as written; absent for every account
     */
    @JsonPropertyOrder({"check", "resource", "region", "reason", "by", "expires", "source", "state", "matched",
            "account"})
    public record SuppressionEntry(String check, String resource, String region, String reason, String by,
                                   String expires, String source, String state, int matched,
                                   @JsonInclude(JsonInclude.Include.NON_NULL) String account) {
    }

    /** This report with its findings marked by the suppressions, which are listed with their fate. */
    public AuditReport withSuppressions(List<ReportedFinding> newFindings, List<SuppressionEntry> entries) {
        Summary newSummary = Summary.of(newFindings, summary.collectionErrors(), summary.priceTable(), accounts);
        return new AuditReport(schemaVersion, tool, generatedAt, account, accounts, regions, baseline, newSummary,
                checks, List.copyOf(newFindings), resolved, List.copyOf(entries), stats, shard, repositories);
    }

    /** This report compared with a baseline: findings marked new or unchanged, and what was resolved. */
    public AuditReport withBaseline(BaselineInfo info, List<ReportedFinding> newFindings,
                                    List<ResolvedFinding> resolvedFindings) {
        return new AuditReport(schemaVersion, tool, generatedAt, account, accounts, regions, info, summary, checks,
                List.copyOf(newFindings), List.copyOf(resolvedFindings), suppressions, stats, shard, repositories);
    }

    /** This report with the gate's decision on each finding (the same findings, in the same order). */
    public AuditReport withGate(List<ReportedFinding> decided) {
        return new AuditReport(schemaVersion, tool, generatedAt, account, accounts, regions, baseline, summary,
                checks, List.copyOf(decided), resolved, suppressions, stats, shard, repositories);
    }

    /** This report as the audit of one shard of an account list (null: of no shard). */
    public AuditReport withShard(Shard newShard) {
        return new AuditReport(schemaVersion, tool, generatedAt, account, accounts, regions, baseline, summary,
                checks, findings, resolved, suppressions, stats, newShard, repositories);
    }

    /** Whether the run fails (exit code 1): some finding has {@code failsGate}, as the gate decided it. */
    @JsonIgnore
    public boolean failsGate() {
        return findings.stream().anyMatch(ReportedFinding::failsGate);
    }
}
