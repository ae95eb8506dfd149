package com.huntaze.audit.gate;

import static com.huntaze.audit.testing.Reports.check;
import static com.huntaze.audit.testing.Reports.finding;
import static com.huntaze.audit.testing.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.CheckResult;
import com.huntaze.audit.engine.Domain;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Severity;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.report.AuditReport;
import com.huntaze.audit.report.JsonReport;
import com.huntaze.audit.report.ReportedFinding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Baselines of reports of several accounts: a finding is the same only in the same account. */
class BaselineAccountsTest {

    private static final List<CheckResult> CHECKS = List.of(check("rds.multi-az", Domain.RELIABILITY, Severity.HIGH));
    private static final String PROD = "222233334444";
    private static final String STAGING = "333344445555";

    @TempDir
    Path dir;

    private Baseline baseline(AuditReport earlier) throws IOException {
        return Baseline.read(Files.writeString(dir.resolve("baseline.json"), JsonReport.render(earlier)));
    }

    /** A report of prod and staging, both audited, with these findings. */
    private static AuditReport ofAccounts(Finding... findings) {
        AuditReport one = report(CHECKS, findings);
        List<AuditReport.AccountEntry> accounts = List.of(
                new AuditReport.AccountEntry(PROD, "prod", AuditReport.AccountEntry.AUDITED, null),
                new AuditReport.AccountEntry(STAGING, "staging", AuditReport.AccountEntry.AUDITED, null));
        return new AuditReport(one.schemaVersion(), one.tool(), one.generatedAt(), null, accounts, one.regions(),
                null, AuditReport.Summary.of(one.findings(), List.of(), null, accounts), one.checks(), one.findings(),
                null, List.of(), one.stats());
    }

    private static Finding singleAz(String account, Status status) {
        return finding("rds.multi-az", status, "us-east-1", "orders-db").withAccount(account);
    }

    /** "account resource" → change. */
    private static Map<String, String> changes(AuditReport report) {
        Map<String, String> changes = new LinkedHashMap<>();
        for (ReportedFinding f : report.findings()) {
            changes.put(f.finding().account() + " " + f.finding().resourceId(), f.change());
        }
        return changes;
    }

    @Test
    void theSameResourceInAnotherAccountIsANewFinding() throws IOException {
        Baseline before = baseline(ofAccounts(singleAz(PROD, Status.NOK)));

        AuditReport now = before.compare(ofAccounts(singleAz(PROD, Status.NOK), singleAz(STAGING, Status.NOK)));

        assertThat(changes(now)).containsExactly(
                Map.entry(PROD + " orders-db", "unchanged"),
                Map.entry(STAGING + " orders-db", "new"));
    }

    @Test
    void aNokFixedInOneAccountIsResolvedThereOnly() throws IOException {
        Baseline before = baseline(ofAccounts(singleAz(PROD, Status.NOK), singleAz(STAGING, Status.NOK)));

        AuditReport now = before.compare(ofAccounts(singleAz(PROD, Status.OK), singleAz(STAGING, Status.NOK)));

        assertThat(now.resolved()).extracting(AuditReport.ResolvedFinding::account, AuditReport.ResolvedFinding::now)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PROD, "OK"));
    }

    @Test
    void aSingleAccountBaselineWhoseFindingsLackAnAccountMatchesByItsTopLevelAccount() throws IOException {
        // as written before findings named their account: only the top-level account says where they are
        AuditReport old = report(CHECKS, finding("rds.multi-az", Status.NOK, "us-east-1", "orders-db"));
        assertThat(JsonReport.render(old)).doesNotContain("\"account\" : \"123456789012\",\n    \"region\"");
        Baseline before = baseline(old);

        AuditReport now = before.compare(report(CHECKS,
                finding("rds.multi-az", Status.NOK, "us-east-1", "orders-db").withAccount("123456789012")));

        assertThat(changes(now)).containsExactly(Map.entry("123456789012 orders-db", "unchanged"));
    }
}
