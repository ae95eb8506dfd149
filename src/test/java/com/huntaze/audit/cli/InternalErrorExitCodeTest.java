package com.huntaze.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.collection.ReadOnlyViolationException;
import com.huntaze.audit.engine.CatalogException;
import com.huntaze.audit.testing.CliRun;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Exceptions become exit codes in one place; one nothing expected is a bug, exit 4, and says so. The bug is played by
 * a command registered for the test only, through the same dispatch and the same handler as the real commands.
 */
class InternalErrorExitCodeTest {

    /** A command with a bug: it dereferences what is not there. */
    @Command(name = "explode")
    static final class BuggyCommand implements Callable<Integer> {
        @Option(names = "--debug")
        boolean debug;

        @Override
        public Integer call() {
            String missing = System.getProperty("huntaze-audit.test.no-such-property");
            return missing.length(); // NullPointerException: a bug
        }
    }

    /** The same bug in a command that has no --debug option (like render). */
    @Command(name = "explode-quietly")
    static final class BuggyCommandWithoutDebug implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("inventory and report disagree\n  on line two");
        }
    }

    private static CliRun runWith(String name, Supplier<Object> command, String... args) {
        HuntazeAudit.SUBCOMMANDS.put(name, command);
        try {
            return CliRun.of(args);
        } finally {
            HuntazeAudit.SUBCOMMANDS.remove(name);
        }
    }

    @Test
    void aBugIsExitFourWithOneLineAskingToRunAgainWithDebugAndReportIt() {
        CliRun run = runWith("explode", BuggyCommand::new, "explode");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INTERNAL_ERROR).isEqualTo(4);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).as(run.toString()).hasSize(1);
        assertThat(run.err().strip()).startsWith("huntaze-audit: internal error (a bug in huntaze-audit): "
                        + "java.lang.NullPointerException")
                .endsWith("; run again with --debug and report it with the output");
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    void withDebugTheBugShowsItsStackTrace() {
        CliRun run = runWith("explode", BuggyCommand::new, "explode", "--debug");

        assertThat(run.exitCode()).isEqualTo(ExitCode.INTERNAL_ERROR);
        assertThat(run.err().lines().findFirst().orElse("")).startsWith("huntaze-audit: internal error (a bug in"
                + " huntaze-audit): java.lang.NullPointerException").endsWith("; report it with this output");
        assertThat(run.err()).contains("\tat " + BuggyCommand.class.getName() + ".call");
    }

    @Test
    void aCommandWithoutDebugDoesNotSendTheUserToAnOptionItLacksAndStaysOnOneLine() {
        CliRun run = runWith("explode-quietly", BuggyCommandWithoutDebug::new, "explode-quietly");

        assertThat(run.exitCode()).isEqualTo(ExitCode.INTERNAL_ERROR);
        assertThat(run.err().lines()).as(run.toString()).hasSize(1);
        assertThat(run.err().strip()).isEqualTo("huntaze-audit: internal error (a bug in huntaze-audit): "
                + "java.lang.IllegalStateException: inventory and report disagree on line two; report it with the"
                + " command line and this message");
    }

    @Test
    void everyExceptionHasItsExitCodeInOneMapping() {
        assertThat(HuntazeAudit.exitCodeOf(new UsageException("bad option"))).isEqualTo(ExitCode.USAGE);
        assertThat(HuntazeAudit.exitCodeOf(new CatalogException("duplicated id"))).isEqualTo(ExitCode.USAGE);
        assertThat(HuntazeAudit.exitCodeOf(new CannotRunException("no credentials", null))).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(HuntazeAudit.exitCodeOf(SdkClientException.create("profile file unreadable")))
                .isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(HuntazeAudit.exitCodeOf(new NullPointerException())).isEqualTo(ExitCode.INTERNAL_ERROR);
        assertThat(HuntazeAudit.exitCodeOf(new ReadOnlyViolationException("rds:DeleteDBInstance")))
                .as("a write that reached the guard is a bug of the tool").isEqualTo(ExitCode.INTERNAL_ERROR);
    }
}
