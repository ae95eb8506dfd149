package com.huntaze.audit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Reading the findings of a JSON report in integration tests. */
public final class ReportFindings {
    private ReportFindings() {
    }

    /** "checkId region resourceId" → status, for the findings of the checks {@code checkIds} accepts. */
    public static Map<String, String> statuses(JsonNode report, Predicate<String> checkIds) {
        Map<String, String> statuses = new TreeMap<>();
        report.get("findings").forEach(f -> {
            String checkId = f.get("checkId").asText();
            if (checkIds.test(checkId)) {
                statuses.put(checkId + " " + f.get("region").asText() + " " + f.get("resourceId").asText(),
                        f.get("status").asText());
            }
        });
        return statuses;
    }

    /** The one finding of {@code checkId} about {@code resourceId} ("" for an account-level one) in {@code region}. */
    public static JsonNode finding(JsonNode report, String checkId, String region, String resourceId) {
        for (JsonNode f : report.get("findings")) {
            if (f.get("checkId").asText().equals(checkId) && f.get("region").asText().equals(region)
                    && f.get("resourceId").asText().equals(resourceId)) {
                return f;
            }
        }
        throw new AssertionError("no finding " + checkId + " " + region + " " + resourceId);
    }

    /** "checkId region resourceId" → status, for the findings of the given checks. */
    public static Map<String, String> statuses(JsonNode report, Set<String> checkIds) {
        return statuses(report, checkIds::contains);
    }
}
