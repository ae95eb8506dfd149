package com.huntaze.audit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huntaze.audit.engine.CheckRegistry;
import com.huntaze.audit.gate.Suppression;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code suppressions:} section of the config file: what it accepts, and one line for each mistake. */
class SuppressionConfigTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final ConfigLoader LOADER = new ConfigLoader(CheckRegistry.load(), TODAY);

    @Test
    void validSuppressionsAreReadInFileOrderWithWhereTheyAreDeclared() {
        AuditConfig config = LOADER.parse("huntaze-audit.yml", """
                thresholds:
                  minBackupDays: 7
                suppressions:
                  - check: rds.multi-az
                    resource: analytics-db
                    region: us-east-1
                    reason: Reporting replica, rebuilt from orders-db in 20 minutes.
                    by: maria@example.com
                    expires: 2027-01-31
                  - check: "rds.*"
                    resource: "re:^legacy-[0-9]+$"
                    reason: Decommissioned in PLAT-77.
                    by: sam
                    expires: 2026-10-01
                  - {check: iam.user-mfa, resource: "*", region: global, reason: SSO only, by: ciso, expires: 2026-12-01}
                """);

        assertThat(config.suppressions()).extracting(Suppression::check, s -> s.resource().text(), Suppression::region,
                        Suppression::by, Suppression::expires, Suppression::source)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("rds.multi-az", "analytics-db", "us-east-1",
                                "maria@example.com", LocalDate.of(2027, 1, 31), "huntaze-audit.yml:4"),
                        org.assertj.core.groups.Tuple.tuple("rds.*", "re:^legacy-[0-9]+$", null, "sam",
                                LocalDate.of(2026, 10, 1), "huntaze-audit.yml:10"),
                        org.assertj.core.groups.Tuple.tuple("iam.user-mfa", "*", "global", "ciso",
                                LocalDate.of(2026, 12, 1), "huntaze-audit.yml:15"));
        assertThat(config.suppressions().get(0).reason()).isEqualTo("Reporting replica, rebuilt from orders-db in 20 minutes.");
    }

    @Test
    void theExampleFileShowsSuppressions() {
        AuditConfig example = LOADER.load(java.nio.file.Path.of("huntaze-audit.example.yml"));
        assertThat(example.suppressions()).hasSizeGreaterThanOrEqualTo(2)
                .anySatisfy(s -> assertThat(s.resource().text()).startsWith("re:"));
    }

    @Test
    void quotedStarsAreGlobs() {
        AuditConfig config = LOADER.parse("c.yml", "suppressions:\n  - {check: \"*.multi-az\", resource: '*-db',"
                + " reason: r, by: b, expires: 2027-01-01}\n  - {check: rds.multi-az, resource: \"*\", reason: r,"
                + " by: b, expires: 2027-01-01}\n");
        assertThat(config.suppressions()).extracting(Suppression::check, s -> s.resource().text()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("*.multi-az", "*-db"),
                org.assertj.core.groups.Tuple.tuple("rds.multi-az", "*"));
    }

    @Test
    void anAlreadyExpiredSuppressionIsNoErrorTheReportSaysSo() {
        assertThat(LOADER.parse("c.yml", "suppressions:\n  - {check: rds.multi-az, resource: a, reason: r, by: b,"
                + " expires: 2020-01-01}\n").suppressions()).hasSize(1);
    }

    static Stream<Arguments> invalid() {
        String entry = "suppressions:\n  - check: rds.multi-az\n    resource: analytics-db\n    reason: replica\n"
                + "    by: maria\n    expires: 2027-01-31\n";
        return Stream.of(
                Arguments.of("unknown check", entry.replace("rds.multi-az", "rds.multi-zone"),
                        "c.yml:2: suppressions[0].check: no check matches 'rds.multi-zone' (see huntaze-audit list-checks)"),
                Arguments.of("glob matching no check", entry.replace("rds.multi-az", "rsd.*"),
                        "c.yml:2: suppressions[0].check: no check matches 'rsd.*'"),
                Arguments.of("no check", entry.replace("  - check: rds.multi-az\n    resource", "  - resource"),
                        "c.yml:2: suppressions[0].check: missing: a check id or glob"),
                Arguments.of("no resource", entry.replace("    resource: analytics-db\n", ""),
                        "c.yml:2: suppressions[0].resource: missing: the resource id, a glob such as 'orders-*', 're:REGEX', or '*'"),
                Arguments.of("bad regex", entry.replace("analytics-db", "\"re:analytics-(db\""),
                        "c.yml:3: suppressions[0].resource: invalid regular expression after 're:'"),
                Arguments.of("unknown region", entry.replace("    reason", "    region: us-east-7\n    reason"),
                        "c.yml:4: suppressions[0].region: unknown region 'us-east-7'"),
                Arguments.of("no reason", entry.replace("    reason: replica\n", ""),
                        "c.yml:2: suppressions[0].reason: missing: why this risk is accepted"),
                Arguments.of("blank reason", entry.replace("reason: replica", "reason: \"  \""),
                        "c.yml:4: suppressions[0].reason: missing"),
                Arguments.of("no by", entry.replace("    by: maria\n", ""),
                        "c.yml:2: suppressions[0].by: missing: who accepted the risk"),
                Arguments.of("no expiry", entry.replace("    expires: 2027-01-31\n", ""),
                        "c.yml:2: suppressions[0].expires: missing: the last day the suppression applies, as YYYY-MM-DD"),
                Arguments.of("bad expiry", entry.replace("2027-01-31", "31/01/2027"),
                        "c.yml:6: suppressions[0].expires: expected a date as YYYY-MM-DD, not '31/01/2027'"),
                Arguments.of("unknown key", entry + "    ticket: PLAT-1\n",
                        "c.yml:7: suppressions[0].ticket: unknown key 'ticket'; expected account, by, check, expires, reason, region, resource"),
                Arguments.of("unquoted star", entry.replace("analytics-db", "*"),
                        "c.yml:3: resource: a value starting with '*' must be quoted, e.g. \"*\""),
                Arguments.of("unquoted star glob, which YAML reads as an alias", entry.replace("analytics-db", "*-db"),
                        "c.yml:3: suppressions[0].resource: a value starting with '*' must be quoted"),
                Arguments.of("unquoted star check glob", entry.replace("rds.multi-az", "*.multi-az"),
                        "c.yml:2: check: a value starting with '*' must be quoted"),
                Arguments.of("empty entry", "suppressions:\n  -\n", "c.yml:2: suppressions[0]: empty entry"),
                Arguments.of("not a list", "suppressions: rds.multi-az\n", "c.yml:1: suppressions: expected a list"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void aMistakeIsOneLineNamingTheFileLineAndKey(String kind, String text, String expected) {
        assertThatThrownBy(() -> LOADER.parse("c.yml", text))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(e.getMessage()).startsWith(expected).doesNotContain("\n"));
    }
}
