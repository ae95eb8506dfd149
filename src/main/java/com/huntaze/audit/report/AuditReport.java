package com.huntaze.audit.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.huntaze.audit.engine.CheckResult;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import java.util.List;
import java.util.Map;

/** The JSON report, schemaVersion 1: field names and order are a contract other tools parse. */
@JsonPropertyOrder({"schemaVersion", "tool", "generatedAt", "account", "regions", "summary", "checks", "findings",
        "stats"})
public record AuditReport(
        int schemaVersion,
        Tool tool,
        String generatedAt,
        String account,
        List<String> regions,
        Summary summary,
        List<CheckResult> checks,
        List<Finding> findings,
        Stats stats) {

    public static final int SCHEMA_VERSION = 1;

    @JsonPropertyOrder({"name", "version"})
    public record Tool(String name, String version) {
    }

    /**
     * @param collectionErrors the AWS calls that failed while collecting (absent from the JSON when none did):
     *                         the checks that needed them are TODO
     */
    @JsonPropertyOrder({"ok", "nok", "todo", "estimatedMonthlySavingsUsd", "collectionErrors"})
    public record Summary(int ok, int nok, int todo, double estimatedMonthlySavingsUsd,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) List<CollectionError> collectionErrors) {

        public static Summary of(List<Finding> findings, List<CollectionError> collectionErrors) {
            int ok = 0;
            int nok = 0;
            int todo = 0;
            double savings = 0;
            for (Finding f : findings) {
                switch (f.status()) {
                    case OK -> ok++;
                    case NOK -> nok++;
                    case TODO -> todo++;
                }
                savings += f.estimatedMonthlySavingsUsd();
            }
            return new Summary(ok, nok, todo, Math.round(savings * 100) / 100.0, List.copyOf(collectionErrors));
        }
    }

    /** One failed collection call: {@code operation} is the IAM action, {@code error} the reason. */
    @JsonPropertyOrder({"service", "region", "operation", "error"})
    public record CollectionError(String service, String region, String operation, String error) {
    }

    /** @param apiCalls calls per {@code service:Operation}, sorted by name */
    @JsonPropertyOrder({"apiCalls", "durationMs"})
    public record Stats(Map<String, Long> apiCalls, long durationMs) {
    }

    public boolean hasNok() {
        return findings.stream().anyMatch(f -> f.status() == Status.NOK);
    }
}
