package com.huntaze.audit.report;

import static com.huntaze.audit.report.MarkdownText.badge;
import static com.huntaze.audit.report.MarkdownText.cell;
import static com.huntaze.audit.report.MarkdownText.header;
import static com.huntaze.audit.report.MarkdownText.row;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The Markdown sections of the CI gate and sign-off: "New since baseline" and "Resolved since baseline" (with
 * {@code --baseline}), "Accepted risks" and "Suppressions to review" (with suppressions). Like the rest of the
 * Markdown they read the report's JSON tree only.
 */
final class CiSections {
    private CiSections() {
    }

    private static final List<String> STATUS_ORDER = List.of("NOK", "TODO", "OK");

    @SuppressWarnings("unchecked")
    static void baselineChanges(MarkdownDocument doc, MarkdownOut out) {
        Map<String, Object> baseline = (Map<String, Object>) doc.report().get("baseline");
        if (baseline == null) {
            return;
        }
        out.append("## New since baseline\n\nCompared with the report generated ").append(baseline.get("generatedAt"))
                .append(".\n\n");
        List<Map<String, Object>> added = new ArrayList<>(doc.findings().stream()
                .filter(f -> ReportedFinding.NEW.equals(f.get("change")) && !"OK".equals(f.get("status"))).toList());
        added.sort(Comparator.comparingInt(f -> STATUS_ORDER.indexOf(String.valueOf(f.get("status")))));
        if (added.isEmpty()) {
            out.append("No new NOK or TODO finding.\n\n");
        } else {
            header(out, "Status", "Check", "Resource", "Region", "What is wrong");
            for (Map<String, Object> f : added) {
                row(out, badge(f.get("status")), "`" + cell(f.get("checkId")) + "`", cell(MarkdownText.resource(f)),
                        cell(f.get("region")), cell(CheckSections.note(f) + f.get("message")));
            }
            out.append('\n');
        }
        out.append("## Resolved since baseline\n\n");
        List<Map<String, Object>> resolved = (List<Map<String, Object>>) doc.report().getOrDefault("resolved",
                List.of());
        if (resolved.isEmpty()) {
            out.append("Nothing resolved.\n\n");
            return;
        }
        header(out, "Was", "Check", "Resource", "Region", "Now", "What was wrong");
        for (Map<String, Object> r : resolved) {
            row(out, badge(r.get("was")), "`" + cell(r.get("checkId")) + "`", cell(MarkdownText.resource(r)),
                    cell(r.get("region")), "OK".equals(r.get("now")) ? "✅ OK" : "gone", cell(r.get("message")));
        }
        out.append('\n');
    }

    @SuppressWarnings("unchecked")
    static void acceptedRisks(MarkdownDocument doc, MarkdownOut out) {
        List<Map<String, Object>> accepted = doc.findings().stream()
                .filter(f -> Boolean.TRUE.equals(f.get("suppressed"))).toList();
        List<Map<String, Object>> suppressions = (List<Map<String, Object>>) doc.report().getOrDefault(
                "suppressions", List.of());
        if (accepted.isEmpty() && suppressions.isEmpty()) {
            return;
        }
        out.append("## Accepted risks\n\n");
        if (accepted.isEmpty()) {
            out.append("None: no suppression applies to a finding of this run.\n\n");
            return;
        }
        out.append("These findings keep their status but do not fail the run: each was accepted, with a reason,"
                + " until a date.\n\n");
        header(out, "Status", "Check", "Resource", "Region", "Reason", "Accepted by", "Until");
        for (Map<String, Object> f : accepted) {
            row(out, badge(f.get("status")), "`" + cell(f.get("checkId")) + "`", cell(MarkdownText.resource(f)),
                    cell(f.get("region")), cell(f.get("reason")), f.get("by") == null ? "(command line)"
                            : cell(f.get("by")), cell(f.get("expires")));
        }
        out.append('\n');
    }

    @SuppressWarnings("unchecked")
    static void suppressionsToReview(MarkdownDocument doc, MarkdownOut out) {
        List<String> review = new ArrayList<>();
        for (Map<String, Object> s : (List<Map<String, Object>>) doc.report().getOrDefault("suppressions",
                List.of())) {
            String what = "`" + s.get("check") + "` " + (s.get("resource") == null ? "" : "`" + s.get("resource")
                    + "`") + (s.get("region") == null ? "" : " in " + s.get("region")) + " (" + s.get("source") + ")";
            if ("expired".equals(s.get("state"))) {
                review.add(what + ": suppression expired on " + s.get("expires") + "; the " + s.get("matched")
                        + " finding(s) it matched count again. Reason given: " + MarkdownText.oneLine(
                        (String) s.get("reason")));
            } else if ("stale".equals(s.get("state"))) {
                review.add(what + ": stale, it matched no NOK or TODO finding. Remove it, or fix its pattern.");
            }
        }
        if (review.isEmpty()) {
            return;
        }
        out.append("## Suppressions to review\n\n");
        review.forEach(item -> out.append("- ").append(item).append('\n'));
        out.append('\n');
    }
}
