package com.huntaze.audit.testing;

import com.huntaze.audit.engine.CheckResult;
import com.huntaze.audit.engine.Domain;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Severity;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.report.AuditReport;
import com.huntaze.audit.report.ReportedFinding;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Hand-built reports for the tests of what happens after the checks: gate, suppressions, baseline, renderers. */
public final class Reports {
    private Reports() {
    }

    public static final String ACCOUNT = "123456789012";

    /** A finding about {@code resource} ("" for the account) with an ARN made from it. */
    public static Finding finding(String checkId, Status status, String region, String resource) {
        String arn = resource.isEmpty() ? null : "arn:aws:test:" + region + ":" + ACCOUNT + ":thing/" + resource;
        return new Finding(checkId, status, region, "AWS::Test::Thing", resource, arn,
                status + " " + checkId + " " + resource, Map.of("Value", 1),
                status == Status.OK ? "" : "Fix " + resource + ".", 0.0);
    }

    public static CheckResult check(String id, Domain domain, Severity severity) {
        return new CheckResult(id, id + " title", domain, severity, Status.OK, 0, "aws test describe-thing");
    }

    /** A report of the regions us-east-1 and eu-west-1 with these checks and findings, nothing suppressed. */
    public static AuditReport report(List<CheckResult> checks, Finding... findings) {
        List<ReportedFinding> reported = Arrays.stream(findings).map(ReportedFinding::of).toList();
        return new AuditReport(AuditReport.SCHEMA_VERSION, new AuditReport.Tool("huntaze-audit", "test"),
                "2026-11-22T09:00:00Z", ACCOUNT, List.of("us-east-1", "eu-west-1"), null,
                AuditReport.Summary.of(reported, List.of(), "embedded price table of 2026-11-22"), checks, reported,
                null, List.of(), new AuditReport.Stats(Map.of(), 5));
    }
}
