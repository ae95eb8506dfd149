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

/** {@code --idle-days} and {@code --prices} on {@code check}. */
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
}
