package com.huntaze.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.testing.CliRun;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/** A run builds only the subcommand it names; whatever needs the whole list (help, a misspelt command) gets it. */
class SubcommandRegistrationTest {

    @Test
    void eachRegisteredNameIsItsCommandsOwnName() {
        HuntazeAudit.SUBCOMMANDS.forEach((name, command) ->
                assertThat(command.get().getClass().getAnnotation(Command.class).name()).isEqualTo(name));
    }

    @Test
    void topLevelHelpListsEveryCommand() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("check", "list-checks", "iam-policy", "render", "explain", "completion");
    }

    @Test
    void aMisspeltCommandIsAUsageErrorNamingIt() {
        CliRun run = CliRun.of("list-check");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).startsWith("huntaze-audit: ").contains("'list-check'");
    }

    @Test
    void onlyTheNamedCommandIsBuilt() {
        assertThat(HuntazeAudit.subcommandsFor(new String[] {"check", "--demo"})).containsOnlyKeys("check");
        assertThat(HuntazeAudit.subcommandsFor(new String[] {"--version"})).isEmpty();
        assertThat(HuntazeAudit.subcommandsFor(new String[] {"--version", "--help"}))
                .containsOnlyKeys(HuntazeAudit.SUBCOMMANDS.keySet().toArray(String[]::new));
        assertThat(HuntazeAudit.subcommandsFor(new String[] {}))
                .containsOnlyKeys("check", "list-checks", "iam-policy", "render", "explain", "completion", "merge");
    }
}
