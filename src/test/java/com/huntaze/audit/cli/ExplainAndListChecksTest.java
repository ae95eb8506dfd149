package com.huntaze.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huntaze.audit.engine.CheckRegistry;
import com.huntaze.audit.testing.CliRun;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code explain CHECK-ID} tells everything about one check; {@code list-checks --format json} gives the same fields
 * for every check, and {@code --domain}/{@code --service} filter the list.
 */
class ExplainAndListChecksTest {

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(c -> ids.add(c.get("id").asText()));
        return ids;
    }

    @Test
    void explainTellsWhatACheckVerifiesWhyHowToFixWhatTunesItAndWhatItNeeds() {
        CliRun run = CliRun.of("explain", "rds.backup-retention");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("rds.backup-retention: RDS automated backups are kept long enough\n")
                .contains("Domain:    reliability", "Severity:  high", "Service:   rds (regional)")
                .contains("What it verifies:\n  RDS automated backups are kept long enough (each AWS::RDS::DBInstance,"
                        + " in every audited region)")
                .contains("Why it matters:\n  Automated backups give point-in-time restore.")
                .contains("How to fix:\n  Raise the retention")
                .contains("Verify by hand (read-only):\n  aws rds describe-db-instances")
                .contains("  minBackupDays = 7 days (range 1-35)", "--min-backup-days N, --threshold minBackupDays=N")
                .contains("IAM actions it needs:\n  rds:DescribeDBClusters\n  rds:DescribeDBInstances\n")
                .contains("Datasets it reads:\n  rds.dbClusters\n  rds.dbInstances\n");
        // Prose is wrapped for a terminal; the command stays on one line, to be pasted whole.
        assertThat(run.out().lines().filter(line -> !line.startsWith("  aws ")))
                .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(100));
    }

    @Test
    void explainOfAMetricsCheckNamesTheCloudWatchActionItsMetricsTake() {
        CliRun run = CliRun.of("explain", "rds.idle-instance");

        assertThat(run.out()).contains("  cloudwatch:GetMetricData\n").contains("Thresholds:\n  idleDays = ");
    }

    @Test
    void explainOfAnUnknownCheckSuggestsTheNearestIds() {
        CliRun run = CliRun.of("explain", "rds.multi-zone");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("huntaze-audit: explain: unknown check 'rds.multi-zone'; did you mean"
                + " `rds.multi-az`? (see huntaze-audit list-checks)\n");
        assertThat(CliRun.of("explain").exitCode()).as("the id is required").isEqualTo(ExitCode.USAGE);
    }

    @Test
    void listChecksAsJsonGivesEveryCheckWithTheFieldsOfExplain() {
        CliRun run = CliRun.of("list-checks", "--format", "json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode checks = run.json();
        assertThat(ids(checks)).isEqualTo(CheckRegistry.load().checks().stream().map(c -> c.id()).toList());
        JsonNode retention = checks.findParents("id").stream()
                .filter(c -> c.get("id").asText().equals("rds.backup-retention")).findFirst().orElseThrow();
        List<String> fields = new ArrayList<>();
        retention.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("id", "title", "domain", "severity", "service", "scope", "resourceType",
                "verifies", "rationale", "remediation", "verifyCommand", "thresholds", "settings", "iamActions",
                "datasets");
        JsonNode threshold = retention.get("thresholds").get(0);
        assertThat(threshold.get("key").asText()).isEqualTo("minBackupDays");
        assertThat(threshold.get("default").asInt()).isEqualTo(7);
        assertThat(threshold.get("min").asInt()).isEqualTo(1);
        assertThat(threshold.get("max").asInt()).isEqualTo(35);
        assertThat(threshold.get("flag").asText()).isEqualTo("--min-backup-days");
        assertThat(retention.get("iamActions").toString()).isEqualTo("[\"rds:DescribeDBClusters\",\"rds:DescribeDBInstances\"]");
    }

    @Test
    void domainAndServiceFilterTheList() {
        CliRun cost = CliRun.of("list-checks", "--domain", "cost", "--service", "rds", "--format", "json");
        assertThat(ids(cost.json())).containsExactly("rds.idle-instance");

        CliRun security = CliRun.of("list-checks", "--domain", "security");
        assertThat(security.out().lines().skip(1)).isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains("  security  "));

        CliRun rds = CliRun.of("list-checks", "--service", "rds");
        assertThat(rds.out().lines().skip(1)).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("rds."));
    }

    @Test
    void anUnknownDomainOrServiceIsAUsageErrorNamingTheKnownOnes() {
        CliRun domain = CliRun.of("list-checks", "--domain", "secrity");
        assertThat(domain.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(domain.err()).isEqualTo("huntaze-audit: --domain 'secrity': unknown domain; known: reliability,"
                + " security, cost, observability, email, process; did you mean `security`?\n");

        CliRun service = CliRun.of("list-checks", "--service", "rdss");
        assertThat(service.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(service.err()).startsWith("huntaze-audit: --service 'rdss': unknown service; known: acm, ")
                .contains(" rds, ").endsWith("; did you mean `rds`?\n");

        assertThat(CliRun.of("list-checks", "--thresholds", "--format", "json").exitCode()).isEqualTo(ExitCode.USAGE);
    }
}
