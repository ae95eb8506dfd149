package com.huntaze.audit.services.rds;

import com.huntaze.audit.services.ServiceCatalog;
import static com.huntaze.audit.services.rds.RdsIdleInstanceCheck.CONNECTIONS;
import static com.huntaze.audit.testing.Fixtures.daily;
import static com.huntaze.audit.testing.Fixtures.db;
import static com.huntaze.audit.testing.Fixtures.metrics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.huntaze.audit.services.Idle;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.inventory.MetricData;
import com.huntaze.audit.inventory.MetricSeries;
import com.huntaze.audit.pricing.PriceTable;
import com.huntaze.audit.testing.CheckHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RdsIdleInstanceCheckTest {

    private static CheckHarness audit(String region, List<DbInstance> instances, MetricData metrics) {
        return CheckHarness.of(new RdsIdleInstanceCheck(), region)
                .with(region, RdsDatasets.DB_INSTANCES, instances)
                .with(region, MetricData.DATASET, metrics);
    }

    private static Finding judge(DbInstance instance, MetricSeries series) {
        return audit("us-east-1", List.of(instance), metrics(CONNECTIONS, instance.id(), series)).finding(instance.id());
    }

    @Test
    void noConnectionAllWeekIsIdleAndSavesItsHourlyPriceAndStorage() {
        Finding f = judge(db("idle").multiAz(false).engine("postgres").instanceClass("db.t3.micro")
                .storage(20, "gp2").build(), daily(0, 0, 0, 0, 0, 0, 0));

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.message()).contains("No connection in the last 7 days");
        // $0.018/h × 730 h + 20 GB × $0.115/GB-month = 13.14 + 2.30
        assertThat(f.estimatedMonthlySavingsUsd()).isEqualTo(15.44);
        assertThat(f.evidence()).containsEntry("MaxDatabaseConnections", 0.0).containsEntry("Datapoints", 7)
                .containsEntry("DBInstanceClass", "db.t3.micro")
                .containsEntry("PriceSource", "https://aws.amazon.com/rds/postgresql/pricing/, " + ServiceCatalog.current().prices().date())
                .doesNotContainKey("PriceRegion");
        assertThat((String) f.evidence().get("Estimate")).isEqualTo("$0.018/h × 730 h + 20 GB × $0.115/GB-month = $15.44/month");
    }

    @Test
    void multiAzDoublesTheInstanceAndItsStorage() {
        DbInstance single = db("single").multiAz(false).engine("mysql").instanceClass("db.r6g.large").storage(100, "gp3").build();
        DbInstance multi = db("multi").multiAz(true).engine("mysql").instanceClass("db.r6g.large").storage(100, "gp3").build();

        double singleUsd = judge(single, daily(0, 0, 0)).estimatedMonthlySavingsUsd();
        Finding f = judge(multi, daily(0, 0, 0));

        // $0.215/h × 730 = 156.95, + 100 GB × $0.115 = 11.50 → 168.45; Multi-AZ: 336.90
        assertThat(singleUsd).isEqualTo(168.45);
        assertThat(f.estimatedMonthlySavingsUsd()).isEqualTo(336.90);
        assertThat((String) f.evidence().get("Estimate")).contains("× 2 (Multi-AZ)");
    }

    @Test
    void noDatapointAtAllIsNotZeroConnections() {
        Finding f = judge(db("quiet").build(), MetricSeries.EMPTY);

        assertThat(f.status()).isEqualTo(Status.TODO);
        assertThat(f.message()).contains("no metrics");
        assertThat(f.estimatedMonthlySavingsUsd()).isZero();
        assertThat(f.remediation()).contains("CloudWatch console");
    }

    @Test
    void anInstanceMissingFromTheMetricsIsAlsoUnknown() {
        Finding f = audit("us-east-1", List.of(db("new").build()), MetricData.NONE).finding("new");
        assertThat(f.status()).isEqualTo(Status.TODO);
    }

    @Test
    void oneConnectionOnOneDayIsEnoughToBeInUse() {
        Finding f = judge(db("busy").build(), daily(0, 0, 0, 1, 0, 0, 0));

        assertThat(f.status()).isEqualTo(Status.OK);
        assertThat(f.message()).isEqualTo("Up to 1 connections in the last 7 days.");
        assertThat(f.estimatedMonthlySavingsUsd()).isZero();
    }

    @Test
    void anUnknownInstanceClassStillShowsButSavesNothingAndSaysThePriceIsUnknown() {
        Finding f = judge(db("exotic").instanceClass("db.x2iedn.32xlarge").build(), daily(0, 0));

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.estimatedMonthlySavingsUsd()).isZero();
        assertThat((String) f.evidence().get("Price")).startsWith("unknown")
                .contains("rds.postgres.instance-hour db.x2iedn.32xlarge").contains("--prices");
    }

    @Test
    void aRegionMissingFromThePriceTableUsesUsEast1AndSaysSo() {
        DbInstance instance = db("frankfurt").multiAz(false).instanceClass("db.t3.micro").storage(20, "gp2").build();
        Finding f = audit("eu-central-1", List.of(instance), metrics(CONNECTIONS, "frankfurt", daily(0, 0)))
                .finding("frankfurt");

        assertThat(f.estimatedMonthlySavingsUsd()).isEqualTo(15.44);
        assertThat((String) f.evidence().get("PriceRegion"))
                .isEqualTo("us-east-1 price used: the price table has no eu-central-1 figure for rds.postgres.instance-hour db.t3.micro");
        assertThat((String) f.evidence().get("StoragePriceRegion")).contains("no eu-central-1 figure");
    }

    @Test
    void aRegionInTheTableUsesItsOwnFigures() {
        DbInstance instance = db("dublin").multiAz(false).instanceClass("db.t3.micro").storage(20, "gp2").build();
        Finding f = audit("eu-west-1", List.of(instance), metrics(CONNECTIONS, "dublin", daily(0))).finding("dublin");

        // $0.019/h × 730 = 13.87, + 20 GB × $0.127 = 2.54
        assertThat(f.estimatedMonthlySavingsUsd()).isEqualTo(16.41);
        assertThat(f.evidence()).doesNotContainKey("PriceRegion");
    }

    @Test
    void mariaDbIsPricedAsMySql() {
        Finding f = judge(db("maria").engine("mariadb").multiAz(false).instanceClass("db.t3.micro").storage(20, "gp2")
                .build(), daily(0));
        assertThat(f.estimatedMonthlySavingsUsd()).isCloseTo(0.017 * 730 + 20 * 0.115, within(0.006));
    }

    @Test
    void anIdleAuroraReaderOfABusyClusterIsAFailoverStandby() {
        DbInstance writer = db("writer").cluster("app").instanceClass("db.r6g.large").build();
        DbInstance reader = db("reader").cluster("app").instanceClass("db.r6g.large").build();
        var harness = audit("us-east-1", List.of(writer, reader),
                new MetricData(Map.of(CONNECTIONS.id(), Map.of("writer", daily(5, 8), "reader", daily(0, 0)))));

        assertThat(harness.finding("writer").status()).isEqualTo(Status.OK);
        Finding standby = harness.finding("reader");
        assertThat(standby.status()).isEqualTo(Status.OK);
        assertThat(standby.message()).contains("failover standby");
    }

    @Test
    void anIdleAuroraClusterCountsEachInstanceButNotTheClusterStorage() {
        DbInstance writer = db("writer").cluster("app").instanceClass("db.r6g.large").build();
        DbInstance reader = db("reader").cluster("app").instanceClass("db.r6g.large").build();
        var harness = audit("us-east-1", List.of(writer, reader),
                new MetricData(Map.of(CONNECTIONS.id(), Map.of("writer", daily(0, 0), "reader", daily(0, 0)))));

        for (String id : List.of("writer", "reader")) {
            Finding f = harness.finding(id);
            assertThat(f.status()).isEqualTo(Status.NOK);
            assertThat(f.estimatedMonthlySavingsUsd()).isEqualTo(189.8); // $0.26/h × 730, no storage
            assertThat(f.evidence()).doesNotContainKey("AllocatedStorage");
        }
    }

    @Test
    void idleDaysIsTheLookbackTheFindingStates() {
        Finding f = audit("us-east-1", List.of(db("idle").build()), metrics(CONNECTIONS, "idle", daily(0, 0, 0)))
                .threshold(Idle.DAYS, 14).finding("idle");
        assertThat(f.message()).contains("last 14 days");
        assertThat(f.evidence()).containsEntry("LookbackDays", 14);
    }

    @Test
    void aUsersPriceTableOverridesTheEmbeddedFigure() {
        PriceTable custom = ServiceCatalog.current().prices().extendedBy(PriceTable.parse("""
                {"date": "2027-01-15", "regions": {"us-east-1": {
                  "rds.postgres.instance-hour": {"source": "our EDP rates", "usd": {"db.t3.micro": 0.01}}}}}""",
                "edp.json", ServiceCatalog.current().priceItems()));
        Finding f = audit("us-east-1", List.of(db("idle").multiAz(false).instanceClass("db.t3.micro").storage(20, "gp2").build()),
                metrics(CONNECTIONS, "idle", daily(0))).prices(custom).finding("idle");

        assertThat(f.estimatedMonthlySavingsUsd()).isEqualTo(9.6); // 0.01 × 730 + 20 × 0.115
        assertThat(f.evidence()).containsEntry("PriceSource", "our EDP rates, 2027-01-15");
    }

    @Test
    void declaresItsMetricOnTheInstancesDataset() {
        assertThat(new RdsIdleInstanceCheck().metrics()).containsExactly(CONNECTIONS);
        assertThat(CONNECTIONS.namespace()).isEqualTo("AWS/RDS");
        assertThat(CONNECTIONS.metricName()).isEqualTo("DatabaseConnections");
        assertThat(CONNECTIONS.targets(List.of(db("db-1").build())))
                .singleElement().satisfies(t -> assertThat(t.dimensionSets())
                        .containsExactly(Map.of("DBInstanceIdentifier", "db-1")));
    }

    // --- an instance younger than the idle window --------------------------------------------------------------

    @Test
    void anIdleInstanceCreatedLessThanIdleDaysAgoIsTooNewToJudgeAndSavesNothing() {
        Finding f = judge(db("fresh").created(CheckHarness.NOW.minus(java.time.Duration.ofDays(3))).build(),
                daily(0, 0, 0));

        assertThat(f.status()).isEqualTo(Status.TODO);
        assertThat(f.message()).isEqualTo("DB instance created 3 days ago: too new to judge idle over the last 7 days.");
        assertThat(f.estimatedMonthlySavingsUsd()).isZero();
        assertThat(f.evidence()).containsEntry("InstanceCreateTime", "2026-11-19T12:00:00Z")
                .containsEntry("AgeDays", 3L).containsEntry("MaxDatabaseConnections", 0.0)
                .doesNotContainKey("Estimate");
    }

    @Test
    void aNewInstanceWithConnectionsIsStillOkAndAnOldIdleOneNok() {
        DbInstance busy = db("busy").created(CheckHarness.NOW.minus(java.time.Duration.ofHours(20))).build();
        DbInstance old = db("old").created(CheckHarness.NOW.minus(java.time.Duration.ofDays(8))).build();
        var harness = audit("us-east-1", List.of(busy, old), metrics(CONNECTIONS, "busy", daily(2), "old", daily(0, 0)));

        assertThat(harness.finding("busy").status()).isEqualTo(Status.OK);
        assertThat(harness.finding("old").status()).isEqualTo(Status.NOK);
    }
}
