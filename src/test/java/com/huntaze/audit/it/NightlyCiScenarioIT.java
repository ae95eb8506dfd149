package com.huntaze.audit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huntaze.audit.testing.CliRun;
import com.huntaze.audit.testing.JunitSchema;
import com.huntaze.audit.testing.Moto;
import com.huntaze.audit.testing.MotoServer;
import com.huntaze.audit.testing.ReportFindings;
import com.huntaze.audit.testing.Seed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * The "done when", end to end against moto: a nightly job keeps a baseline, a known NOK is an accepted
 * risk (reason and expiry in the config file), and when a new NOK appears the next night only that one fails the
 * job, under either gate: --fail-on-new against the baseline, or the plain fail-on with the suppression. The
 * Markdown shows "New since baseline" and "Accepted risks"; the JUnit XML validates against the JUnit schema.
 */
@ExtendWith(Moto.class)
class NightlyCiScenarioIT {

    private static final Set<String> CHECKS = Set.of("rds.multi-az", "rds.storage-encrypted");

    @TempDir
    Path work;

    private CliRun nightly(MotoServer moto, String... extra) {
        List<String> args = new ArrayList<>(List.of("check", "--endpoint-url", moto.endpoint().toString(),
                "--region", "us-east-1", "--checks", String.join(",", CHECKS)));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static JsonNode json(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    private static Path only(Path dir, String extension) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> matching = files.filter(p -> p.toString().endsWith("." + extension)).toList();
            assertThat(matching).hasSize(1);
            return matching.get(0);
        }
    }

    @Test
    void onlyTheNewNokFailsTheNightAfterTheKnownOneWasAccepted(MotoServer moto) throws IOException {
        // Night 1: orders-db is single-AZ (known, NOK); legacy-db is unencrypted (NOK); payments-db is fine.
        Seed.db(moto, "us-east-1", "orders-db", false, 7, false, true);
        Seed.db(moto, "us-east-1", "legacy-db", true, 7, false, false);
        Seed.db(moto, "us-east-1", "payments-db", true, 7, false, true);
        Path baseline = work.resolve("baseline.json");

        CliRun first = nightly(moto, "--format", "json", "--output", baseline.toString());

        assertThat(first.exitCode()).as(first.toString()).isEqualTo(1);
        assertThat(ReportFindings.statuses(json(baseline), CHECKS)).containsEntry("rds.multi-az us-east-1 orders-db", "NOK")
                .containsEntry("rds.storage-encrypted us-east-1 legacy-db", "NOK");

        // The team accepts orders-db's single AZ until a date, in the config file; legacy-db is deleted.
        String expires = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();
        Path config = Files.writeString(work.resolve("huntaze-audit.yml"), """
                suppressions:
                  - check: rds.multi-az
                    resource: orders-db
                    region: us-east-1
                    reason: Multi-AZ conversion scheduled in the maintenance window of PLAT-88.
                    by: maria.lopez@example.com
                    expires: %s
                """.formatted(expires));
        try (RdsClient rds = moto.configure(RdsClient.builder(), "us-east-1").build()) {
            rds.deleteDBInstance(r -> r.dbInstanceIdentifier("legacy-db").skipFinalSnapshot(true));
        }
        // Night 2: someone creates an unencrypted database.
        Seed.db(moto, "us-east-1", "reports-db", true, 7, false, false);
        Path reports = work.resolve("reports");

        CliRun second = nightly(moto, "--config", config.toString(), "--baseline", baseline.toString(),
                "--fail-on-new", "--format", "md,json,junit", "--output-dir", reports.toString());

        assertThat(second.exitCode()).as(second.toString()).isEqualTo(1);
        // Nothing on stderr but the end-of-run line naming the three files.
        assertThat(second.err()).startsWith("wrote " + reports).endsWith("; exit 1\n").hasLineCount(1);
        JsonNode report = json(only(reports, "json"));
        assertThat(ReportFindings.statuses(report, CHECKS)).isEqualTo(new java.util.TreeMap<>(Map.of(
                "rds.multi-az us-east-1 orders-db", "NOK",
                "rds.multi-az us-east-1 payments-db", "OK",
                "rds.multi-az us-east-1 reports-db", "OK",
                "rds.storage-encrypted us-east-1 orders-db", "OK",
                "rds.storage-encrypted us-east-1 payments-db", "OK",
                "rds.storage-encrypted us-east-1 reports-db", "NOK")));
        JsonNode accepted = ReportFindings.finding(report, "rds.multi-az", "us-east-1", "orders-db");
        assertThat(accepted.get("suppressed").asBoolean()).isTrue();
        assertThat(accepted.get("reason").asText()).startsWith("Multi-AZ conversion scheduled");
        assertThat(accepted.get("by").asText()).isEqualTo("maria.lopez@example.com");
        assertThat(accepted.get("expires").asText()).isEqualTo(expires);
        assertThat(accepted.get("change").asText()).isEqualTo("unchanged");
        JsonNode fresh = ReportFindings.finding(report, "rds.storage-encrypted", "us-east-1", "reports-db");
        assertThat(fresh.get("change").asText()).isEqualTo("new");
        assertThat(fresh.has("suppressed")).isFalse();
        assertThat(report.get("resolved")).hasSize(1);
        assertThat(report.get("resolved").get(0).get("resourceId").asText()).isEqualTo("legacy-db");
        assertThat(report.get("resolved").get(0).get("now").asText()).isEqualTo("absent");
        assertThat(report.get("summary").get("suppressed").asInt()).isEqualTo(1);

        String md = Files.readString(only(reports, "md"));
        String newSection = md.substring(md.indexOf("## New since baseline"), md.indexOf("## Resolved since baseline"));
        assertThat(newSection).contains("| ❌ NOK | `rds.storage-encrypted` | reports-db | us-east-1 |")
                .doesNotContain("orders-db");
        String resolvedSection = md.substring(md.indexOf("## Resolved since baseline"));
        assertThat(resolvedSection).contains("| ❌ NOK | `rds.storage-encrypted` | legacy-db | us-east-1 | gone |");
        String acceptedSection = md.substring(md.indexOf("## Accepted risks"));
        assertThat(acceptedSection).contains("| ❌ NOK | `rds.multi-az` | orders-db | us-east-1 | Multi-AZ conversion"
                + " scheduled in the maintenance window of PLAT-88. | maria.lopez@example.com | " + expires + " |");

        String xml = Files.readString(only(reports, "xml"));
        JunitSchema.validate(xml);
        assertThat(xml).containsOnlyOnce("<failure ").contains("name=\"us-east-1/reports-db\"")
                .contains("Accepted risk until " + expires);
        // The one failure is the one finding the run's gate failed on: the Tests tab is red exactly when the job is.
        List<String> failing = new ArrayList<>();
        report.get("findings").forEach(f -> {
            if (f.get("failsGate").asBoolean()) {
                failing.add(f.get("checkId").asText() + " " + f.get("resourceId").asText());
            }
        });
        assertThat(failing).containsExactly("rds.storage-encrypted reports-db");
        assertThat(xml.substring(xml.indexOf("<failure "))).startsWith("<failure type=\"NOK\" message=\"[high] ");
        assertThat(xml.substring(xml.lastIndexOf("<testcase ", xml.indexOf("<failure ")))).startsWith(
                "<testcase classname=\"rds.storage-encrypted\" name=\"us-east-1/reports-db\"");

        // "Only that one": accepting reports-db too turns both gates green.
        CliRun newAccepted = nightly(moto, "--config", config.toString(), "--baseline", baseline.toString(),
                "--fail-on-new", "--suppress", "rds.storage-encrypted:reports-db", "--reason", "encrypted copy on Monday");
        assertThat(newAccepted.exitCode()).as(newAccepted.toString()).isZero();

        // The other gate, without a baseline: the suppression alone keeps orders-db from failing the job.
        assertThat(nightly(moto, "--config", config.toString()).exitCode()).isEqualTo(1);
        CliRun bothAccepted = nightly(moto, "--config", config.toString(), "--suppress",
                "rds.storage-encrypted:reports-db", "--reason", "encrypted copy on Monday");
        assertThat(bothAccepted.exitCode()).as(bothAccepted.toString()).isZero();
        assertThat(bothAccepted.out()).contains("## Accepted risks");
        // And without the suppression the known NOK would still fail it.
        assertThat(nightly(moto, "--suppress", "rds.storage-encrypted:reports-db", "--reason", "x").exitCode())
                .isEqualTo(1);
    }

    @Test
    void anExpiredSuppressionFailsTheJobAgainAndTheReportSaysSo(MotoServer moto) throws IOException {
        Seed.db(moto, "us-east-1", "orders-db", false, 7, false, true);
        Path config = Files.writeString(work.resolve("huntaze-audit.yml"), """
                suppressions:
                  - check: rds.multi-az
                    resource: orders-*
                    reason: Until the conversion.
                    by: maria
                    expires: 2026-01-31
                """);

        CliRun run = nightly(moto, "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("`rds.multi-az` · severity", "| ❌ NOK | orders-db | us-east-1 |")
                .contains("Suppression expired on 2026-01-31.")
                .contains("## Suppressions to review")
                .contains("suppression expired on 2026-01-31");
    }
}
