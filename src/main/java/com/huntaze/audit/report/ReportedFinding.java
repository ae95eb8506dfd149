package com.huntaze.audit.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.huntaze.audit.engine.Finding;
import java.util.List;

/**
 * A finding as the report shows it: the check's verdict, unwrapped (its fields first, in the contract's order),
 * then what the run added to it. {@code failsGate} is always there; each other added field is absent from the JSON
 * unless it applies.
 *
 * @param failsGate          whether this finding fails the run (exit code 1), as the run's gate decided it once,
 *                           after suppressions and baseline: every renderer reads it and decides nothing. It is
 *                           {@code false} until {@code GatePolicy.decide} sets it, which a run does last
 * @param gateReason         why a NOK or TODO finding does not fail the run (absent otherwise): the accepted risk,
 *                           {@code --fail-on}, {@code --min-severity} or {@code --fail-on-new}, in words
 * @param suppressed         {@code true} on an accepted risk (absent otherwise): it keeps its status but does not
 *                           fail the run
 * @param reason             the suppression's reason (suppressed findings only)
 * @param by                 who accepted the risk (suppressed findings only; absent for a {@code --suppress})
 * @param expires            the suppression's last day, YYYY-MM-DD (suppressed findings only)
 * @param suppressionExpired the last day of a suppression that matched this finding but expired (YYYY-MM-DD)
 * @param change             {@code new} or {@code unchanged} against the baseline (only with {@code --baseline})
 */
@JsonPropertyOrder({"finding", "failsGate", "gateReason", "suppressed", "reason", "by", "expires",
        "suppressionExpired", "change"})
public record ReportedFinding(
        @JsonUnwrapped Finding finding,
        boolean failsGate,
        @JsonInclude(JsonInclude.Include.NON_NULL) String gateReason,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean suppressed,
        @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
        @JsonInclude(JsonInclude.Include.NON_NULL) String by,
        @JsonInclude(JsonInclude.Include.NON_NULL) String expires,
        @JsonInclude(JsonInclude.Include.NON_NULL) String suppressionExpired,
        @JsonInclude(JsonInclude.Include.NON_NULL) String change) {

    public static final String NEW = "new";
    public static final String UNCHANGED = "unchanged";
    /** The JSON fields this record adds to a finding's own, in their order: a reader's older report may lack some. */
    public static final List<String> ADDED_FIELDS = List.of("failsGate", "gateReason", "suppressed", "reason", "by",
            "expires", "suppressionExpired", "change");

    public static ReportedFinding of(Finding finding) {
        return new ReportedFinding(finding, false, null, null, null, null, null, null, null);
    }

    public ReportedFinding suppressedBy(String newReason, String newBy, String newExpires) {
        return new ReportedFinding(finding, failsGate, gateReason, true, newReason, newBy, newExpires, null, change);
    }

    public ReportedFinding withSuppressionExpired(String lastDay) {
        return new ReportedFinding(finding, failsGate, gateReason, suppressed, reason, by, expires, lastDay, change);
    }

    public ReportedFinding withChange(String newChange) {
        return new ReportedFinding(finding, failsGate, gateReason, suppressed, reason, by, expires,
                suppressionExpired, newChange);
    }

    /** This finding with the gate's decision: {@code why} it does not fail (null when it fails, or is OK). */
    public ReportedFinding withGate(boolean fails, String why) {
        return new ReportedFinding(finding, fails, why, suppressed, reason, by, expires, suppressionExpired, change);
    }

    @JsonIgnore
    public boolean accepted() {
        return Boolean.TRUE.equals(suppressed);
    }

    @JsonIgnore
    public boolean isNewSinceBaseline() {
        return NEW.equals(change);
    }
}
