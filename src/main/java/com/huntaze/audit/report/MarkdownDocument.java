package com.huntaze.audit.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the Markdown sections read: the report's JSON tree (and only it, so that {@code render} of a saved report
 * prints the same text), indexed once, and what the byte budget cut from this rendering.
 */
final class MarkdownDocument {
    private final Map<String, Object> report;
    private final List<Map<String, Object>> checks;
    private final List<Map<String, Object>> findings;
    private final Map<String, Map<String, Object>> checksById;
    private final Map<String, List<Map<String, Object>>> findingsByCheck;
    private final Cuts cuts;

    /**
     * What {@code --max-md-bytes} took out: the OK findings' details, the Evidence columns, and the findings of
     * some checks beyond their first rows.
     *
     * @param rowLimits for a check id, how many of its NOK and TODO findings its section still shows
     * @param limit      the budget in bytes (0: none)
     * @param fullReport where the full report is, in words, for the line that says what was cut
     */
    record Cuts(boolean okDetails, boolean evidence, Map<String, Integer> rowLimits, long limit, String fullReport) {
        static Cuts none(long limit, String fullReport) {
            return new Cuts(false, false, Map.of(), limit, fullReport);
        }

        boolean any() {
            return okDetails || evidence || !rowLimits.isEmpty();
        }

        Cuts withoutOkDetails() {
            return new Cuts(true, evidence, rowLimits, limit, fullReport);
        }

        Cuts withoutEvidence() {
            return new Cuts(okDetails, true, rowLimits, limit, fullReport);
        }

        Cuts withRowLimit(String checkId, int rows) {
            Map<String, Integer> limits = new LinkedHashMap<>(rowLimits);
            limits.put(checkId, rows);
            return new Cuts(okDetails, evidence, limits, limit, fullReport);
        }
    }

    @SuppressWarnings("unchecked")
    MarkdownDocument(Map<String, Object> report, Cuts cuts) {
        this.report = report;
        this.cuts = cuts;
        this.checks = (List<Map<String, Object>>) report.get("checks");
        this.findings = (List<Map<String, Object>>) report.get("findings");
        this.checksById = checks.stream()
                .collect(Collectors.toMap(c -> (String) c.get("id"), c -> c, (a, b) -> a, LinkedHashMap::new));
        this.findingsByCheck = findings.stream()
                .collect(Collectors.groupingBy(f -> (String) f.get("checkId"), LinkedHashMap::new,
                        Collectors.toList()));
    }

    MarkdownDocument with(Cuts newCuts) {
        return new MarkdownDocument(report, newCuts);
    }

    Map<String, Object> report() {
        return report;
    }

    Cuts cuts() {
        return cuts;
    }

    List<Map<String, Object>> checks() {
        return checks;
    }

    List<Map<String, Object>> findings() {
        return findings;
    }

    Map<String, Object> check(String id) {
        return checksById.get(id);
    }

    List<Map<String, Object>> findingsOf(String checkId) {
        return findingsByCheck.getOrDefault(checkId, List.of());
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> summary() {
        return (Map<String, Object>) report.get("summary");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> tool() {
        return (Map<String, Object>) report.get("tool");
    }

    /** The report's account; null in a report of several accounts, whose findings each name their own. */
    String account() {
        return report.get("account") instanceof String account ? account : null;
    }

    /**
     * The account(s) in words: the report's {@code account}, else its {@code accounts} (ids, or objects with an
     * {@code id} or {@code account}), else the accounts its findings name.
     */
    String accounts() {
        if (account() != null) {
            return "account " + account();
        }
        List<String> ids = new ArrayList<>();
        if (report.get("accounts") instanceof List<?> listed) {
            for (Object a : listed) {
                Object id = a instanceof Map<?, ?> m ? (m.get("id") != null ? m.get("id") : m.get("account")) : a;
                if (id != null && !ids.contains(String.valueOf(id))) {
                    ids.add(String.valueOf(id));
                }
            }
        }
        if (ids.isEmpty()) {
            findings.stream().map(f -> f.get("account")).filter(a -> a instanceof String)
                    .map(String::valueOf).distinct().sorted().forEach(ids::add);
        }
        if (ids.isEmpty() && report.get("repositories") instanceof List<?> repositories && !repositories.isEmpty()) {
            return "repositories only (no AWS account read)";
        }
        if (ids.isEmpty()) {
            return "account (unknown)";
        }
        if (ids.size() == 1) {
            return "account " + ids.get(0);
        }
        return "accounts " + (ids.size() <= 5 ? String.join(", ", ids)
                : String.join(", ", ids.subList(0, 5)) + " and " + (ids.size() - 5) + " more");
    }
}
