package com.huntaze.audit.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one-line verdict a report opens with: "Not ready: 12 NOK in 7 checks" or "Ready: no NOK". It counts NOK
 * findings, accepted risks included (they keep their status; the gate, not the verdict, spares them), and the
 * distinct checks they belong to; read from the report's JSON tree, so every format says the same words.
 */
public final class Verdict {
    private Verdict() {
    }

    /** Whether the report has no NOK finding. */
    public static boolean ready(Map<String, Object> report) {
        return nokChecks(report).isEmpty();
    }

    public static String of(Map<String, Object> report) {
        Set<String> checks = nokChecks(report);
        if (checks.isEmpty()) {
            return "Ready: no NOK";
        }
        long nok = findings(report).stream().filter(f -> "NOK".equals(f.get("status"))).count();
        return "Not ready: " + nok + " NOK in " + checks.size() + (checks.size() == 1 ? " check" : " checks");
    }

    private static Set<String> nokChecks(Map<String, Object> report) {
        Set<String> checks = new LinkedHashSet<>();
        for (Map<String, Object> f : findings(report)) {
            if ("NOK".equals(f.get("status"))) {
                checks.add(String.valueOf(f.get("checkId")));
            }
        }
        return checks;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> findings(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.getOrDefault("findings", List.of());
    }
}
