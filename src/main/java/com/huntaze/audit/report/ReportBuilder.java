package com.huntaze.audit.report;

import com.huntaze.audit.engine.AuditRunner;
import com.huntaze.audit.inventory.Inventory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** Assembles the report from an inventory's evaluation and the run's statistics. */
public final class ReportBuilder {
    private ReportBuilder() {
    }

    public static AuditReport build(String toolVersion, Instant generatedAt, Inventory inventory,
                                    AuditRunner.Outcome outcome, Map<String, Long> apiCalls, long durationMs) {
        return new AuditReport(
                AuditReport.SCHEMA_VERSION,
                new AuditReport.Tool("huntaze-audit", toolVersion),
                generatedAt.truncatedTo(ChronoUnit.SECONDS).toString(),
                inventory.account(),
                inventory.regions(),
                AuditReport.Summary.of(outcome.findings()),
                outcome.checks(),
                outcome.findings(),
                new AuditReport.Stats(apiCalls, durationMs));
    }
}
