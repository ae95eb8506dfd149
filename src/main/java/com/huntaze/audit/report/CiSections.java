package com.huntaze.audit.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
    static void addTo(Map<String, Object> view, Map<String, Object> report, List<Map<String, Object>> findings) {
        Map<String, Object> baseline = (Map<String, Object>) report.get("baseline");
        view.put("baseline", baseline == null ? "" : String.valueOf(baseline.get("generatedAt")));
        List<Map<String, Object>> newRows = new ArrayList<>();
        for (Map<String, Object> f : findings) {
            String status = (String) f.get("status");
            if (ReportedFinding.NEW.equals(f.get("change")) && !"OK".equals(status)) {
                newRows.add(MarkdownReport.row(status, (String) f.get("checkId"), MarkdownReport.resource(f),
                        (String) f.get("region"), "", note(f) + MarkdownReport.action(f)));
            }
        }
        newRows.sort(Comparator.comparingInt(r -> STATUS_ORDER.indexOf((String) r.get("status"))));
        view.put("newRows", newRows);

        List<Map<String, Object>> resolvedRows = new ArrayList<>();
        for (Map<String, Object> r : (List<Map<String, Object>>) report.getOrDefault("resolved", List.of())) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("was", badge((String) r.get("was")));
            row.put("check", MarkdownReport.cell((String) r.get("checkId")));
            row.put("resource", MarkdownReport.cell(MarkdownReport.resource(r)));
            row.put("region", MarkdownReport.cell((String) r.get("region")));
            row.put("now", "OK".equals(r.get("now")) ? "✅ OK" : "gone");
            row.put("message", MarkdownReport.cell((String) r.get("message")));
            resolvedRows.add(row);
        }
        view.put("resolvedRows", resolvedRows);

        List<Map<String, Object>> accepted = new ArrayList<>();
        for (Map<String, Object> f : findings) {
            if (Boolean.TRUE.equals(f.get("suppressed"))) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("badge", badge((String) f.get("status")));
                row.put("check", MarkdownReport.cell((String) f.get("checkId")));
                row.put("resource", MarkdownReport.cell(MarkdownReport.resource(f)));
                row.put("region", MarkdownReport.cell((String) f.get("region")));
                row.put("reason", MarkdownReport.cell((String) f.get("reason")));
                row.put("by", f.get("by") == null ? "(command line)" : MarkdownReport.cell((String) f.get("by")));
                row.put("expires", MarkdownReport.cell((String) f.get("expires")));
                accepted.add(row);
            }
        }
        view.put("acceptedRows", accepted);

        List<Map<String, Object>> suppressions =
                (List<Map<String, Object>>) report.getOrDefault("suppressions", List.of());
        view.put("hasSuppressions", !suppressions.isEmpty());
        List<String> review = new ArrayList<>();
        for (Map<String, Object> s : suppressions) {
            String what = "`" + s.get("check") + "` " + (s.get("resource") == null ? "" : "`" + s.get("resource")
                    + "`") + (s.get("region") == null ? "" : " in " + s.get("region")) + " (" + s.get("source") + ")";
            if ("expired".equals(s.get("state"))) {
                review.add(what + ": suppression expired on " + s.get("expires") + "; the " + s.get("matched")
                        + " finding(s) it matched count again. Reason given: " + MarkdownReport.oneLine(
                        (String) s.get("reason")));
            } else if ("stale".equals(s.get("state"))) {
                review.add(what + ": stale, it matched no NOK or TODO finding. Remove it, or fix its pattern.");
            }
        }
        view.put("review", review);
    }

    /** What a finding's Action cell says first when a suppression concerns it. */
    static String note(Map<String, Object> f) {
        if (Boolean.TRUE.equals(f.get("suppressed"))) {
            return "Accepted risk until " + f.get("expires") + " (see Accepted risks). ";
        }
        if (f.get("suppressionExpired") != null) {
            return "Suppression expired on " + f.get("suppressionExpired") + ". ";
        }
        return "";
    }

    private static String badge(String status) {
        return switch (String.valueOf(status)) {
            case "NOK" -> "❌ NOK";
            case "TODO" -> "⚠️ TODO";
            default -> "✅ OK";
        };
    }
}
