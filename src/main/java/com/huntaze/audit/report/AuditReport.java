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
 * @param suppressions optional: every suppression of the run (config file and {@code --suppress}) and what became
 *                    of it: applied, expired, stale (matched nothing) or not-run (its checks or region were not
 *                    part of this run)
 * @param account     null for a run without AWS ({@code check --repo DIR --no-aws})
 * @param repositories optional ({@code --repo}): each repository read, with the infrastructure code found in it
 * @param shard       optional ({@code check --shard}): the part of the account list this run audited
 */
@JsonPropertyOrder({"schemaVersion", "tool", "generatedAt", "account", "regions", "repositories", "shard", "baseline",
        "summary", "checks", "findings", "resolved", "suppressions", "stats"})
public record AuditReport(
        int schemaVersion,
        Tool tool,
        String generatedAt,
        String account,
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

    /** A report of no shard and no repository. */
    public AuditReport(int schemaVersion, Tool tool, String generatedAt, String account, List<String> regions,
                       BaselineInfo baseline, Summary summary, List<CheckResult> checks,
                       List<ReportedFinding> findings, List<ResolvedFinding> resolved,
                       List<SuppressionEntry> suppressions, Stats stats) {
        this(schemaVersion, tool, generatedAt, account, regions, baseline, summary, checks, findings, resolved,
                suppressions, stats, null, null);
    }

    /** This report, of these repositories too. */
    public AuditReport withRepositories(List<RepositorySummary> read) {
        return new AuditReport(schemaVersion, tool, generatedAt, account, regions, baseline, summary, checks,
                findings, resolved, suppressions, stats, shard, List.copyOf(read));
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
     */
    @JsonPropertyOrder({"ok", "nok", "todo", "estimatedMonthlySavingsUsd", "collectionErrors", "priceTable",
            "suppressed"})
    public record Summary(int ok, int nok, int todo, double estimatedMonthlySavingsUsd,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) List<CollectionError> collectionErrors,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String priceTable,
                          @JsonInclude(JsonInclude.Include.NON_DEFAULT) int suppressed) {

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
     */
    @JsonPropertyOrder({"service", "region", "operation", "error", "kind"})
    public record CollectionError(String service, String region, String operation, String error, String kind) {
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
     */
    @JsonPropertyOrder({"checkId", "region", "resourceType", "resourceId", "resourceArn", "was", "now", "message"})
    public record ResolvedFinding(String checkId, String region, String resourceType, String resourceId,
                                  String resourceArn, String was, String now, String message) {
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
     */
    @JsonPropertyOrder({"check", "resource", "region", "reason", "by", "expires", "source", "state", "matched"})
    public record SuppressionEntry(String check, String resource, String region, String reason, String by,
                                   String expires, String source, String state, int matched) {
    }

    /** This report with its findings marked by the suppressions, which are listed with their fate. */
    public AuditReport withSuppressions(List<ReportedFinding> newFindings, List<SuppressionEntry> entries) {
        Summary newSummary = Summary.of(newFindings, summary.collectionErrors(), summary.priceTable());
        return new AuditReport(schemaVersion, tool, generatedAt, account, regions, baseline, newSummary, checks,
                List.copyOf(newFindings), resolved, List.copyOf(entries), stats, shard, repositories);
    }

    /** This report compared with a baseline: findings marked new or unchanged, and what was resolved. */
    public AuditReport withBaseline(BaselineInfo info, List<ReportedFinding> newFindings,
                                    List<ResolvedFinding> resolvedFindings) {
        return new AuditReport(schemaVersion, tool, generatedAt, account, regions, info, summary, checks,
                List.copyOf(newFindings), List.copyOf(resolvedFindings), suppressions, stats, shard, repositories);
    }

    /** This report with the gate's decision on each finding (the same findings, in the same order). */
    public AuditReport withGate(List<ReportedFinding> decided) {
        return new AuditReport(schemaVersion, tool, generatedAt, account, regions, baseline, summary, checks,
                List.copyOf(decided), resolved, suppressions, stats, shard, repositories);
    }

    /** This report as the audit of one shard of an account list (null: of no shard). */
    public AuditReport withShard(Shard newShard) {
        return new AuditReport(schemaVersion, tool, generatedAt, account, regions, baseline, summary, checks,
                findings, resolved, suppressions, stats, newShard, repositories);
    }

    /** Whether the run fails (exit code 1): some finding has {@code failsGate}, as the gate decided it. */
    @JsonIgnore
    public boolean failsGate() {
        return findings.stream().anyMatch(ReportedFinding::failsGate);
    }
}
