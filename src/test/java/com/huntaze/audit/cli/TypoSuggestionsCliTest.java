package com.huntaze.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.testing.CliRun;
import org.junit.jupiter.api.Test;

/** A misspelt command, option or check id: one line on stderr naming the nearest right one, exit 2, no report. */
class TypoSuggestionsCliTest {

    private static void assertOneLineSuggesting(CliRun run, String suggestion) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("huntaze-audit: ").hasLineCount(1).contains("did you mean " + suggestion + "?")
                .doesNotContain("\tat ");
    }

    @Test
    void aMisspeltSubcommandSuggestsTheCommand() {
        assertOneLineSuggesting(CliRun.of("chek", "--demo"), "`check`");
        assertOneLineSuggesting(CliRun.of("list-check"), "`list-checks`");
    }

    @Test
    void aMisspeltOptionSuggestsTheOptionOfThatCommand() {
        assertOneLineSuggesting(CliRun.of("check", "--demo", "--frmat", "json"), "`--format`");
        assertOneLineSuggesting(CliRun.of("check", "--regoin", "us-east-1"), "`--region`");
        assertOneLineSuggesting(CliRun.of("list-checks", "--threshold"), "`--thresholds`");
    }

    @Test
    void aMisspeltCheckIdSuggestsTheNearestIds() {
        assertOneLineSuggesting(CliRun.of("check", "--demo", "--checks", "rds.mutli-az"), "`rds.multi-az`");
        assertOneLineSuggesting(CliRun.of("check", "--demo", "--skip-checks", "iam.usr-mfa"), "`iam.user-mfa`");
        CliRun serviceless = CliRun.of("check", "--demo", "--checks", "multi-az");
        assertThat(serviceless.err()).contains("`rds.multi-az`").contains("`elasticache.multi-az`");
    }

    @Test
    void somethingFarFromAnyNameSuggestsNothing() {
        CliRun run = CliRun.of("check", "--demo", "--checks", "zzzz");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).isEqualTo("huntaze-audit: --checks: no check matches 'zzzz' (see huntaze-audit"
                + " list-checks)\n");
    }
}
