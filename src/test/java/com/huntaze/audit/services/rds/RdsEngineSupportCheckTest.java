package com.huntaze.audit.services.rds;

import static com.huntaze.audit.testing.Fixtures.aurora;
import static com.huntaze.audit.testing.Fixtures.db;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.inventory.CollectionFailure;
import com.huntaze.audit.testing.CheckHarness;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness's reference time is 2026-11-22T12:00Z. */
class RdsEngineSupportCheckTest {

    /** A major version whose standard support ends on {@code end} (a day), then three years of Extended Support. */
    private static DbMajorEngineVersion major(String engine, String version, String end, String extendedStart,
                                              String extendedEnd) {
        return new DbMajorEngineVersion(engine, version, List.of(
                new DbMajorEngineVersion.Lifecycle(DbMajorEngineVersion.STANDARD_SUPPORT,
                        Instant.parse("2019-03-13T00:00:00Z"), Instant.parse(end + "T23:59:59Z")),
                new DbMajorEngineVersion.Lifecycle(DbMajorEngineVersion.EXTENDED_SUPPORT,
                        Instant.parse(extendedStart + "T00:00:00Z"), Instant.parse(extendedEnd + "T23:59:59Z"))));
    }

    private static final List<DbMajorEngineVersion> VERSIONS = List.of(
            major("postgres", "11", "2024-02-29", "2024-03-01", "2027-03-31"),
            major("postgres", "13", "2027-01-01", "2027-01-02", "2030-01-01"),
            major("postgres", "16", "2029-02-28", "2029-03-01", "2032-02-29"),
            major("mysql", "8.0", "2026-07-31", "2026-08-01", "2029-07-31"),
            major("aurora-mysql", "8.0", "2028-04-30", "2028-05-01", "2031-04-30"),
            major("mariadb", "10.1", "2021-10-31", "2021-11-01", "2021-11-01"),
            major("mariadb", "10.11", "2028-02-29", "2028-03-01", "2028-03-01"),
            new DbMajorEngineVersion("oracle-ee", "19", List.of()));

    private static CheckHarness audit(List<DbInstance> instances, List<DbCluster> clusters) {
        return CheckHarness.of(new RdsEngineSupportCheck())
                .with(RdsDatasets.DB_INSTANCES, instances)
                .with(RdsDatasets.DB_CLUSTERS, clusters)
                .with(RdsDatasets.MAJOR_ENGINE_VERSIONS, VERSIONS);
    }

    @Test
    void aVersionInStandardSupportIsOkWithItsEndDateAndAnEndedOneIsNokInExtendedSupport() {
        var audit = audit(List.of(db("orders").engineVersion("16.4").build(),
                db("legacy").engineVersion("11.22").build()), List.of());

        Finding orders = audit.finding("orders");
        assertThat(orders.status()).isEqualTo(Status.OK);
        assertThat(orders.message()).isEqualTo("PostgreSQL 16 is in standard support until 2029-02-28.");
        assertThat(orders.evidence()).containsEntry("MajorEngineVersion", "16")
                .containsEntry("StandardSupportEnds", "2029-02-28").containsEntry("WarningDays", 180);

        Finding legacy = audit.finding("legacy");
        assertThat(legacy.status()).isEqualTo(Status.NOK);
        assertThat(legacy.message()).isEqualTo("In extended support since 2024-03-01 (billed extra): standard support"
                + " of PostgreSQL 11 ended on 2024-02-29. Extended support ends on 2027-03-31, then RDS upgrades it"
                + " itself.");
        assertThat(legacy.evidence()).containsEntry("EngineVersion", "11.22")
                .containsEntry("ExtendedSupportStarts", "2024-03-01").containsEntry("ExtendedSupportEnds", "2027-03-31");
        assertThat(legacy.remediation()).contains("--allow-major-version-upgrade");
    }

    @Test
    void standardSupportEndingWithinEngineWarningDaysIsNokWithTheDate() {
        var soon = List.of(db("reports").engineVersion("13.15").build());

        Finding f = audit(soon, List.of()).finding("reports");
        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.message()).startsWith("Standard support of PostgreSQL 13 ends on 2027-01-01 (in 40 days)");
        assertThat(f.evidence()).containsEntry("DaysLeft", 40L);

        var relaxed = audit(soon, List.of()).threshold(RdsEngineSupportCheck.ENGINE_WARNING_DAYS, 39);
        assertThat(relaxed.finding("reports").status()).isEqualTo(Status.OK);
        var exact = audit(soon, List.of()).threshold(RdsEngineSupportCheck.ENGINE_WARNING_DAYS, 40);
        assertThat(exact.finding("reports").status()).isEqualTo(Status.NOK);
    }

    @Test
    void theMajorVersionIsTheLongestListedDottedPrefixOfTheVersion() {
        var audit = audit(List.of(db("shop").engine("mysql").engineVersion("8.0.39").build(),
                db("wiki").engine("mariadb").engineVersion("10.11.6").build(),
                db("old-wiki").engine("mariadb").engineVersion("10.1.48").build()), List.of());

        assertThat(audit.finding("shop").evidence()).containsEntry("MajorEngineVersion", "8.0");
        assertThat(audit.finding("shop").message()).contains("MySQL 8.0 ended on 2026-07-31");
        assertThat(audit.finding("wiki").status()).isEqualTo(Status.OK);
        assertThat(audit.finding("wiki").evidence()).containsEntry("MajorEngineVersion", "10.11");
        assertThat(audit.finding("old-wiki").status()).isEqualTo(Status.NOK);
        assertThat(RdsEngineSupportCheck.majorOf(VERSIONS, "aurora-mysql", "8.0.mysql_aurora.3.05.2"))
                .map(DbMajorEngineVersion::majorEngineVersion).hasValue("8.0");
    }

    @Test
    void anEngineWithoutLifecycleDataIsOkWithANote() {
        var audit = audit(List.of(db("erp").engine("oracle-ee").engineVersion("19.0.0.0.ru-2024-10.rur-2024-10.r1")
                .build(), db("crm").engine("sqlserver-se").engineVersion("15.00.4365.2.v1").build()), List.of());

        for (String id : List.of("erp", "crm")) {
            assertThat(audit.finding(id).status()).isEqualTo(Status.OK);
            assertThat(audit.finding(id).message()).startsWith("No lifecycle data: ");
        }
    }

    @Test
    void aCoveredEngineWhoseVersionIsNotListedOrAnUnknownVersionIsTodo() {
        var audit = audit(List.of(db("ancient").engineVersion("9.6.24").build(),
                db("mystery").engineVersion(null).build()), List.of());

        assertThat(audit.finding("ancient").status()).isEqualTo(Status.TODO);
        assertThat(audit.finding("ancient").message()).contains("none for version 9.6.24");
        assertThat(audit.finding("mystery").status()).isEqualTo(Status.TODO);
        assertThat(audit.finding("mystery").message()).startsWith("Engine version unknown");
    }

    @Test
    void aClusterIsJudgedOnceByItsOwnVersionAndItsMembersAreNot() {
        var cluster = new DbCluster("app", "arn:aws:rds:us-east-1:123456789012:cluster:app", "postgres", true, 7,
                true, true, List.of("app-1", "app-2"), "11.22");
        var audit = audit(List.of(db("app-1").cluster("app").engine("postgres").engineVersion("11.22").build(),
                        db("app-2").cluster("app").engine("postgres").engineVersion("11.22").build(),
                        db("orphan").cluster("gone").engine("postgres").engineVersion("16.2").build()),
                List.of(cluster, aurora("empty", true, 7, true)));

        assertThat(audit.findings()).extracting(Finding::resourceId)
                .containsExactlyInAnyOrder("app", "empty", "orphan");
        Finding app = audit.finding("app");
        assertThat(app.status()).isEqualTo(Status.NOK);
        assertThat(app.resourceType()).isEqualTo("AWS::RDS::DBCluster");
        assertThat(app.evidence()).containsEntry("Source", "DBCluster");
        assertThat(audit.finding("orphan").resourceType()).isEqualTo("AWS::RDS::DBInstance");
    }

    @Test
    void aFailedLifecycleReadIsATodoNamingTheAction() {
        var audit = CheckHarness.of(new RdsEngineSupportCheck())
                .with(RdsDatasets.DB_INSTANCES, List.of(db("orders").build()))
                .with(RdsDatasets.DB_CLUSTERS, List.of())
                .failing("us-east-1", RdsDatasets.MAJOR_ENGINE_VERSIONS, new CollectionFailure(
                        "rds:DescribeDBMajorEngineVersions", CollectionFailure.Kind.ACCESS_DENIED, "AccessDenied",
                        "not authorized"));

        assertThat(audit.findings()).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.TODO);
            assertThat(f.message()).contains("rds:DescribeDBMajorEngineVersions");
        });
    }
}
