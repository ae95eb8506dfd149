package com.huntaze.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huntaze.audit.engine.CheckRegistry;
import com.huntaze.audit.engine.Domain;
import com.huntaze.audit.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config file through the CLI, on the demo account (the CLI's clock is real: dates are relative to today). */
class CheckCommandConfigTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @TempDir
    Path dir;

    private String config(String text) throws IOException {
        return Files.writeString(dir.resolve("huntaze-audit.yml"), text).toString();
    }

    @Test
    void anInvalidConfigIsExitTwoWithOneLineNamingFileLineAndKey() throws IOException {
        String file = config("thresholds:\n  minBackupDays: seven\n");

        CliRun run = CliRun.of("check", "--demo", "--config", file, "--format", "json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("huntaze-audit: config " + file
                + ":2: thresholds.minBackupDays: expected a whole number, not 'seven'" + System.lineSeparator());
    }

    @Test
    void aConfigFileGivenButMissingIsExitTwo() {
        String missing = dir.resolve("nope.yml").toString();

        CliRun run = CliRun.of("check", "--demo", "--config", missing);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("huntaze-audit: config " + missing + ": file not found");
    }

    @Test
    void anAttestationTurnsAManualItemOkWithItsEvidence() throws IOException {
        String file = config("""
                attestations:
                  - check: manual.load-test
                    by: sam@example.com
                    date: %s
                    note: 1200 rps for 20 min, p95 180 ms, p99 640 ms
                """.formatted(TODAY.minusDays(5)));

        CliRun run = CliRun.of("check", "--demo", "--config", file, "--format", "json");

        JsonNode loadTest = run.finding("manual.load-test", "global", "");
        assertThat(loadTest.get("status").asText()).isEqualTo("OK");
        assertThat(loadTest.get("evidence").get("AttestedBy").asText()).isEqualTo("sam@example.com");
        assertThat(loadTest.get("evidence").get("AttestedOn").asText()).isEqualTo(TODAY.minusDays(5).toString());
        assertThat(loadTest.get("evidence").get("Note").asText()).contains("p99 640 ms");
        assertThat(run.finding("manual.patching", "global", "").get("status").asText())
                .as("--config replaces the demo's own config").isEqualTo("TODO");
    }

    @Test
    void anExpiredAttestationIsTodoAgain() throws IOException {
        String file = config("""
                thresholds:
                  attestationMaxAgeDays: 30
                attestations:
                  - {check: manual.patching, by: ops, date: %s}
                """.formatted(TODAY.minusDays(31)));

        JsonNode patching = CliRun.of("check", "--demo", "--config", file, "--format", "json")
                .finding("manual.patching", "global", "");

        assertThat(patching.get("status").asText()).isEqualTo("TODO");
        assertThat(patching.get("message").asText()).contains("attestation expired").contains("31 days ago");
    }

    @Test
    void aCommandLineFlagWinsOverTheFile() throws IOException {
        String file = config("thresholds:\n  minBackupDays: 1\n");

        CliRun fromFile = CliRun.of("check", "--demo", "--config", file, "--format", "json");
        CliRun flagged = CliRun.of("check", "--demo", "--config", file, "--min-backup-days", "14", "--format", "json");

        // analytics-db keeps its backups 1 day.
        JsonNode lenient = fromFile.finding("rds.backup-retention", "us-east-1", "analytics-db");
        assertThat(lenient.get("status").asText()).isEqualTo("OK");
        assertThat(lenient.get("evidence").get("MinimumDays").asInt()).isEqualTo(1);
        JsonNode strict = flagged.finding("rds.backup-retention", "us-east-1", "analytics-db");
        assertThat(strict.get("status").asText()).isEqualTo("NOK");
        assertThat(strict.get("evidence").get("MinimumDays").asInt()).isEqualTo(14);
    }

    @Test
    void theDemoShowsEveryDomainAndOneAttestedByHandItem() {
        CliRun run = CliRun.of("check", "--demo", "--format", "json");
        JsonNode report = run.json();

        Set<String> domainsWithChecks = CheckRegistry.load().checks().stream()
                .map(c -> c.metadata().domain().id()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> domainsWithFindings = new TreeSet<>();
        Set<String> checkIdsWithFindings = new TreeSet<>();
        report.get("findings").forEach(f -> checkIdsWithFindings.add(f.get("checkId").asText()));
        report.get("checks").forEach(c -> {
            if (checkIdsWithFindings.contains(c.get("id").asText())) {
                domainsWithFindings.add(c.get("domain").asText());
            }
        });
        assertThat(domainsWithFindings).isEqualTo(domainsWithChecks).contains(Domain.PROCESS.id(), Domain.EMAIL.id());
        assertThat(run.finding("manual.patching", "global", "").get("status").asText()).isEqualTo("OK");
        JsonNode failover = run.finding("manual.failover-test", "global", "");
        assertThat(failover.get("status").asText()).isEqualTo("TODO");
        assertThat(failover.get("message").asText()).contains("attestation expired")
                .contains("events of the last 14 days");
        // One by-hand item turned OK by the account's own evidence: a restore job completed 20 days ago.
        JsonNode restore = run.finding("manual.restore-test", "global", "");
        assertThat(restore.get("status").asText()).isEqualTo("OK");
        assertThat(restore.get("evidence").get("RestoreJobId").asText()).isNotBlank();
        assertThat(restore.get("evidence").get("AgeDays").asInt()).isEqualTo(20);
        assertThat(restore.get("evidence").has("AttestedBy")).isFalse();
    }

    @Test
    void theMarkdownListsEachByHandItemAndShowsItsNumberedStepsInItsCheckSection() {
        String md = CliRun.of("check", "--demo").out();

        String byHand = md.substring(md.indexOf("## To verify by hand"), md.indexOf("## OK findings"));
        assertThat(byHand).contains("- [ ] **Staging has been load-tested at the expected peak** (`manual.load-test`,"
                        + " (account), global): Cannot be verified through the AWS API: ")
                .contains("Steps: in its section above.")
                .doesNotContain("`manual.restore-test`");
        String loadTest = md.substring(md.indexOf("## ⚠️ TODO: Staging has been load-tested at the expected peak"));
        loadTest = loadTest.substring(0, loadTest.indexOf("\n## ", 1));
        assertThat(loadTest).contains("| ⚠️ TODO | (account) | global |")
                .contains("\n1. Write down the expected peak")
                .contains("\n2. Size staging like production");
        String ok = md.substring(md.indexOf("## OK findings"));
        assertThat(ok).contains("| (account) | global | `manual.patching` | Attested by maria.lopez@example.com")
                .contains("| (account) | global | `manual.restore-test` | AWS Backup restore job ");
    }
}
