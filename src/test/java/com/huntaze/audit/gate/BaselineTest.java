package com.huntaze.audit.gate;

import static com.huntaze.audit.testing.Reports.check;
import static com.huntaze.audit.testing.Reports.finding;
import static com.huntaze.audit.testing.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huntaze.audit.engine.CheckResult;
import com.huntaze.audit.engine.Domain;
import com.huntaze.audit.engine.Severity;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.report.AuditReport;
import com.huntaze.audit.report.AuditReport.ResolvedFinding;
import com.huntaze.audit.report.JsonReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run against an earlier report: new, unchanged and resolved findings, and baselines that are refused. */
class BaselineTest {

    private static final List<CheckResult> CHECKS = List.of(
            check("rds.multi-az", Domain.RELIABILITY, Severity.HIGH),
            check("rds.backup-retention", Domain.RELIABILITY, Severity.HIGH),
            check("iam.user-mfa", Domain.SECURITY, Severity.HIGH));

    @TempDir
    Path dir;

    private Baseline baseline(AuditReport earlier) throws IOException {
        return Baseline.read(Files.writeString(dir.resolve("baseline.json"), JsonReport.render(earlier)));
    }

    /** "checkId region resource" → change. */
    private static Map<String, String> changes(AuditReport report) {
        Map<String, String> changes = new LinkedHashMap<>();
        report.findings().forEach(f -> changes.put(f.finding().checkId() + " " + f.finding().region() + " "
                + f.finding().resourceId(), f.change()));
        return changes;
    }

    @Test
    void findingsAreNewWhenAbsentBeforeOrWorseAndUnchangedOtherwise() throws IOException {
        AuditReport before = report(CHECKS,
                finding("rds.multi-az", Status.NOK, "us-east-1", "orders-db"),
                finding("rds.multi-az", Status.OK, "us-east-1", "payments-db"),
                finding("rds.multi-az", Status.NOK, "eu-west-1", "eu-db"),
                finding("rds.backup-retention", Status.TODO, "us-east-1", "orders-db"),
                finding("iam.user-mfa", Status.NOK, "global", "bob"));
        AuditReport now = report(CHECKS,
                finding("rds.multi-az", Status.NOK, "us-east-1", "orders-db"),      // same NOK
                finding("rds.multi-az", Status.NOK, "us-east-1", "payments-db"),    // OK → NOK
                finding("rds.multi-az", Status.TODO, "eu-west-1", "eu-db"),         // NOK → TODO: better
                finding("rds.multi-az", Status.NOK, "us-east-1", "reports-db"),     // a new resource
                finding("rds.multi-az", Status.OK, "us-east-1", "cache-db"),        // a new OK resource
                finding("rds.backup-retention", Status.NOK, "us-east-1", "orders-db"), // TODO → NOK
                finding("rds.backup-retention", Status.NOK, "eu-west-1", "orders-db"), // same id, other region
                finding("iam.user-mfa", Status.NOK, "global", "bob"));

        AuditReport compared = baseline(before).compare(now);

        assertThat(changes(compared)).containsExactly(
                Map.entry("rds.multi-az us-east-1 orders-db", "unchanged"),
                Map.entry("rds.multi-az us-east-1 payments-db", "new"),
                Map.entry("rds.multi-az eu-west-1 eu-db", "unchanged"),
                Map.entry("rds.multi-az us-east-1 reports-db", "new"),
                Map.entry("rds.multi-az us-east-1 cache-db", "new"),
                Map.entry("rds.backup-retention us-east-1 orders-db", "new"),
                Map.entry("rds.backup-retention eu-west-1 orders-db", "new"),
                Map.entry("iam.user-mfa global bob", "unchanged"));
        assertThat(compared.baseline().generatedAt()).isEqualTo(before.generatedAt());
        assertThat(compared.resolved()).isEmpty();
    }

    @Test
    void nokAndTodoFindingsNowOkOrGoneAreResolved() throws IOException {
        AuditReport before = report(CHECKS,
                finding("rds.multi-az", Status.NOK, "us-east-1", "orders-db"),
                finding("rds.multi-az", Status.NOK, "us-east-1", "deleted-db"),
                finding("rds.multi-az", Status.OK, "us-east-1", "payments-db"),
                finding("rds.backup-retention", Status.TODO, "eu-west-1", "eu-db"),
                finding("iam.user-mfa", Status.NOK, "global", "bob"));
        AuditReport now = report(CHECKS,
                finding("rds.multi-az", Status.OK, "us-east-1", "orders-db"),
                finding("rds.backup-retention", Status.OK, "eu-west-1", "eu-db"),
                finding("iam.user-mfa", Status.NOK, "global", "bob"));

        List<ResolvedFinding> resolved = baseline(before).compare(now).resolved();

        assertThat(resolved).extracting(r -> r.checkId() + " " + r.region() + " " + r.resourceId() + " " + r.was()
                        + "→" + r.now())
                .containsExactly("rds.multi-az us-east-1 orders-db NOK→OK",
                        "rds.multi-az us-east-1 deleted-db NOK→absent",
                        "rds.backup-retention eu-west-1 eu-db TODO→OK");
        assertThat(resolved.get(0).message()).as("what was wrong, from the baseline")
                .isEqualTo("NOK rds.multi-az orders-db");
        assertThat(resolved.get(1).resourceArn()).isEqualTo("arn:aws:test:us-east-1:123456789012:thing/deleted-db");
    }

    @Test
    void findingsOfChecksOrRegionsNotInThisRunAreNotResolved() throws IOException {
        AuditReport before = report(CHECKS,
                finding("rds.multi-az", Status.NOK, "us-east-1", "orders-db"),
                finding("rds.multi-az", Status.NOK, "ap-south-1", "mumbai-db"),
                finding("iam.user-mfa", Status.NOK, "global", "bob"));
        // This run skipped iam.* and audited no ap-south-1.
        AuditReport now = report(CHECKS.subList(0, 2), finding("rds.multi-az", Status.NOK, "us-east-1", "orders-db"));

        assertThat(baseline(before).compare(now).resolved()).isEmpty();
    }

    @Test
    void aBaselineOfAnotherAccountIsRefused() throws IOException {
        AuditReport other = new AuditReport(1, new AuditReport.Tool("huntaze-audit", "0.1.0"), "2026-11-21T09:00:00Z",
                "999988887777", List.of("us-east-1"), null, report(CHECKS).summary(), CHECKS, List.of(), null,
                List.of(), new AuditReport.Stats(Map.of(), 1));
        Baseline baseline = baseline(other);

        assertThatThrownBy(() -> baseline.requireAccount("123456789012"))
                .isInstanceOf(Baseline.BaselineException.class)
                .hasMessage(dir.resolve("baseline.json") + " is a report of account 999988887777, not of the audited"
                        + " account 123456789012");
        assertThatThrownBy(() -> baseline.compare(report(CHECKS))).isInstanceOf(Baseline.BaselineException.class);
    }

    @Test
    void whatIsNotAReportOfAKnownSchemaVersionIsRefusedWithOneLine() throws IOException {
        String report = JsonReport.render(report(CHECKS));
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("{\"schemaVersion\": 2, \"tool\": {\"name\": \"huntaze-audit\"}}",
                "schemaVersion 2 is not supported: this version of huntaze-audit reads schemaVersion 1");
        cases.put(report.replace("\"schemaVersion\" : 1", "\"schemaVersion\" : \"1\""), "schemaVersion 1 is not supported");
        cases.put("{\"Version\": \"2012-10-17\", \"Statement\": []}", "not a huntaze-audit JSON report");
        cases.put("[1, 2]", "not a huntaze-audit JSON report (cannot read it as a JSON object");
        cases.put("# huntaze-audit report\n", "not a huntaze-audit JSON report");
        cases.put("", "not a huntaze-audit JSON report");
        cases.put(report.replace("\"account\"", "\"acount\""), "'account' is missing");
        cases.put(report.replaceFirst("\"findings\" : \\[ \\]", "\"findings\" : [ {\"checkId\": \"x\"} ]"),
                "a finding lacks checkId, status");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path file = Files.writeString(dir.resolve("previous.json"), c.getKey());
            assertThatThrownBy(() -> Baseline.read(file)).as(c.getKey())
                    .isInstanceOf(Baseline.BaselineException.class)
                    .hasMessageStartingWith(file + ": ")
                    .hasMessageContaining(c.getValue())
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
        assertThatThrownBy(() -> Baseline.read(dir.resolve("missing.json"))).hasMessageEndingWith("file not found");
    }
}
