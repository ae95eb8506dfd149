package com.huntaze.audit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Reads findings out of a JSON report, for assertions. */
public final class ReportFindings {
    private ReportFindings() {
    }

    /** The one finding of {@code checkId} in {@code region} about {@code resourceId} ("" for account level). */
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
        Map<String, String> statuses = new TreeMap<>();
        report.get("findings").forEach(f -> {
            if (checkIds.contains(f.get("checkId").asText())) {
                statuses.put(f.get("checkId").asText() + " " + f.get("region").asText() + " "
                        + f.get("resourceId").asText(), f.get("status").asText());
            }
        });
        return statuses;
    }
}
