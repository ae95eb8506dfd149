package com.huntaze.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.testing.CliRun;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code check --shard}: refused before any AWS call when it cannot apply; the account list's cut when it does. */
class ShardOptionTest {

    private static void assertUsageError(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).isEqualTo("huntaze-audit: " + message + System.lineSeparator());
    }

    @Test
    void aShardOfTheCredentialsOwnAccountIsAUsageError() {
        assertUsageError(CliRun.of("check", "--demo", "--shard", "0/2"),
                "--shard needs --accounts or --organization: it audits a part of their account list");
    }

    @Test
    void aMalformedShardIsAUsageErrorBeforeAnythingElse() {
        assertUsageError(CliRun.of("check", "--demo", "--shard", "2/2"),
                "--shard '2/2': the shard index K is 0-based and must be below N=2, not 2");
    }

    @Test
    void autoTakesTheEnginesShardOfTheAccountList() {
        CheckCommand check = new CheckCommand(Clock.systemUTC(), Map.of("HUNTAZE_AUDIT_SHARD", "1/3"));
        check.shard = "auto";
        List<String> all = List.of("333333333333", "111111111111", "555555555555", "222222222222", "444444444444");

        assertThat(check.accountsToAudit(all)).containsExactly("222222222222", "555555555555");
    }

    @Test
    void withoutShardEveryAccountIsAudited() {
        List<String> all = List.of("333333333333", "111111111111");

        assertThat(new CheckCommand().accountsToAudit(all)).isSameAs(all);
    }
}
