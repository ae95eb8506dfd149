package com.huntaze.audit.gate;

import com.huntaze.audit.engine.CheckResult;
import com.huntaze.audit.engine.Severity;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.report.AuditReport;
import com.huntaze.audit.report.ReportedFinding;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When a run fails (exit code 1): a finding fails it when it is not suppressed, its status is at or above
 * {@code failOn}, its check's severity at or above {@code minSeverity}, and, with {@code onlyNew}, it is new
 * since the baseline. Every finding stays in the report whatever the policy.
 */
public record GatePolicy(FailOn failOn, Severity minSeverity, boolean onlyNew) {

    /** The least status that fails the run: {@code todo} means NOK or TODO; {@code never} never fails. */
    public enum FailOn {
        nok,
        todo,
        never
    }

    /** Today's default: any NOK fails the run. */
    public static GatePolicy defaults() {
        return new GatePolicy(FailOn.nok, Severity.LOW, false);
    }

    /** The findings that fail the run, in report order; empty when it passes. */
    public List<ReportedFinding> failing(AuditReport report) {
        Map<String, Severity> severities = new HashMap<>();
        for (CheckResult check : report.checks()) {
            severities.put(check.id(), check.severity());
        }
        return report.findings().stream().filter(f -> fails(f, severities.get(f.finding().checkId()))).toList();
    }

    public boolean fails(AuditReport report) {
        return !failing(report).isEmpty();
    }

    private boolean fails(ReportedFinding reported, Severity severity) {
        Status status = reported.finding().status();
        boolean statusFails = switch (failOn) {
            case nok -> status == Status.NOK;
            case todo -> status == Status.NOK || status == Status.TODO;
            case never -> false;
        };
        return statusFails
                && !reported.accepted()
                && (severity == null || severity.compareTo(minSeverity) >= 0)
                && (!onlyNew || reported.isNewSinceBaseline());
    }
}
