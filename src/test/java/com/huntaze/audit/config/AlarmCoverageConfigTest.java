package com.huntaze.audit.config;

import com.huntaze.audit.services.ServiceCatalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huntaze.audit.engine.AlarmCoverageSettings;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.CheckRegistry;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.engine.SettingsSection;
import com.huntaze.audit.services.cloudwatch.CloudWatchAlarmCoverageCheck;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The config file's {@code alarmCoverage:} section. */
class AlarmCoverageConfigTest {

    private static final ConfigLoader LOADER = new ConfigLoader(CheckRegistry.load(), LocalDate.of(2026, 11, 22));

    /** The section as cloudwatch.alarm-coverage declares it: the loader knows it only through the registry. */
    @SuppressWarnings("unchecked")
    private static final SettingsSection<AlarmCoverageSettings> ALARM_COVERAGE =
            (SettingsSection<AlarmCoverageSettings>) CheckRegistry.load().settings().get("alarmCoverage");

    @Test
    void namePatternsAndRequirementsAsNamesOrListsOfAlternatives() {
        AlarmCoverageSettings settings = LOADER.parse("c.yml", """
                alarmCoverage:
                  include: [prod-*, "prod/*"]
                  exclude:
                    - "*-test"
                  required:
                    rdsInstance:
                      - CPUUtilization
                      - [FreeStorageSpace, FreeableMemory]
                    alb: []
                """).settings().get(ALARM_COVERAGE);

        assertThat(settings.include()).containsExactly("prod-*", "prod/*");
        assertThat(settings.exclude()).containsExactly("*-test");
        assertThat(settings.requirements("rdsInstance")).contains(
                List.of(List.of("CPUUtilization"), List.of("FreeStorageSpace", "FreeableMemory")));
        assertThat(settings.requirements("alb")).contains(List.of());
        assertThat(settings.requirements("ecsService")).as("not in the file: defaults").isEmpty();
        assertThat(settings.judges("prod-orders")).isTrue();
        assertThat(settings.judges("prod/api")).isTrue();
        assertThat(settings.judges("prod-orders-test")).isFalse();
        assertThat(settings.judges("staging-orders")).isFalse();
    }

    @Test
    void noSectionJudgesEverythingWithTheDefaults() {
        AlarmCoverageSettings settings = LOADER.parse("c.yml", "thresholds:\n  minBackupDays: 7\n").settings()
                .get(ALARM_COVERAGE);
        assertThat(settings).isEqualTo(AlarmCoverageSettings.DEFAULTS);
        assertThat(settings.judges("anything/at-all")).isTrue();
    }

    @Test
    void theKindsRequiredAcceptsAreTheOnesTheCheckDeclares() {
        CloudWatchAlarmCoverageCheck check = new CloudWatchAlarmCoverageCheck(ServiceCatalog.current());
        assertThat(check.kinds()).containsExactlyInAnyOrder("ecsService", "rdsInstance", "auroraInstance",
                "elasticache", "alb", "sqsQueue", "sqsDeadLetterQueue", "sesAccount", "cloudfrontDistribution");
        assertThat(ALARM_COVERAGE.key()).isEqualTo("alarmCoverage");

        // A section declared with other kinds accepts those, and names them when a kind is unknown.
        SettingsSection<AlarmCoverageSettings> lambdas = AlarmCoverageSettings.section(() -> List.of("lambda"));
        ConfigLoader loader = new ConfigLoader(CheckRegistry.of(List.of(new Check() {
            @Override
            public String id() {
                return check.id();
            }

            @Override
            public Set<Dataset<?>> requires() {
                return check.requires();
            }

            @Override
            public List<SettingsSection<?>> settings() {
                return List.of(lambdas);
            }

            @Override
            public List<Finding> evaluate(CheckContext context) {
                return List.of();
            }
        })), LocalDate.of(2026, 11, 22));
        assertThat(loader.parse("c.yml", "alarmCoverage:\n  required:\n    lambda: [Errors]\n").settings().get(lambdas)
                .requirements("lambda")).contains(List.of(List.of("Errors")));
        assertThatThrownBy(() -> loader.parse("c.yml", "alarmCoverage:\n  required:\n    alb: []\n"))
                .hasMessage("c.yml:3: alarmCoverage.required.alb: unknown resource kind; known: lambda");
    }

    static Stream<Arguments> invalidSections() {
        return Stream.of(
                Arguments.of("unknown kind", "alarmCoverage:\n  required:\n    rds:\n      - CPUUtilization\n",
                        "c.yml:3: alarmCoverage.required.rds: ", "unknown resource kind; known: alb, auroraInstance,"
                                + " cloudfrontDistribution, ecsService, elasticache, rdsInstance, sesAccount, sqsDeadLetterQueue, sqsQueue"),
                Arguments.of("kind without requirements", "alarmCoverage:\n  required:\n    alb:\n",
                        "c.yml:3: alarmCoverage.required.alb: ", "or [] to not judge this kind"),
                Arguments.of("requirement that is not a metric name",
                        "alarmCoverage:\n  required:\n    alb:\n      - TargetResponseTime\n      - {metric: x}\n",
                        "c.yml:5: alarmCoverage.required.alb[1]: ", "expected a metric name (e.g. CPUUtilization) or a"
                                + " list of alternative metric names"),
                Arguments.of("empty list of alternatives", "alarmCoverage:\n  required:\n    alb:\n      - []\n",
                        "c.yml:4: alarmCoverage.required.alb[0]: ", "expected a metric name"),
                Arguments.of("metric name with a space", "alarmCoverage:\n  required:\n    alb:\n      - [Target Response]\n",
                        "c.yml:4: alarmCoverage.required.alb[0]: ", "not '[Target Response]'"),
                Arguments.of("blank pattern", "alarmCoverage:\n  include:\n    - prod-*\n    - ''\n",
                        "c.yml:4: alarmCoverage.include[1]: ", "empty pattern"),
                Arguments.of("patterns not a list", "alarmCoverage:\n  exclude: staging-*\n",
                        "c.yml:2: alarmCoverage.exclude: ", "expected a list"),
                Arguments.of("tags are not read", "alarmCoverage:\n  tags:\n    env: prod\n",
                        "c.yml:2: alarmCoverage.tags: ", "unknown key 'tags'; expected exclude, include, required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSections")
    void anInvalidSectionIsOneLineNamingFileLineAndKey(String kind, String text, String prefix, String problem) {
        assertThatThrownBy(() -> LOADER.parse("c.yml", text))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(e.getMessage()).startsWith(prefix).contains(problem).doesNotContain("\n"));
    }
}
