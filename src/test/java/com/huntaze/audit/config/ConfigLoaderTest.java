package com.huntaze.audit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huntaze.audit.services.manual.ManualCheck;
import com.huntaze.audit.services.rds.RdsBackupRetentionCheck;
import com.huntaze.audit.engine.Attestation;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.CheckRegistry;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.SettingsSection;
import com.huntaze.audit.inventory.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigLoaderTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final ConfigLoader LOADER = new ConfigLoader(CheckRegistry.load(), TODAY);

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void aValidFileGivesItsThresholdsAndAttestations() throws IOException {
        Path file = write("huntaze-audit.yml", """
                # launch checklist of the shop
                thresholds:
                  minBackupDays: 14
                  attestationMaxAgeDays: 30
                attestations:
                  - check: manual.restore-test
                    by: maria@example.com
                    date: 2026-11-02
                    note: "RTO 38 min, RPO 5 min "
                  - check: manual.load-test
                    by: sam
                    date: '2026-11-20'
                """);

        AuditConfig config = LOADER.load(file);

        assertThat(config.thresholds().get(RdsBackupRetentionCheck.MIN_BACKUP_DAYS)).isEqualTo(14);
        assertThat(config.thresholds().get(ManualCheck.ATTESTATION_MAX_AGE_DAYS)).isEqualTo(30);
        assertThat(config.attestations()).containsExactly(
                new Attestation("manual.restore-test", "maria@example.com", LocalDate.of(2026, 11, 2),
                        "RTO 38 min, RPO 5 min"),
                new Attestation("manual.load-test", "sam", LocalDate.of(2026, 11, 20), ""));
        assertThat(config.source()).isEqualTo(file.toString());
    }

    @Test
    void thresholdsNotInTheFileKeepTheirDefaults() {
        AuditConfig config = LOADER.parse("c.yml", "thresholds:\n  minBackupDays: 3\n");

        assertThat(config.thresholds().get(RdsBackupRetentionCheck.MIN_BACKUP_DAYS)).isEqualTo(3);
        assertThat(config.thresholds().get(ManualCheck.ATTESTATION_MAX_AGE_DAYS)).isEqualTo(90);
        assertThat(config.attestations()).isEmpty();
    }

    @Test
    void anEmptyOrCommentOnlyFileIsTheDefaults() {
        for (String text : new String[] {"", "# nothing yet\n", "thresholds:\nattestations:\n"}) {
            AuditConfig config = LOADER.parse("c.yml", text);
            assertThat(config.thresholds().get(RdsBackupRetentionCheck.MIN_BACKUP_DAYS)).as(text).isEqualTo(7);
            assertThat(config.attestations()).as(text).isEmpty();
        }
    }

    @Test
    void anAttestationDatedTomorrowIsAcceptedForTimeZonesButNotLater() {
        String tomorrow = "attestations:\n  - {check: manual.patching, by: a, date: 2026-11-23}\n";
        assertThat(LOADER.parse("c.yml", tomorrow).attestations()).hasSize(1);

        assertThatThrownBy(() -> LOADER.parse("c.yml", tomorrow.replace("23", "24")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("c.yml:2: attestations[0].date: 2026-11-24 is in the future (today is 2026-11-22)");
    }

    /** Each kind of invalid file: the text, the expected "file:line: key:" prefix, and a word of the problem. */
    static Stream<Arguments> invalidFiles() {
        return Stream.of(
                Arguments.of("unknown section", "thresholds:\n  minBackupDays: 3\nsupressions: []\n",
                        "c.yml:3: supressions: ", "unknown key 'supressions'; expected alarmCoverage, attestations, cloudfront, suppressions, thresholds"),
                Arguments.of("unknown threshold", "thresholds:\n  minBackupDays: 3\n  minBackupDayz: 4\n",
                        "c.yml:3: thresholds.minBackupDayz: ", "unknown threshold; known: "),
                Arguments.of("wrong type", "thresholds:\n  minBackupDays: seven\n",
                        "c.yml:2: thresholds.minBackupDays: ", "expected a whole number, not 'seven'"),
                Arguments.of("several lines where a number belongs", "thresholds:\n  minBackupDays: |\n    7\n    8\n",
                        "c.yml:2: thresholds.minBackupDays: ", "expected a whole number, not '7 8'"),
                Arguments.of("fraction", "thresholds:\n  minBackupDays: 7.5\n",
                        "c.yml:2: thresholds.minBackupDays: ", "expected a whole number, not '7.5'"),
                Arguments.of("negative threshold", "thresholds:\n  minBackupDays: -1\n",
                        "c.yml:2: thresholds.minBackupDays: ", "must be between 1 and 35 (days), not -1"),
                // The three values the file accepted while the flags refused them: one declaration validates both.
                Arguments.of("no idle window", "thresholds:\n  idleDays: 0\n",
                        "c.yml:2: thresholds.idleDays: ", "must be between 1 and 455 (days), not 0"),
                Arguments.of("a utilization above 100%", "thresholds:\n  rightsizingUtilizationPercent: 500\n",
                        "c.yml:2: thresholds.rightsizingUtilizationPercent: ",
                        "must be between 1 and 100 (percent), not 500"),
                Arguments.of("no backup minimum", "thresholds:\n  minBackupDays: 0\n",
                        "c.yml:2: thresholds.minBackupDays: ", "must be between 1 and 35 (days), not 0"),
                Arguments.of("more backup days than RDS keeps", "thresholds:\n  minBackupDays: 36\n",
                        "c.yml:2: thresholds.minBackupDays: ", "must be between 1 and 35 (days), not 36"),
                Arguments.of("threshold without value", "thresholds:\n  minBackupDays:\n",
                        "c.yml:2: thresholds.minBackupDays: ", "needs a value"),
                Arguments.of("section of the wrong kind", "thresholds:\n  - minBackupDays: 3\n",
                        "c.yml:1: thresholds: ", "expected a mapping"),
                Arguments.of("attestations not a list", "attestations: manual.restore-test\n",
                        "c.yml:1: attestations: ", "expected a list"),
                Arguments.of("YAML syntax error", "thresholds:\n  minBackupDays: 3\n attestations:\n",
                        "c.yml:3: attestations: ", "invalid YAML"),
                Arguments.of("tab indentation", "thresholds:\n\tminBackupDays: 3\n",
                        "c.yml:2: minBackupDays: ", "invalid YAML"),
                Arguments.of("duplicated section", "thresholds:\n  minBackupDays: 3\nthresholds:\n  minBackupDays: 4\n",
                        "c.yml:3: thresholds: ", "appears twice"),
                Arguments.of("bad date", "attestations:\n  - check: manual.restore-test\n    by: me\n    date: 2026-13-01\n",
                        "c.yml:4: attestations[0].date: ", "expected a date as YYYY-MM-DD, not '2026-13-01'"),
                Arguments.of("future date", "attestations:\n  - check: manual.restore-test\n    by: me\n    date: 2027-01-01\n",
                        "c.yml:4: attestations[0].date: ", "is in the future"),
                Arguments.of("attestation of an API check",
                        "# sign-off\nattestations:\n  - check: rds.multi-az\n    by: me\n    date: 2026-10-01\n",
                        "c.yml:3: attestations[0].check: ", "only the by-hand checks (manual.*) take attestations"),
                Arguments.of("attestation of an unknown check",
                        "attestations:\n  - check: manual.restore-tests\n    by: me\n    date: 2026-10-01\n",
                        "c.yml:2: attestations[0].check: ", "unknown check 'manual.restore-tests'; attestations name"
                                + " one of manual.dns-tls, manual.failover-test"),
                Arguments.of("attestation without by", "attestations:\n  - check: manual.restore-test\n"
                        + "    date: 2026-10-01\n", "c.yml:2: attestations[0].by: ", "missing: who did it"),
                Arguments.of("attestation without date", "attestations:\n  - check: manual.restore-test\n"
                        + "    by: me\n", "c.yml:2: attestations[0].date: ", "missing: the day it was done"),
                Arguments.of("unknown attestation field", "attestations:\n  - check: manual.restore-test\n    by: me\n"
                        + "    date: 2026-10-01\n    expires: 2027-01-01\n",
                        "c.yml:5: attestations[0].expires: ", "unknown key 'expires'; expected account, by, check, date, note"),
                Arguments.of("empty attestation", "attestations:\n  -\n", "c.yml:2: attestations[0]: ", "empty entry"),
                Arguments.of("not a mapping at all", "- a\n- b\n", "c.yml:1: ", "expected sections such as"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFiles")
    void anInvalidFileIsOneLineNamingFileLineAndKey(String kind, String text, String prefix, String problem) {
        assertThatThrownBy(() -> LOADER.parse("c.yml", text))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(e.getMessage()).startsWith(prefix).contains(problem).doesNotContain("\n"));
    }

    @Test
    void severalProblemsReportTheFirstAndCountTheRest() {
        String text = """
                attestations:
                  - check: rds.multi-az
                    by: me
                    date: 2026-10-01
                thresholds:
                  minBackupDays: -1
                  nope: 3
                """;

        assertThatThrownBy(() -> LOADER.parse("c.yml", text)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("c.yml:2: attestations[0].check: ")
                .hasMessageEndingWith("(and 2 more problems)");
    }

    @Test
    void theAllowedThresholdsAndAttestableChecksComeFromTheRegisteredChecks() {
        ConfigLoader rdsOnly = new ConfigLoader(CheckRegistry.of(List.of(new RdsBackupRetentionCheck())), TODAY);

        assertThat(rdsOnly.parse("c.yml", "thresholds:\n  minBackupDays: 2\n").thresholds()
                .get(RdsBackupRetentionCheck.MIN_BACKUP_DAYS)).isEqualTo(2);
        assertThatThrownBy(() -> rdsOnly.parse("c.yml", "thresholds:\n  attestationMaxAgeDays: 30\n"))
                .hasMessage("c.yml:2: thresholds.attestationMaxAgeDays: unknown threshold; known: minBackupDays");
        assertThatThrownBy(() -> rdsOnly.parse("c.yml", "attestations:\n  - {check: manual.patching, by: a,"
                + " date: 2026-11-01}\n"))
                .hasMessage("c.yml:2: attestations[0].check: unknown check 'manual.patching'; attestations name one"
                        + " of (none)");
    }

    @Test
    void theSectionsBesidesTheLoadersOwnAreThoseTheRegisteredChecksDeclare() {
        ConfigLoader rdsOnly = new ConfigLoader(CheckRegistry.of(List.of(new RdsBackupRetentionCheck())), TODAY);

        assertThatThrownBy(() -> rdsOnly.parse("c.yml", "alarmCoverage:\n  exclude: [x]\n"))
                .hasMessage("c.yml:1: alarmCoverage: unknown key 'alarmCoverage'; expected attestations, suppressions,"
                        + " thresholds");
    }

    /** A check of its own config section: a list of names, none of them "forbidden". */
    private static final SettingsSection<Names> NAMES = new SettingsSection<>("names", Names.class,
            new Names(List.of("default")), (node, input) -> {
                Names written = input.read(node, List.of(), Names.class);
                if (written != null && written.names() != null) {
                    for (int i = 0; i < written.names().size(); i++) {
                        if ("forbidden".equals(written.names().get(i))) {
                            input.problem(List.of("names", i), "not this one");
                        }
                    }
                }
                return written;
            }, "Names, for a test");

    record Names(List<String> names) {
    }

    private static final ConfigLoader WITH_NAMES = new ConfigLoader(CheckRegistry.of(List.of(new Check() {
        @Override
        public String id() {
            return "rds.multi-az"; // an id with metadata; only the section matters here
        }

        @Override
        public Set<Dataset<?>> requires() {
            return Set.of();
        }

        @Override
        public List<SettingsSection<?>> settings() {
            return List.of(NAMES);
        }

        @Override
        public List<Finding> evaluate(CheckContext context) {
            return List.of();
        }
    })), TODAY);

    @Test
    void aSectionACheckDeclaresIsBoundByItsDeclarationWithFileLineAndKeyInEveryProblem() {
        assertThat(WITH_NAMES.parse("c.yml", "names:\n  names: [a, b]\n").settings().get(NAMES))
                .isEqualTo(new Names(List.of("a", "b")));
        assertThat(WITH_NAMES.parse("c.yml", "thresholds:\n").settings().get(NAMES)).as("absent: its defaults")
                .isEqualTo(new Names(List.of("default")));
        assertThat(WITH_NAMES.parse("c.yml", "names:\n").settings().get(NAMES)).as("empty: its defaults")
                .isEqualTo(new Names(List.of("default")));

        assertThatThrownBy(() -> WITH_NAMES.parse("c.yml", "names:\n  names:\n    - a\n    - forbidden\n"))
                .hasMessage("c.yml:4: names.names[1]: not this one");
        assertThatThrownBy(() -> WITH_NAMES.parse("c.yml", "# x\nnames:\n  nmes: [a]\n"))
                .hasMessage("c.yml:3: names.nmes: unknown key 'nmes'; expected names");
        assertThatThrownBy(() -> WITH_NAMES.parse("c.yml", "names:\n  names: a\n"))
                .hasMessage("c.yml:2: names.names: expected a list (entries starting with '- ')");
        assertThatThrownBy(() -> WITH_NAMES.parse("c.yml", "nmes: {}\n"))
                .hasMessage("c.yml:1: nmes: unknown key 'nmes'; expected attestations, names, suppressions, thresholds");
    }

    @Test
    void aMissingFileOrADirectoryIsNamed() {
        assertThatThrownBy(() -> LOADER.load(dir.resolve("nope.yml"))).isInstanceOf(ConfigException.class)
                .hasMessage(dir.resolve("nope.yml") + ": file not found");
        assertThatThrownBy(() -> LOADER.load(dir)).isInstanceOf(ConfigException.class)
                .hasMessage(dir + ": cannot read it (it is a directory)");
    }

    @Test
    void theDefaultFileIsReadFromTheWorkingDirectoryOnlyWhenPresent() throws IOException {
        Path given = dir.resolve("elsewhere.yml");
        assertThat(ConfigLoader.locate(given, dir)).as("a given file, even a missing one").isEqualTo(given);
        assertThat(ConfigLoader.locate(null, dir)).isNull();

        Path byDefault = write("huntaze-audit.yml", "thresholds:\n");

        assertThat(ConfigLoader.locate(null, dir)).isEqualTo(byDefault);
    }

    @Test
    void theExampleFileAtTheRepositoryRootIsValidAndShowsEveryThreshold() throws IOException {
        Path example = Path.of("huntaze-audit.example.yml");
        AuditConfig config = LOADER.load(example);

        assertThat(config.attestations()).isNotEmpty();
        String text = Files.readString(example);
        for (var threshold : CheckRegistry.load().thresholds().values()) {
            String key = threshold.key();
            assertThat(text).as("the example documents threshold " + key).containsPattern("(?m)^  " + key + ": ");
            assertThat(text).as("the example gives the range of " + key)
                    .contains("[" + threshold.range() + " " + threshold.unit());
        }
    }
}
