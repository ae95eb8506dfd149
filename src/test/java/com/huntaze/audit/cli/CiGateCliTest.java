package com.huntaze.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huntaze.audit.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CI gate on the demo account: exit codes under --fail-on, --min-severity, --suppress and --baseline, report
 * files in --output-dir, and the usage errors of these options. The demo has NOK findings of every severity
 * (critical: iam.root-access-keys, rds.public-access on analytics-db and ec2.security-group-open-ports on three
 * security groups) and by-hand TODOs of high and medium checks.
 */
class CiGateCliTest {

    @TempDir
    Path dir;

    private static CliRun demo(String... extra) {
        List<String> args = new ArrayList<>(List.of("check", "--demo"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    static Stream<Arguments> gates() {
        String[] criticalAccepted = {"--suppress", "iam.root-access-keys", "--suppress", "rds.public-access:analytics-db",
                "--suppress", "ec2.security-group-open-ports",
                "--suppress", "amplify.no-aws-keys-in-env:d2k4q8m1x7z3pa",
                "--suppress", "acm.certificate-renewal",
                "--suppress", "s3.public-access-block", "--reason", "accepted for the test"};
        return Stream.of(
                Arguments.of(List.of(), ExitCode.NOK),
                Arguments.of(List.of("--fail-on", "nok"), ExitCode.NOK),
                Arguments.of(List.of("--fail-on", "never"), ExitCode.OK),
                Arguments.of(List.of("--min-severity", "critical"), ExitCode.NOK),
                Arguments.of(concat(List.of("--min-severity", "critical"), criticalAccepted), ExitCode.OK),
                Arguments.of(concat(List.of("--min-severity", "high"), criticalAccepted), ExitCode.NOK),
                Arguments.of(concat(List.of("--fail-on", "todo", "--min-severity", "CRITICAL"), criticalAccepted),
                        ExitCode.OK),
                // The by-hand checks alone: TODOs of high and medium checks, no NOK.
                Arguments.of(List.of("--checks", "manual.*"), ExitCode.OK),
                Arguments.of(List.of("--checks", "manual.*", "--fail-on", "todo"), ExitCode.NOK),
                Arguments.of(List.of("--checks", "manual.*", "--fail-on", "todo", "--min-severity", "high"), ExitCode.NOK),
                Arguments.of(List.of("--checks", "manual.*", "--fail-on", "todo", "--min-severity", "critical"),
                        ExitCode.OK),
                Arguments.of(List.of("--checks", "manual.*", "--fail-on", "todo", "--suppress", "manual.*", "--reason",
                        "launch postponed"), ExitCode.OK));
    }

    private static List<String> concat(List<String> a, String... b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(List.of(b));
        return all;
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("gates")
    void theExitCodeFollowsTheGate(List<String> options, int expected) {
        CliRun run = demo(concat(options, "--format", "json").toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(expected);
        assertThat(run.err()).isEmpty();
        // The exit code is what the findings' failsGate say, and every finding has it.
        List<Boolean> failsGate = new ArrayList<>();
        run.json().get("findings").forEach(f -> failsGate.add(f.get("failsGate").isBoolean()
                ? f.get("failsGate").booleanValue() : null));
        assertThat(failsGate).doesNotContainNull();
        assertThat(failsGate.contains(true)).isEqualTo(expected == ExitCode.NOK);
        // Whatever the gate, the report has every finding.
        assertThat(run.json().get("findings").size()).isEqualTo(demo("--format", "json", "--checks",
                options.contains("manual.*") ? "manual.*" : "*").json().get("findings").size());
    }

    @Test
    void aOneOffSuppressionIsAnAcceptedRiskOfThisRunOnly() {
        CliRun run = demo("--format", "json", "--suppress", "rds.public-access:analytics-db", "--reason", "VPN-only, ticket SEC-9");

        JsonNode f = run.finding("rds.public-access", "us-east-1", "analytics-db");
        assertThat(f.get("status").asText()).isEqualTo("NOK");
        assertThat(f.get("suppressed").asBoolean()).isTrue();
        assertThat(f.get("reason").asText()).isEqualTo("VPN-only, ticket SEC-9");
        assertThat(f.has("by")).as("no one is named on the command line").isFalse();
        assertThat(f.get("expires").asText()).isEqualTo(run.json().get("generatedAt").asText().substring(0, 10));
        JsonNode entry = run.json().get("suppressions").get(run.json().get("suppressions").size() - 1);
        assertThat(entry.get("source").asText()).isEqualTo("--suppress");
        assertThat(entry.get("state").asText()).isEqualTo("applied");
    }

    @Test
    void aStaleSuppressionIsOneWarningLineAndListedInTheReport() throws IOException {
        Path config = Files.writeString(dir.resolve("huntaze-audit.yml"), """
                suppressions:
                  - check: rds.multi-az
                    resource: decommissioned-db
                    reason: Being deleted.
                    by: sam
                    expires: 2099-01-01
                  - check: rds.multi-az
                    resource: analytics-db
                    reason: Reporting only.
                    by: sam
                    expires: 2099-01-01
                """);

        CliRun run = demo("--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.NOK);
        assertThat(run.err().lines()).containsExactly("huntaze-audit: warning: 1 suppression matches no NOK or TODO"
                + " finding (stale; remove or fix it): rds.multi-az:decommissioned-db (" + config + ":2)");
        String review = run.out().substring(run.out().indexOf("## Suppressions to review"));
        assertThat(review).contains("`rds.multi-az` `decommissioned-db` (" + config + ":2): stale, it matched no NOK"
                + " or TODO finding");
        assertThat(run.out()).contains("## Accepted risks").contains("| ❌ NOK | `rds.multi-az` | analytics-db | us-east-1 |"
                + " Reporting only. | sam | 2099-01-01 |");
    }

    @Test
    void severalFormatsGoToTheOutputDirectoryOneFileEachNamedAfterAccountAndTime() throws IOException {
        Path out = dir.resolve("reports/nightly");

        CliRun run = demo("--format", "md,json,junit", "--output-dir", out.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.NOK);
        assertThat(run.out()).isEmpty();
        List<String> names;
        try (Stream<Path> files = Files.list(out)) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(names).hasSize(3);
        String stem = names.get(0).substring(0, names.get(0).lastIndexOf('.'));
        assertThat(stem).matches("huntaze-audit-111122223333-\\d{8}T\\d{6}Z");
        assertThat(names).containsExactly(stem + ".json", stem + ".md", stem + ".xml");
        JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve(stem + ".json").toFile());
        assertThat(stem).endsWith(json.get("generatedAt").asText().replace("-", "").replace(":", ""));
        assertThat(Files.readString(out.resolve(stem + ".md"))).startsWith("# Launch-readiness audit");
        assertThat(Files.readString(out.resolve(stem + ".xml"))).startsWith("<?xml");
    }

    @Test
    void aBaselineMarksFindingsAndFailOnNewFailsOnlyOnNewNoks() throws IOException {
        Path baseline = dir.resolve("baseline.json");
        assertThat(demo("--checks", "rds.*", "--format", "json", "--output", baseline.toString()).exitCode())
                .isEqualTo(ExitCode.NOK);

        CliRun same = demo("--checks", "rds.*", "--format", "json", "--baseline", baseline.toString(), "--fail-on-new");
        assertThat(same.exitCode()).as("nothing new").isEqualTo(ExitCode.OK);
        same.json().get("findings").forEach(f -> assertThat(f.get("change").asText()).isEqualTo("unchanged"));
        assertThat(same.json().get("resolved").size()).isZero();
        assertThat(demo("--checks", "rds.*", "--baseline", baseline.toString()).exitCode())
                .as("without --fail-on-new the known NOKs still fail").isEqualTo(ExitCode.NOK);

        CliRun wider = demo("--checks", "rds.*,iam.*", "--format", "json", "--baseline", baseline.toString(),
                "--fail-on-new");
        assertThat(wider.exitCode()).as("the iam NOKs are new").isEqualTo(ExitCode.NOK);
        assertThat(wider.finding("iam.user-mfa", "global", "bob.nguyen").get("change").asText()).isEqualTo("new");
        assertThat(wider.finding("rds.multi-az", "us-east-1", "analytics-db").get("change").asText()).isEqualTo("unchanged");

        CliRun narrower = demo("--checks", "rds.multi-az", "--baseline", baseline.toString(), "--fail-on-new");
        assertThat(narrower.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(narrower.out()).contains("## New since baseline\n\nCompared with the report generated ")
                .contains("No new NOK or TODO finding.").contains("## Resolved since baseline\n\nNothing resolved.");
        assertThat(narrower.out().indexOf("## New since baseline")).as("the Markdown opens with the changes")
                .isLessThan(narrower.out().indexOf("## Checks"));
    }

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of(List.of("--suppress", "rds.multi-az"), "--suppress needs --reason TEXT"),
                Arguments.of(List.of("--suppress", "rds.multi-az", "--reason", " "), "--suppress needs --reason TEXT"),
                Arguments.of(List.of("--reason", "because"), "--reason goes with --suppress"),
                Arguments.of(List.of("--suppress", "rds.multi-zone", "--reason", "r"),
                        "--suppress: no check matches 'rds.multi-zone'"),
                Arguments.of(List.of("--suppress", "rds.multi-az:re:orders-(", "--reason", "r"),
                        "--suppress 'rds.multi-az:re:orders-(': invalid regular expression"),
                Arguments.of(List.of("--suppress", ":db", "--reason", "r"), "expected CHECK or CHECK:RESOURCE"),
                Arguments.of(List.of("--fail-on-new"), "--fail-on-new needs --baseline"),
                Arguments.of(List.of("--fail-on", "sometimes"), "--fail-on"),
                Arguments.of(List.of("--min-severity", "severe"), "expected low, medium, high or critical, not 'severe'"),
                Arguments.of(List.of("--format", "md,json"), "several formats (--format md,json) need --output-dir DIR"),
                Arguments.of(List.of("--format", "md,junit", "--output", "r.md"), "need --output-dir DIR, not --output"),
                Arguments.of(List.of("--output", "r.md", "--output-dir", "reports"),
                        "--output and --output-dir cannot be combined"),
                Arguments.of(List.of("--baseline", "no-such-baseline.json"), "--baseline no-such-baseline.json: file not found"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("usageErrors")
    void misusedGateOptionsAreOneLineAndExitTwo(List<String> options, String expected) {
        CliRun run = demo(options.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("huntaze-audit: ").contains(expected);
    }

    @Test
    void aBaselineOfAnotherAccountOrSchemaIsAUsageError() throws IOException {
        String report = demo("--format", "json").out();
        Path other = Files.writeString(dir.resolve("other.json"), report.replace("111122223333", "999988887777"));
        Path future = Files.writeString(dir.resolve("future.json"), report.replace("\"schemaVersion\" : 1",
                "\"schemaVersion\" : 2"));
        Path markdown = Files.writeString(dir.resolve("report.md"), demo().out());

        CliRun otherRun = demo("--baseline", other.toString(), "--fail-on", "never");
        assertThat(otherRun.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(otherRun.err().strip()).isEqualTo("huntaze-audit: --baseline " + other + " is a report of account"
                + " 999988887777, not of the audited account 111122223333");
        assertThat(otherRun.out()).as("no report is written").isEmpty();

        CliRun futureRun = demo("--baseline", future.toString());
        assertThat(futureRun.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(futureRun.err().strip()).isEqualTo("huntaze-audit: --baseline " + future + ": schemaVersion 2 is"
                + " not supported: this version of huntaze-audit reads schemaVersion 1");

        CliRun markdownRun = demo("--baseline", markdown.toString());
        assertThat(markdownRun.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(markdownRun.err()).startsWith("huntaze-audit: --baseline " + markdown
                + ": not a huntaze-audit JSON report").hasLineCount(1);
    }
}
