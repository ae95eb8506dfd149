package com.huntaze.audit.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.huntaze.audit.engine.Finding;

/**
 * A finding as the report shows it: the check's verdict, unwrapped (its fields first, in the contract's order),
 * then what the run added to it. Each added field is absent from the JSON unless it applies, so a report of a run
 * without suppressions and baseline has exactly the first schemaVersion 1 fields.
 *
 * @param suppressed         {@code true} on an accepted risk (absent otherwise): it keeps its status but does not
 *                           fail the run
 * @param reason             the suppression's reason (suppressed findings only)
 * @param by                 who accepted the risk (suppressed findings only; absent for a {@code --suppress})
 * @param expires            the suppression's last day, YYYY-MM-DD (suppressed findings only)
 * @param suppressionExpired the last day of a suppression that matched this finding but expired (YYYY-MM-DD)
 * @param change             {@code new} or {@code unchanged} against the baseline (only with {@code --baseline})
 */
@JsonPropertyOrder({"finding", "suppressed", "reason", "by", "expires", "suppressionExpired", "change"})
public record ReportedFinding(
        @JsonUnwrapped Finding finding,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean suppressed,
        @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
        @JsonInclude(JsonInclude.Include.NON_NULL) String by,
        @JsonInclude(JsonInclude.Include.NON_NULL) String expires,
        @JsonInclude(JsonInclude.Include.NON_NULL) String suppressionExpired,
        @JsonInclude(JsonInclude.Include.NON_NULL) String change) {

    public static final String NEW = "new";
    public static final String UNCHANGED = "unchanged";

    public static ReportedFinding of(Finding finding) {
        return new ReportedFinding(finding, null, null, null, null, null, null);
    }

    public ReportedFinding suppressedBy(String newReason, String newBy, String newExpires) {
        return new ReportedFinding(finding, true, newReason, newBy, newExpires, null, change);
    }

    public ReportedFinding withSuppressionExpired(String lastDay) {
        return new ReportedFinding(finding, suppressed, reason, by, expires, lastDay, change);
    }

    public ReportedFinding withChange(String newChange) {
        return new ReportedFinding(finding, suppressed, reason, by, expires, suppressionExpired, newChange);
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
