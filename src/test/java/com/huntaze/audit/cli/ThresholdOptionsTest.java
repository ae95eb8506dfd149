package com.huntaze.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huntaze.audit.engine.CheckRegistry;
import com.huntaze.audit.engine.Threshold;
import com.huntaze.audit.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Thresholds on the command line and in the config file: one declaration each, so the same range, and word for word
 * the same message after where the value was given (the file's {@code file:line: thresholds.KEY: }, or the flag).
 */
class ThresholdOptionsTest {

    private static final Map<String, Threshold> DECLARED = CheckRegistry.load().thresholds();

    @TempDir
    Path dir;

    /** Every declared threshold, just below its minimum and just above its maximum. */
    static Stream<Arguments> outOfRange() {
        return DECLARED.values().stream().flatMap(t -> Stream.of(
                Arguments.of(t.key(), t.min() - 1), Arguments.of(t.key(), t.max() + 1)));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("outOfRange")
    void theFileAndEveryFlagRejectAValueOutOfRangeWithTheSameWords(String key, int value) throws IOException {
        Threshold threshold = DECLARED.get(key);
        String tail = threshold.problem(value);
        assertThat(tail).isNotNull().startsWith("must be between " + threshold.min() + " and " + threshold.max());
        Path config = Files.writeString(dir.resolve("huntaze-audit.yml"), "thresholds:\n  " + key + ": " + value + "\n");

        String fromFile = usageError(CliRun.of("check", "--demo", "--config", config.toString()));
        String fromOption = usageError(CliRun.of("check", "--demo", "--threshold", key + "=" + value));

        assertThat(fromFile).isEqualTo("huntaze-audit: config " + config + ":2: thresholds." + key + ": " + tail);
        assertThat(fromOption).isEqualTo("huntaze-audit: --threshold " + key + " " + tail);
        if (threshold.flag() != null) {
            String fromAlias = usageError(CliRun.of("check", "--demo", threshold.flag(), String.valueOf(value)));
            assertThat(fromAlias).isEqualTo("huntaze-audit: " + threshold.flag() + " " + tail);
        }
    }

    /** The values the config file used to accept while the flags refused them. */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource
    void theFileRefusesWhatTheFlagsRefuse(String key, int value, String problem) throws IOException {
        Path config = Files.writeString(dir.resolve("huntaze-audit.yml"), "thresholds:\n  " + key + ": " + value + "\n");

        assertThat(usageError(CliRun.of("check", "--demo", "--config", config.toString())))
                .isEqualTo("huntaze-audit: config " + config + ":2: thresholds." + key + ": " + problem);
    }

    static Stream<Arguments> theFileRefusesWhatTheFlagsRefuse() {
        return Stream.of(
                Arguments.of("idleDays", 0, "must be between 1 and 455 (days), not 0"),
                Arguments.of("rightsizingUtilizationPercent", 500, "must be between 1 and 100 (percent), not 500"),
                Arguments.of("minBackupDays", 0, "must be between 1 and 35 (days), not 0"));
    }

    @Test
    void theReadmeTableGivesEachThresholdsDefaultRangeAndFlag() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (Threshold t : DECLARED.values()) {
            assertThat(readme).as(t.key()).contains("| `" + t.key() + "` | " + t.defaultValue() + " | " + t.min() + "–"
                    + t.max() + " " + t.unit() + " " + (t.flag() == null ? "| |" : "| `" + t.flag() + "` |"));
        }
    }

    /** Exit 2, nothing on stdout, one line on stderr: that line. */
    private static String usageError(CliRun run) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(run.out()).as(run.toString()).isEmpty();
        assertThat(run.err().lines()).as(run.toString()).hasSize(1);
        return run.err().strip();
    }

    @Test
    void theThresholdOptionIsTheAliasWrittenAsKeyEqualsValue() {
        CliRun alias = CliRun.of("check", "--demo", "--format", "json", "--idle-days", "30");
        CliRun generic = CliRun.of("check", "--demo", "--format", "json", "--threshold", "idleDays=30");

        JsonNode idle = generic.finding("rds.idle-instance", "us-east-1", "analytics-db");
        assertThat(idle.get("evidence").get("LookbackDays").asInt()).isEqualTo(30);
        assertThat(generic.exitCode()).isEqualTo(alias.exitCode());
        assertThat(generic.json().get("findings")).isEqualTo(alias.json().get("findings"));
    }

    @Test
    void aThresholdWithoutAFlagIsSetWithTheThresholdOptionAndWinsOverTheFile() throws IOException {
        Path config = Files.writeString(dir.resolve("c.yml"), "thresholds:\n  idleDays: 10\n  rightsizingDays: 3\n");

        CliRun fromFile = CliRun.of("check", "--demo", "--format", "json", "--config", config.toString());
        CliRun flagged = CliRun.of("check", "--demo", "--format", "json", "--config", config.toString(),
                "--threshold", "idleDays=20", "--threshold", "rightsizingUtilizationPercent=100");

        assertThat(fromFile.finding("rds.idle-instance", "us-east-1", "analytics-db").get("evidence")
                .get("LookbackDays").asInt()).isEqualTo(10);
        assertThat(flagged.finding("rds.idle-instance", "us-east-1", "analytics-db").get("evidence")
                .get("LookbackDays").asInt()).as("the command line wins over the file").isEqualTo(20);
        assertThat(flagged.out()).contains("\"UtilizationPercent\" : 100");
    }

    @Test
    void oneKeyGivenTwiceOnTheCommandLineIsAUsageError() {
        assertThat(usageError(CliRun.of("check", "--demo", "--threshold", "idleDays=3", "--threshold", "idleDays=3")))
                .isEqualTo("huntaze-audit: threshold idleDays is given twice on the command line (--threshold idleDays"
                        + " and --threshold idleDays)");
        assertThat(usageError(CliRun.of("check", "--demo", "--idle-days", "3", "--threshold", "idleDays=4")))
                .isEqualTo("huntaze-audit: threshold idleDays is given twice on the command line (--idle-days and"
                        + " --threshold idleDays)");
        assertThat(usageError(CliRun.of("check", "--demo", "--idle-days", "3", "--idle-days", "4")))
                .contains("'--idle-days'").contains("only once");
    }

    @Test
    void anUnknownKeyOrAMalformedSettingIsAUsageErrorListingTheKnownKeys() {
        assertThat(usageError(CliRun.of("check", "--demo", "--threshold", "idleDay=3")))
                .isEqualTo("huntaze-audit: --threshold idleDay: unknown threshold; known: "
                        + String.join(", ", DECLARED.keySet()));
        assertThat(usageError(CliRun.of("check", "--demo", "--threshold", "idleDays")))
                .isEqualTo("huntaze-audit: --threshold 'idleDays': expected KEY=VALUE, e.g. idleDays=30");
        assertThat(usageError(CliRun.of("check", "--demo", "--threshold", "idleDays=week")))
                .isEqualTo("huntaze-audit: --threshold idleDays: expected a whole number, not 'week'");
        assertThat(usageError(CliRun.of("check", "--demo", "--idle-days", "week")))
                .contains("'--idle-days': expected a whole number, not 'week'");
    }

    @Test
    void theHelpListsEachAliasWithItsDescriptionDefaultAndRange() {
        CliRun help = CliRun.of("check", "--help");
        assertThat(help.exitCode()).isZero();
        String text = help.out().replaceAll("\\s+", " ");
        assertThat(text).contains("--threshold=KEY=VALUE");
        List<String> aliases = new ArrayList<>();
        for (Threshold t : DECLARED.values()) {
            if (t.flag() == null) {
                continue;
            }
            aliases.add(t.flag());
            assertThat(text).as(t.flag()).contains(t.flag() + "=").contains(t.description())
                    .contains("(default: " + t.defaultValue() + "; " + t.min() + " to " + t.max() + " " + t.unit() + ")")
                    .contains("--threshold " + t.key() + "=");
        }
        assertThat(aliases).containsExactlyInAnyOrder("--idle-days", "--idle-requests-per-day", "--max-key-age-days",
                "--min-backup-days", "--min-snapshot-days", "--unused-secret-days");
    }

    @Test
    void listChecksThresholdsShowsEveryThresholdAndTheConfigSections() {
        CliRun run = CliRun.of("list-checks", "--thresholds");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).matches("KEY +DEFAULT +UNIT +RANGE +FLAG +CHECKS +DESCRIPTION");
        for (Threshold t : DECLARED.values()) {
            assertThat(lines).as(t.key()).anyMatch(line -> line.matches(Pattern.quote(t.key()) + " +"
                    + t.defaultValue() + " +" + Pattern.quote(t.unit()) + " +" + t.range() + " +"
                    + Pattern.quote(t.flag() == null ? "-" : t.flag()) + " +\\S+ +" + Pattern.quote(t.description())));
        }
        assertThat(lines).contains(lines.stream().filter(l -> l.startsWith("idleDays ")).findFirst().orElseThrow());
        String idleDays = lines.stream().filter(l -> l.startsWith("idleDays ")).findFirst().orElseThrow();
        assertThat(idleDays).contains(" elasticache.idle-cluster,elbv2.idle-load-balancer,rds.idle-instance ");
        assertThat(lines.stream().filter(l -> l.startsWith("attestationMaxAgeDays ")).findFirst().orElseThrow())
                .as("every by-hand check reads it").contains(" manual.* ");
        Matcher section = Pattern.compile("(?m)^alarmCoverage: +cloudwatch\\.alarm-coverage +Which resources")
                .matcher(run.out());
        assertThat(section.find()).as(run.out()).isTrue();
    }

    @Test
    void theCommandLineKnowsThresholdsOnlyFromTheirDeclarations() throws IOException {
        Path cli = Path.of("src/main/java/com/huntaze/audit/cli");
        try (Stream<Path> files = Files.list(cli)) {
            for (Path file : files.toList()) {
                assertThat(Files.readString(file)).as(file.toString())
                        .doesNotContainPattern("import com\\.huntaze\\.audit\\.services\\.(?!ServiceCatalog;)");
            }
        }
        // Each alias is written once in the sources: in its threshold's declaration.
        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.add(Files.readString(file));
            }
        }
        for (Threshold t : DECLARED.values()) {
            if (t.flag() != null) {
                String literal = "\"" + t.flag() + "\"";
                long literals = sources.stream().mapToLong(s -> s.split(Pattern.quote(literal), -1).length - 1).sum();
                assertThat(literals).as(t.flag()).isEqualTo(1);
            }
        }
    }
}
