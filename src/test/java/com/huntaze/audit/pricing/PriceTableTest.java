package com.huntaze.audit.pricing;

import com.huntaze.audit.services.ServiceCatalog;
import com.huntaze.audit.services.secretsmanager.SecretsManagerAuditService;
import com.huntaze.audit.services.rds.RdsAuditService;
import com.huntaze.audit.services.logs.LogsAuditService;
import com.huntaze.audit.services.elbv2.Elbv2AuditService;
import com.huntaze.audit.services.elasticache.ElastiCacheAuditService;
import com.huntaze.audit.services.ecs.EcsAuditService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceTableTest {

    private static final PriceTable EMBEDDED = ServiceCatalog.current().prices();

    @Test
    void theEmbeddedTableIsDatedAndCoversEveryItemInUsEast1() {
        assertThat(EMBEDDED.date()).matches("\\d{4}-\\d\\d-\\d\\d");
        assertThat(EMBEDDED.origin()).isEqualTo("embedded price table of " + EMBEDDED.date());
        for (String item : List.of(Elbv2AuditService.PUBLIC_IPV4_HOUR, EcsAuditService.FARGATE_VCPU_HOUR, EcsAuditService.FARGATE_GB_HOUR,
                LogsAuditService.STORAGE_GB_MONTH, SecretsManagerAuditService.SECRET_MONTH)) {
            assertThat(EMBEDDED.price("us-east-1", item)).as(item).isPresent();
        }
        assertThat(EMBEDDED.price("us-east-1", Elbv2AuditService.LOAD_BALANCER_HOUR, "application")).isPresent();
        assertThat(EMBEDDED.price("us-east-1", Elbv2AuditService.LOAD_BALANCER_HOUR, "network")).isPresent();
        assertThat(EMBEDDED.price("us-east-1", ElastiCacheAuditService.NODE_HOUR, "cache.r7g.large")).isPresent();
        assertThat(EMBEDDED.price("us-east-1", RdsAuditService.STORAGE_GB_MONTH, "gp3")).isPresent();
        for (String engine : List.of("postgres", "mysql")) {
            for (String size : List.of("db.t3.micro", "db.t4g.large", "db.m5.4xlarge", "db.m6g.large", "db.m7g.2xlarge",
                    "db.r5.xlarge", "db.r6g.4xlarge", "db.r7g.large")) {
                assertThat(EMBEDDED.price("us-east-1", RdsAuditService.instanceHour(engine), size)).as(engine + " " + size)
                        .isPresent();
            }
        }
        assertThat(EMBEDDED.price("us-east-1", SecretsManagerAuditService.SECRET_MONTH).orElseThrow().usd()).isEqualTo(0.40);
    }

    @Test
    void aFigureCarriesItsSourceAndDate() {
        Price p = EMBEDDED.price("eu-west-1", Elbv2AuditService.LOAD_BALANCER_HOUR, "application").orElseThrow();
        assertThat(p.region()).isEqualTo("eu-west-1");
        assertThat(p.fromFallbackRegion()).isFalse();
        assertThat(p.fallbackNote()).isNull();
        assertThat(p.sourceNote()).isEqualTo("https://aws.amazon.com/elasticloadbalancing/pricing/, " + EMBEDDED.date());
    }

    @Test
    void aRegionOrTypeTheTableLacksFallsBackToUsEast1AndSaysSo() {
        Price unknownRegion = EMBEDDED.price("ap-south-1", LogsAuditService.STORAGE_GB_MONTH).orElseThrow();
        assertThat(unknownRegion.region()).isEqualTo("us-east-1");
        assertThat(unknownRegion.requestedRegion()).isEqualTo("ap-south-1");
        assertThat(unknownRegion.fallbackNote())
                .isEqualTo("us-east-1 price used: the price table has no ap-south-1 figure for logs.storage-gb-month");

        Price unknownType = EMBEDDED.price("eu-west-1", RdsAuditService.instanceHour("postgres"), "db.r7g.4xlarge").orElseThrow();
        assertThat(unknownType.fromFallbackRegion()).isTrue();
        assertThat(unknownType.usd()).isEqualTo(
                EMBEDDED.price("us-east-1", RdsAuditService.instanceHour("postgres"), "db.r7g.4xlarge").orElseThrow().usd());
    }

    @Test
    void aTypeNowhereInTheTableIsUnknown() {
        assertThat(EMBEDDED.price("us-east-1", RdsAuditService.instanceHour("postgres"), "db.z9.huge")).isEmpty();
        assertThat(EMBEDDED.price("us-east-1", RdsAuditService.instanceHour("oracle-ee"), "db.m5.large")).isEmpty();
    }

    @Test
    void rdsEnginesMapToTheirPriceItems() {
        assertThat(RdsAuditService.instanceHour("postgres")).isEqualTo("rds.postgres.instance-hour");
        assertThat(RdsAuditService.instanceHour("mariadb")).isEqualTo("rds.mysql.instance-hour");
        assertThat(RdsAuditService.instanceHour("aurora")).isEqualTo("rds.aurora-mysql.instance-hour");
        assertThat(RdsAuditService.instanceHour("aurora-postgresql")).isEqualTo("rds.aurora-postgresql.instance-hour");
    }

    @Test
    void aUsersTableExtendsTheEmbeddedOneFigureByFigure() {
        PriceTable custom = PriceTable.parse("""
                {"date": "2027-02-01", "regions": {
                  "eu-west-1": {"rds.postgres.instance-hour": {"source": "EDP contract", "usd": {"db.t3.micro": 0.011}}},
                  "sa-east-1": {"logs.storage-gb-month": {"source": "console", "date": "2027-01-20", "usd": 0.05}}}}""",
                "mine.json", ServiceCatalog.current().priceItems());
        PriceTable merged = EMBEDDED.extendedBy(custom);

        Price replaced = merged.price("eu-west-1", RdsAuditService.instanceHour("postgres"), "db.t3.micro").orElseThrow();
        assertThat(replaced.usd()).isEqualTo(0.011);
        assertThat(replaced.sourceNote()).isEqualTo("EDP contract, 2027-02-01");
        // Other figures of the same item and region are kept.
        assertThat(merged.price("eu-west-1", RdsAuditService.instanceHour("postgres"), "db.t3.small"))
                .isEqualTo(EMBEDDED.price("eu-west-1", RdsAuditService.instanceHour("postgres"), "db.t3.small"));
        Price added = merged.price("sa-east-1", LogsAuditService.STORAGE_GB_MONTH).orElseThrow();
        assertThat(added.usd()).isEqualTo(0.05);
        assertThat(added.date()).as("an item's own date").isEqualTo("2027-01-20");
        assertThat(merged.origin()).isEqualTo(EMBEDDED.origin() + ", extended by mine.json of 2027-02-01");
        assertThat(merged.date()).isEqualTo("2027-02-01");
        // The embedded table itself is unchanged.
        assertThat(EMBEDDED.price("sa-east-1", LogsAuditService.STORAGE_GB_MONTH).orElseThrow().fromFallbackRegion()).isTrue();
    }

    @Test
    void aUsersTableCanReplaceTheEmbeddedOne() {
        PriceTable only = EMBEDDED.extendedBy(PriceTable.parse("""
                {"date": "2027-02-01", "replacesEmbedded": true, "regions": {
                  "us-east-1": {"secretsmanager.secret-month": {"source": "negotiated", "usd": 0.3}}}}""", "only.json", ServiceCatalog.current().priceItems()));

        assertThat(only.price("us-east-1", SecretsManagerAuditService.SECRET_MONTH).orElseThrow().usd()).isEqualTo(0.3);
        assertThat(only.price("us-east-1", LogsAuditService.STORAGE_GB_MONTH)).isEmpty();
        assertThat(only.origin()).isEqualTo("only.json of 2027-02-01");
    }

    @Test
    void aFileIsReadFromDisk(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("p.json");
        Files.writeString(file, "{\"date\": \"2027-03-01\", \"regions\": {}}");
        assertThat(PriceTable.read(file, ServiceCatalog.current().priceItems()).origin()).isEqualTo("p.json of 2027-03-01");
        assertThatThrownBy(() -> PriceTable.read(dir.resolve("missing.json"), ServiceCatalog.current().priceItems()))
                .isInstanceOf(PriceTableException.class).hasMessage("no such file");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not json at all                                                       | not valid JSON",
        "[1, 2]                                                                | not a price table",
        "{\"regions\": {}}                                                     | \"date\" is missing",
        "{\"date\": \"yesterday\", \"regions\": {}}                            | \"date\" must be a date like 2026-11-22",
        "{\"date\": \"2027-01-01\"}                                            | \"regions\" is missing",
        "{\"date\": \"2027-01-01\", \"regions\": {}, \"currency\": \"EUR\"}    | unknown field \"currency\"",
        "{\"date\": \"2027-01-01\", \"regions\": {\"moon-1\": {}}}             | \"moon-1\" is not a region name",
        "{\"date\": \"2027-01-01\", \"regions\": {\"us-east-1\": {\"ec2.instance-hour\": {\"source\": \"x\", \"usd\": 1}}}} | unknown price item \"ec2.instance-hour\"",
        "{\"date\": \"2027-01-01\", \"regions\": {\"us-east-1\": {\"vpc.public-ipv4-hour\": {\"usd\": 0.005}}}} | has no \"source\"",
        "{\"date\": \"2027-01-01\", \"regions\": {\"us-east-1\": {\"vpc.public-ipv4-hour\": {\"source\": \"x\", \"usd\": -1}}}} | must be a number of US dollars >= 0",
        "{\"date\": \"2027-01-01\", \"regions\": {\"us-east-1\": {\"vpc.public-ipv4-hour\": {\"source\": \"x\", \"usd\": \"0.005\"}}}} | must be a number of US dollars >= 0",
        "{\"date\": \"2027-01-01\", \"regions\": {\"us-east-1\": {\"elasticache.node-hour\": {\"source\": \"x\", \"usd\": 0.1}}}} | must be an object of type → price",
        "{\"date\": \"2027-01-01\", \"regions\": {\"us-east-1\": {\"rds.mysql.instance-hour\": {\"source\": \"x\", \"usd\": {\"db.t3.micro\": null}}}}} | price of db.t3.micro must be a number",
    })
    void anInvalidTableIsRejectedNamingTheProblem(String json, String problem) {
        assertThatThrownBy(() -> PriceTable.parse(json, "bad.json", ServiceCatalog.current().priceItems()))
                .isInstanceOf(PriceTableException.class).hasMessageContaining(problem);
    }
}
