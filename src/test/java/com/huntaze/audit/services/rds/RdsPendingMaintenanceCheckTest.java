package com.huntaze.audit.services.rds;

import static com.huntaze.audit.testing.Fixtures.aurora;
import static com.huntaze.audit.testing.Fixtures.db;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.testing.CheckHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The harness's reference time is 2026-11-22T12:00Z. */
class RdsPendingMaintenanceCheckTest {

    private static final Instant NOW = CheckHarness.NOW;

    private static PendingMaintenance pending(String arn, PendingMaintenance.Action... actions) {
        return new PendingMaintenance(arn, List.of(actions));
    }

    private static PendingMaintenance.Action autoApplied(String action, String description, Duration in) {
        return new PendingMaintenance.Action(action, description, NOW.plus(in), null, null, null);
    }

    private static String arn(String id) {
        return "arn:aws:rds:us-east-1:123456789012:db:" + id;
    }

    private static CheckHarness audit(List<DbInstance> instances, List<DbCluster> clusters,
                                      PendingMaintenance... pending) {
        return CheckHarness.of(new RdsPendingMaintenanceCheck())
                .with(RdsDatasets.DB_INSTANCES, instances)
                .with(RdsDatasets.DB_CLUSTERS, clusters)
                .with(RdsDatasets.PENDING_MAINTENANCE, List.of(pending));
    }

    @Test
    void anActionAutoAppliedWithinTheWindowIsNokWithTheActionItsDescriptionAndDate() {
        var audit = audit(List.of(db("orders").autoMinorVersionUpgrade(false).build(), db("quiet").build()),
                List.of(), pending(arn("orders"), autoApplied("system-update",
                        "New Operating System update is available", Duration.ofDays(10))));

        Finding orders = audit.finding("orders");
        assertThat(orders.status()).isEqualTo(Status.NOK);
        assertThat(orders.message()).isEqualTo("1 pending maintenance action due now or within 30 days: system-update"
                + " (New Operating System update is available) auto-applied after 2026-12-02.");
        assertThat(orders.evidence()).containsEntry("AutoMinorVersionUpgrade", false).containsEntry("WarningDays", 30)
                .containsEntry("PendingActions", List.of(Map.of("Action", "system-update",
                        "Description", "New Operating System update is available",
                        "AutoAppliedAfterDate", "2026-12-02T12:00:00Z")));
        assertThat(orders.remediation()).contains("apply-pending-maintenance-action");

        Finding quiet = audit.finding("quiet");
        assertThat(quiet.status()).isEqualTo(Status.OK);
        assertThat(quiet.message()).isEqualTo("No pending maintenance action.");
        assertThat(quiet.evidence()).containsEntry("AutoMinorVersionUpgrade", true)
                .containsEntry("PendingActions", List.of());
    }

    @Test
    void aPassedForcedOrScheduledDateIsNokAndSaysSo() {
        var audit = audit(List.of(db("legacy").build()), List.of(), pending(arn("legacy"),
                new PendingMaintenance.Action("ca-certificate-rotation", "Certificate rotation to rds-ca-rsa2048-g1",
                        null, NOW.minus(Duration.ofDays(3)), NOW.plus(Duration.ofDays(90)), "next-maintenance")));

        Finding f = audit.finding("legacy");
        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.message()).contains("forced on 2026-11-19 (passed), scheduled for 2027-02-20");
    }

    @Test
    void anActionDueLaterThanTheWindowOrUndatedIsOkAndListed() {
        var later = pending(arn("orders"), autoApplied("db-upgrade", "Upgrade to 16.6", Duration.ofDays(45)),
                new PendingMaintenance.Action("system-update", "Optional OS update", null, null, null, null));

        Finding ok = audit(List.of(db("orders").build()), List.of(), later).finding("orders");
        assertThat(ok.status()).isEqualTo(Status.OK);
        assertThat(ok.message()).isEqualTo("2 pending maintenance actions, none due within 30 days: db-upgrade,"
                + " system-update.");
        assertThat((List<?>) ok.evidence().get("PendingActions")).hasSize(2);

        var wider = audit(List.of(db("orders").build()), List.of(), later)
                .threshold(RdsPendingMaintenanceCheck.MAINTENANCE_WARNING_DAYS, 45);
        assertThat(wider.finding("orders").status()).isEqualTo(Status.NOK);
        assertThat(wider.finding("orders").message()).contains("db-upgrade").doesNotContain("system-update");
    }

    @Test
    void clustersHaveTheirOwnActionsAndFindingsAsClusters() {
        var cluster = aurora("app", true, 7, true, "app-writer");
        var audit = audit(List.of(db("app-writer").cluster("app").build()), List.of(cluster),
                pending(cluster.arn(), autoApplied("db-upgrade", "Upgrade to Aurora PostgreSQL 15.10",
                        Duration.ofDays(2))));

        Finding app = audit.finding("app");
        assertThat(app.status()).isEqualTo(Status.NOK);
        assertThat(app.resourceType()).isEqualTo("AWS::RDS::DBCluster");
        assertThat(app.evidence()).doesNotContainKey("AutoMinorVersionUpgrade");
        assertThat(audit.finding("app-writer").status()).isEqualTo(Status.OK);
    }

    @Test
    void actionsOfResourcesTheAuditDoesNotListAreIgnored() {
        var audit = audit(List.of(), List.of(), pending(arn("deleted-yesterday"),
                autoApplied("system-update", "OS update", Duration.ofDays(1))));

        assertThat(audit.findings()).isEmpty();
    }
}
