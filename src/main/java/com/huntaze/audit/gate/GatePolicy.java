package com.huntaze.audit.gate;

import com.huntaze.audit.engine.CheckResult;
import com.huntaze.audit.engine.Severity;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.report.AuditReport;
import com.huntaze.audit.report.ReportedFinding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When a run fails (exit code 1): a finding fails it when it is not suppressed, its status is at or above
 * {@code failOn}, its check's severity at or above {@code minSeverity}, and, with {@code onlyNew}, it is new
 * since the baseline. Every finding stays in the report whatever the policy.
 *
 * <p>The policy is applied once per run, last (after suppressions and baseline): {@link #decide} writes each
 * finding's {@code failsGate}, and with it, for a NOK or TODO that does not fail, {@code gateReason}. The exit code
 * and every renderer read these; nothing else evaluates the policy.
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

    /**
     * The gate's decision on one finding.
     *
     * @param why null when it fails, or when it is OK; otherwise why it does not fail the run
     */
    public record Verdict(boolean fails, String why) {
    }

    /**
     * What the decision rests on, from a report record or from a report's JSON tree alike.
     *
     * @param severity its check's severity; null when the report does not list its check (then it can fail)
     * @param by       who accepted the risk, null when unknown (e.g. {@code --suppress})
     */
    private record Subject(Status status, Severity severity, boolean accepted, String expires, String by,
                           String reason, boolean isNew) {
    }

    /** The report with each finding's {@code failsGate} (and {@code gateReason}) set by this policy. */
    public AuditReport decide(AuditReport report) {
        Map<String, Severity> severities = new HashMap<>();
        for (CheckResult check : report.checks()) {
            severities.put(check.id(), check.severity());
        }
        List<ReportedFinding> decided = new ArrayList<>(report.findings().size());
        for (ReportedFinding f : report.findings()) {
            Verdict verdict = verdict(new Subject(f.finding().status(), severities.get(f.finding().checkId()),
                    f.accepted(), f.expires(), f.by(), f.reason(), f.isNewSinceBaseline()));
            decided.add(f.withGate(verdict.fails(), verdict.why()));
        }
        return report.withGate(decided);
    }

    /** Whether every finding of a report's JSON tree carries {@code failsGate}: a report written by this version. */
    @SuppressWarnings("unchecked")
    public static boolean isDecided(Map<String, Object> tree) {
        return ((List<Map<String, Object>>) tree.get("findings")).stream()
                .allMatch(f -> f.get("failsGate") instanceof Boolean);
    }

    /** Whether a decided report's JSON tree fails the run (exit code 1): some finding has {@code failsGate}. */
    @SuppressWarnings("unchecked")
    public static boolean failsGate(Map<String, Object> tree) {
        return ((List<Map<String, Object>>) tree.get("findings")).stream()
                .anyMatch(f -> Boolean.TRUE.equals(f.get("failsGate")));
    }

    /**
     * A report's JSON tree (one {@link com.huntaze.audit.report.ReportReader} accepted) with each finding's
     * {@code failsGate} and {@code gateReason} set by this policy, in the place a fresh report has them: right
     * after the finding's own fields. For {@code render} of a report written before {@code failsGate} existed.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> decide(Map<String, Object> tree) {
        Map<String, Severity> severities = new HashMap<>();
        for (Map<String, Object> check : (List<Map<String, Object>>) tree.get("checks")) {
            severities.put(String.valueOf(check.get("id")), severity(check.get("severity")));
        }
        List<Map<String, Object>> decided = new ArrayList<>();
        for (Map<String, Object> f : (List<Map<String, Object>>) tree.get("findings")) {
            Verdict verdict = verdict(new Subject(Status.valueOf((String) f.get("status")),
                    severities.get((String) f.get("checkId")), Boolean.TRUE.equals(f.get("suppressed")),
                    text(f.get("expires")), text(f.get("by")), text(f.get("reason")),
                    ReportedFinding.NEW.equals(f.get("change"))));
            decided.add(withVerdict(f, verdict));
        }
        Map<String, Object> result = new LinkedHashMap<>(tree);
        result.put("findings", decided);
        return result;
    }

    /** The one place the policy is evaluated. */
    private Verdict verdict(Subject f) {
        if (f.status() == Status.OK) {
            return new Verdict(false, null);
        }
        if (f.accepted()) {
            return new Verdict(false, "Accepted risk until " + f.expires()
                    + (f.by() != null ? " (accepted by " + f.by() + ")" : "") + ": " + f.reason());
        }
        if (failOn == FailOn.never) {
            return new Verdict(false, "Does not fail the run: --fail-on never");
        }
        List<String> because = new ArrayList<>();
        if (f.status() == Status.TODO && failOn == FailOn.nok) {
            because.add("a TODO, and --fail-on nok fails only on NOK");
        }
        if (f.severity() != null && f.severity().compareTo(minSeverity) < 0) {
            because.add("its check's severity " + f.severity().id() + " is below --min-severity " + minSeverity.id());
        }
        if (onlyNew && !f.isNew()) {
            because.add("not new since the baseline (--fail-on-new)");
        }
        return because.isEmpty() ? new Verdict(true, null)
                : new Verdict(false, "Does not fail the run: " + String.join("; ", because));
    }

    /** The finding with the verdict's fields inserted after its own fields, any stale ones replaced. */
    private static Map<String, Object> withVerdict(Map<String, Object> f, Verdict verdict) {
        Map<String, Object> out = new LinkedHashMap<>();
        boolean placed = false;
        for (Map.Entry<String, Object> e : f.entrySet()) {
            if (e.getKey().equals("failsGate") || e.getKey().equals("gateReason")) {
                continue;
            }
            if (!placed && ReportedFinding.ADDED_FIELDS.contains(e.getKey())) {
                put(out, verdict);
                placed = true;
            }
            out.put(e.getKey(), e.getValue());
        }
        if (!placed) {
            put(out, verdict);
        }
        return out;
    }

    private static void put(Map<String, Object> finding, Verdict verdict) {
        finding.put("failsGate", verdict.fails());
        if (verdict.why() != null) {
            finding.put("gateReason", verdict.why());
        }
    }

    private static Severity severity(Object id) {
        try {
            return id instanceof String s ? Severity.fromId(s) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
