package com.huntaze.audit.gate;

import com.huntaze.audit.report.AuditReport;
import com.huntaze.audit.report.AuditReport.SuppressionEntry;
import com.huntaze.audit.report.ReportedFinding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the suppressions of a run to its report. A NOK or TODO finding matched by a suppression that has not
 * expired becomes an accepted risk (the first such suppression, in file order, then the command line's, gives
 * the reason); one matched only by expired ones says so. Every suppression is listed with its fate, so that a
 * suppression that matches nothing any more (stale) is seen and removed.
 */
public final class Suppressions {
    private Suppressions() {
    }

    public static final String APPLIED = "applied";
    public static final String EXPIRED = "expired";
    public static final String STALE = "stale";
    /** Its checks did not run, or its region was not audited: it could not match, which says nothing. */
    public static final String NOT_RUN = "not-run";

    /** @param stale the suppressions that matched nothing although their checks ran where they apply */
    public record Outcome(AuditReport report, List<SuppressionEntry> stale) {
    }

    /** @param today the audit's date (UTC): a suppression applies through its expiry day */
    public static Outcome apply(List<Suppression> suppressions, AuditReport report, LocalDate today) {
        if (suppressions.isEmpty()) {
            return new Outcome(report, List.of());
        }
        int[] matched = new int[suppressions.size()];
        List<ReportedFinding> findings = new ArrayList<>();
        for (ReportedFinding reported : report.findings()) {
            Suppression applied = null;
            Suppression expired = null;
            for (int i = 0; i < suppressions.size(); i++) {
                Suppression s = suppressions.get(i);
                if (!s.matches(reported.finding())) {
                    continue;
                }
                matched[i]++;
                if (s.isExpiredOn(today)) {
                    expired = expired == null ? s : expired;
                } else {
                    applied = applied == null ? s : applied;
                }
            }
            if (applied != null) {
                reported = reported.suppressedBy(applied.reason(), applied.by(), applied.expires().toString());
            } else if (expired != null) {
                reported = reported.withSuppressionExpired(expired.expires().toString());
            }
            findings.add(reported);
        }

        List<SuppressionEntry> entries = new ArrayList<>();
        List<SuppressionEntry> stale = new ArrayList<>();
        for (int i = 0; i < suppressions.size(); i++) {
            Suppression s = suppressions.get(i);
            String state = s.isExpiredOn(today) ? EXPIRED : matched[i] > 0 ? APPLIED : ran(s, report) ? STALE : NOT_RUN;
            SuppressionEntry entry = new SuppressionEntry(s.check(), s.resource().text(), s.region(), s.reason(),
                    s.by(), s.expires().toString(), s.source(), state, matched[i],
                    s.account() == null ? null : s.account().text());
            entries.add(entry);
            if (state.equals(STALE)) {
                stale.add(entry);
            }
        }
        return new Outcome(report.withSuppressions(findings, entries), stale);
    }

    /** Whether one of its checks ran in its region, so that matching nothing means the risk is gone. */
    private static boolean ran(Suppression s, AuditReport report) {
        boolean checkRan = report.checks().stream().anyMatch(c -> s.coversCheck(c.id()));
        boolean regionAudited = s.region() == null || s.region().equals("global")
                || report.regions().contains(s.region());
        return checkRan && regionAudited;
    }

    /** The one warning line a run prints about its stale suppressions (without the "huntaze-audit: " prefix). */
    public static String staleWarning(List<SuppressionEntry> stale) {
        List<String> names = stale.stream().map(s -> s.check() + ":" + s.resource()
                + (s.region() == null ? "" : "@" + s.region()) + " (" + s.source() + ")").toList();
        return "warning: " + stale.size() + (stale.size() == 1 ? " suppression matches" : " suppressions match")
                + " no NOK or TODO finding (stale; remove or fix " + (stale.size() == 1 ? "it" : "them") + "): "
                + String.join(", ", names);
    }
}
