package com.huntaze.audit.cli;

import static com.huntaze.audit.testing.ReportFindings.finding;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huntaze.audit.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --idle-days}, {@code --idle-requests-per-day}, {@code --unused-secret-days} and {@code --prices} on {@code check}. */
class SavingsOptionsTest {

    private static void assertUsageError(CliRun run, String expected) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("huntaze-audit: ").contains(expected).doesNotContain("Exception");
    }

    @Test
    void idleDaysMustBeADayOrMoreWithinWhatCloudWatchKeeps() {
        assertUsageError(CliRun.of("check", "--demo", "--idle-days", "0"), "--idle-days must be between 1 and 455");
        assertUsageError(CliRun.of("check", "--demo", "--idle-days", "456"), "--idle-days must be between 1 and 455");
        assertThat(CliRun.of("check", "--demo", "--idle-days", "week").exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void idleDaysIsTheLookbackTheIdleChecksState() {
        JsonNode report = CliRun.of("check", "--demo", "--format", "json", "--idle-days", "14").json();
        JsonNode idle = finding(report, "rds.idle-instance", "us-east-1", "analytics-db");
        assertThat(idle.get("message").asText()).contains("last 14 days");
        assertThat(idle.get("evidence").get("LookbackDays").asInt()).isEqualTo(14);
    }

    @Test
    void aMissingPricesFileIsAUsageErrorNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("missing.json");
        assertUsageError(CliRun.of("check", "--demo", "--prices", missing.toString()),
                "--prices " + missing + ": no such file");
    }

    @Test
    void aPricesFileThatIsNotAPriceTableIsAUsageErrorNamingFileAndProblem(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("prices.json");
        Files.writeString(bad, "{\"date\": \"2027-01-01\", \"regions\": {\"us-east-1\": {\"rds.mysql.instance-hour\":"
                + " {\"source\": \"x\", \"usd\": {\"db.t3.medium\": \"cheap\"}}}}}");
        assertUsageError(CliRun.of("check", "--demo", "--prices", bad.toString()),
                "--prices " + bad + ": \"rds.mysql.instance-hour\" in us-east-1 price of db.t3.medium must be a number");

        Files.writeString(bad, "{\"prices\": []}");
        assertUsageError(CliRun.of("check", "--demo", "--prices", bad.toString()), "--prices " + bad + ": unknown field \"prices\"");
    }

    @Test
    void aPricesFileChangesTheSavingsAndTheReportSaysWhereTheyComeFrom(@TempDir Path dir) throws IOException {
        Path prices = dir.resolve("edp.json");
        Files.writeString(prices, """
                {"date": "2027-01-15", "regions": {"us-east-1": {
                  "rds.mysql.instance-hour": {"source": "our EDP rates", "usd": {"db.t3.medium": 0.05}}}}}""");

        JsonNode report = CliRun.of("check", "--demo", "--format", "json", "--prices", prices.toString()).json();
        JsonNode idle = finding(report, "rds.idle-instance", "us-east-1", "analytics-db");
        assertThat(idle.get("estimatedMonthlySavingsUsd").asDouble()).isEqualTo(48.0); // 0.05 × 730 + 100 GB × 0.115
        assertThat(idle.get("evidence").get("PriceSource").asText()).isEqualTo("our EDP rates, 2027-01-15");
        // Figures the file does not give stay the embedded ones.
        assertThat(finding(report, "logs.retention", "us-east-1", "/ecs/prod/worker").get("estimatedMonthlySavingsUsd").asDouble())
                .isEqualTo(12.36);

        String md = CliRun.of("check", "--demo", "--prices", prices.toString()).out();
        assertThat(md).containsPattern("from the embedded price table of \\d{4}-\\d\\d-\\d\\d, extended by edp.json of 2027-01-15");
    }

    @Test
    void idleRequestsPerDayAndUnusedSecretDaysMustBeInTheirRanges() {
        assertUsageError(CliRun.of("check", "--demo", "--idle-requests-per-day", "0"),
                "--idle-requests-per-day must be between 1 and 10000000 (requests/day), not 0");
        assertUsageError(CliRun.of("check", "--demo", "--unused-secret-days", "-5"),
                "--unused-secret-days must be between 1 and 3650 (days), not -5");
        assertThat(CliRun.of("check", "--demo", "--unused-secret-days", "ninety").exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void idleRequestsPerDayDecidesWhichLoadBalancersAreIdle() {
        JsonNode defaults = CliRun.of("check", "--demo", "--format", "json").json();
        assertThat(finding(defaults, "elbv2.idle-load-balancer", "us-east-1", "internal-api").get("status").asText())
                .isEqualTo("OK");

        JsonNode strict = CliRun.of("check", "--demo", "--format", "json", "--idle-requests-per-day", "30000").json();
        JsonNode internal = finding(strict, "elbv2.idle-load-balancer", "us-east-1", "internal-api");
        assertThat(internal.get("status").asText()).isEqualTo("NOK");
        assertThat(internal.get("evidence").get("IdleRequestsPerDay").asInt()).isEqualTo(30000);
    }

    @Test
    void unusedSecretDaysIsTheLimitTheSecretFindingsState() {
        JsonNode report = CliRun.of("check", "--demo", "--format", "json", "--unused-secret-days", "3650").json();
        JsonNode legacy = finding(report, "secretsmanager.unused-secret", "us-east-1", "prod/legacy-smtp-password");
        assertThat(legacy.get("status").asText()).as("last read within 3650 days").isEqualTo("OK");
        assertThat(legacy.get("evidence").get("UnusedSecretDays").asInt()).isEqualTo(3650);
    }
}
