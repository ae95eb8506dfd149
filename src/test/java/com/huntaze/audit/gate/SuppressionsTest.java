package com.huntaze.audit.gate;

import static com.huntaze.audit.testing.Reports.check;
import static com.huntaze.audit.testing.Reports.finding;
import static com.huntaze.audit.testing.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huntaze.audit.engine.Domain;
import com.huntaze.audit.engine.Severity;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.report.AuditReport;
import com.huntaze.audit.report.AuditReport.SuppressionEntry;
import com.huntaze.audit.report.ReportedFinding;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Which findings a suppression accepts, and what the report says about each suppression. */
class SuppressionsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static final AuditReport REPORT = report(
            List.of(check("rds.multi-az", Domain.RELIABILITY, Severity.HIGH),
                    check("rds.backup-retention", Domain.RELIABILITY, Severity.HIGH),
                    check("ses.production-access", Domain.EMAIL, Severity.HIGH),
                    check("iam.user-mfa", Domain.SECURITY, Severity.HIGH)),
            finding("rds.multi-az", Status.NOK, "us-east-1", "orders-db"),
            finding("rds.multi-az", Status.NOK, "us-east-1", "orders-db-replica"),
            finding("rds.multi-az", Status.NOK, "eu-west-1", "orders-db"),
            finding("rds.multi-az", Status.OK, "us-east-1", "payments-db"),
            finding("rds.backup-retention", Status.NOK, "us-east-1", "orders-db"),
            finding("rds.backup-retention", Status.TODO, "eu-west-1", "legacy-7"),
            finding("ses.production-access", Status.NOK, "eu-west-1", ""),
            finding("iam.user-mfa", Status.NOK, "global", "bob"));

    private static Suppression suppression(String check, String resource, String region, LocalDate expires) {
        return new Suppression(check, NamePattern.of(resource), region, "accepted for the test", "maria", expires,
                "c.yml:3");
    }

    private static Suppression suppression(String check, String resource) {
        return suppression(check, resource, null, TODAY.plusDays(30));
    }

    /** "checkId region resource" of the findings the suppressions accept. */
    private static List<String> accepted(Suppression... suppressions) {
        return Suppressions.apply(List.of(suppressions), REPORT, TODAY).report().findings().stream()
                .filter(ReportedFinding::accepted)
                .map(f -> f.finding().checkId() + " " + f.finding().region() + " " + f.finding().resourceId())
                .toList();
    }

    @Test
    void anExactResourceMatchesThatResourceInEveryRegionAndNothingElse() {
        assertThat(accepted(suppression("rds.multi-az", "orders-db")))
                .containsExactly("rds.multi-az us-east-1 orders-db", "rds.multi-az eu-west-1 orders-db");
    }

    @Test
    void aRegionLimitsItToThatRegion() {
        assertThat(accepted(suppression("rds.multi-az", "orders-db", "eu-west-1", TODAY.plusDays(1))))
                .containsExactly("rds.multi-az eu-west-1 orders-db");
        assertThat(accepted(suppression("iam.user-mfa", "bob", "global", TODAY))).containsExactly("iam.user-mfa global bob");
    }

    @Test
    void globsMatchChecksAndResources() {
        assertThat(accepted(suppression("rds.*", "orders-*")))
                .containsExactly("rds.multi-az us-east-1 orders-db", "rds.multi-az us-east-1 orders-db-replica",
                        "rds.multi-az eu-west-1 orders-db", "rds.backup-retention us-east-1 orders-db");
        assertThat(accepted(suppression("rds.multi-az", "orders-db-?eplica")))
                .containsExactly("rds.multi-az us-east-1 orders-db-replica");
        // A glob's dot is a dot: "orders.db" is no pattern for "orders-db".
        assertThat(accepted(suppression("rds.multi-az", "orders.db"))).isEmpty();
    }

    @Test
    void aRegexMustMatchTheWholeIdOrTheArn() {
        assertThat(accepted(suppression("rds.multi-az", "re:orders-db(-replica)?")))
                .containsExactly("rds.multi-az us-east-1 orders-db", "rds.multi-az us-east-1 orders-db-replica",
                        "rds.multi-az eu-west-1 orders-db");
        assertThat(accepted(suppression("rds.multi-az", "re:orders"))).as("a partial match is no match").isEmpty();
        assertThat(accepted(suppression("rds.*", "re:arn:aws:test:eu-west-1:.*")))
                .containsExactly("rds.multi-az eu-west-1 orders-db", "rds.backup-retention eu-west-1 legacy-7");
        assertThatThrownBy(() -> NamePattern.of("re:orders-(db")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid regular expression");
    }

    @Test
    void anAccountLevelFindingIsNamedByStarOrAccount() {
        assertThat(accepted(suppression("ses.production-access", "(account)")))
                .containsExactly("ses.production-access eu-west-1 ");
        assertThat(accepted(suppression("ses.production-access", "*"))).containsExactly("ses.production-access eu-west-1 ");
        assertThat(accepted(suppression("rds.multi-az", "(account)"))).isEmpty();
    }

    @Test
    void anOkFindingIsNeverSuppressedAndASuppressionOfOnlyOkFindingsIsStale() {
        Suppressions.Outcome outcome = Suppressions.apply(List.of(suppression("rds.multi-az", "payments-db")), REPORT,
                TODAY);

        assertThat(outcome.report().findings()).noneMatch(ReportedFinding::accepted);
        assertThat(outcome.stale()).extracting(SuppressionEntry::resource).containsExactly("payments-db");
        assertThat(outcome.report().suppressions()).extracting(SuppressionEntry::state).containsExactly("stale");
    }

    @Test
    void aSuppressedFindingKeepsItsStatusAndCarriesTheReasonByAndExpiry() {
        Suppressions.Outcome outcome = Suppressions.apply(
                List.of(suppression("rds.backup-retention", "legacy-7", "eu-west-1", LocalDate.of(2026, 12, 31))),
                REPORT, TODAY);

        ReportedFinding legacy = outcome.report().findings().get(5);
        assertThat(legacy.finding().resourceId()).isEqualTo("legacy-7");
        assertThat(legacy.finding().status()).isEqualTo(Status.TODO);
        assertThat(legacy.suppressed()).isTrue();
        assertThat(legacy.reason()).isEqualTo("accepted for the test");
        assertThat(legacy.by()).isEqualTo("maria");
        assertThat(legacy.expires()).isEqualTo("2026-12-31");
        AuditReport.Summary summary = outcome.report().summary();
        assertThat(summary.todo()).as("the status counts do not change").isEqualTo(REPORT.summary().todo());
        assertThat(summary.suppressed()).isEqualTo(1);
        assertThat(outcome.report().suppressions()).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo("applied");
            assertThat(s.matched()).isEqualTo(1);
            assertThat(s.source()).isEqualTo("c.yml:3");
        });
    }

    @Test
    void aSuppressionAppliesThroughItsExpiryDayAndNotTheDayAfter() {
        assertThat(accepted(suppression("iam.user-mfa", "bob", null, TODAY))).hasSize(1);

        Suppressions.Outcome expired = Suppressions.apply(List.of(suppression("iam.user-mfa", "bob", null,
                TODAY.minusDays(1))), REPORT, TODAY);

        ReportedFinding bob = expired.report().findings().get(7);
        assertThat(bob.accepted()).isFalse();
        assertThat(bob.reason()).isNull();
        assertThat(bob.suppressionExpired()).isEqualTo("2026-11-21");
        assertThat(expired.report().summary().suppressed()).isZero();
        assertThat(expired.report().suppressions()).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo("expired");
            assertThat(s.matched()).isEqualTo(1);
        });
        assertThat(expired.stale()).as("expired is not stale").isEmpty();
    }

    @Test
    void aLiveSuppressionWinsOverAnExpiredOneAndTheFirstLiveOneGivesTheReason() {
        Suppression old = suppression("rds.multi-az", "orders-db", null, TODAY.minusDays(10));
        Suppression first = new Suppression("rds.*", NamePattern.of("*"), "us-east-1", "first", "a", TODAY, "c.yml:9");
        Suppression second = new Suppression("rds.multi-az", NamePattern.of("orders-db"), null, "second", "b", TODAY,
                "c.yml:15");

        AuditReport report = Suppressions.apply(List.of(old, first, second), REPORT, TODAY).report();

        ReportedFinding usOrders = report.findings().get(0);
        assertThat(usOrders.reason()).isEqualTo("first");
        assertThat(usOrders.suppressionExpired()).isNull();
        ReportedFinding euOrders = report.findings().get(2);
        assertThat(euOrders.reason()).isEqualTo("second");
        Map<String, String> states = new TreeMap<>();
        report.suppressions().forEach(s -> states.put(s.source(), s.state() + " " + s.matched()));
        assertThat(states).containsExactlyEntriesOf(new TreeMap<>(Map.of("c.yml:3", "expired 2",
                "c.yml:9", "applied 3", "c.yml:15", "applied 2")));
    }

    @Test
    void aSuppressionWhoseChecksOrRegionWereNotPartOfTheRunIsNotStale() {
        Suppressions.Outcome outcome = Suppressions.apply(List.of(
                        suppression("elasticache.*", "*"),
                        suppression("rds.multi-az", "orders-db", "ap-south-1", TODAY),
                        suppression("rds.multi-az", "gone-db")),
                REPORT, TODAY);

        assertThat(outcome.report().suppressions()).extracting(SuppressionEntry::state)
                .containsExactly("not-run", "not-run", "stale");
        assertThat(outcome.stale()).extracting(SuppressionEntry::resource).containsExactly("gone-db");
        assertThat(Suppressions.staleWarning(outcome.stale())).isEqualTo("warning: 1 suppression matches no NOK or"
                + " TODO finding (stale; remove or fix it): rds.multi-az:gone-db (c.yml:3)");
    }

    @Test
    void withoutSuppressionsTheReportIsUntouched() {
        assertThat(Suppressions.apply(List.of(), REPORT, TODAY).report()).isSameAs(REPORT);
    }
}
