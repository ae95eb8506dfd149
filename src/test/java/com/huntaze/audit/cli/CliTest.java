package com.huntaze.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.CheckRegistry;
import com.huntaze.audit.testing.CliRun;
import com.huntaze.audit.testing.TestCredentials;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The command line as a user meets it: exit codes, one-line errors, where the report goes. */
class CliTest {

    @BeforeAll
    static void credentials() {
        TestCredentials.install();
    }

    @Test
    void versionComesFromTheBuild() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("huntaze-audit ");
    }

    @Test
    void listChecksShowsEveryRegisteredCheckWithDomainSeverityAndTitle() {
        CliRun run = CliRun.of("list-checks");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("ID");
        CheckRegistry.load().checks().forEach(c -> assertThat(run.out()).containsPattern(
                "(?m)^" + java.util.regex.Pattern.quote(c.id()) + "\\s+" + c.metadata().domain().id() + "\\s+"
                        + c.metadata().severity().id() + "\\s+" + java.util.regex.Pattern.quote(c.metadata().title()) + "$"));
    }

    @Test
    void demoPrintsTheMarkdownReportAndExitsOneBecauseTheSampleHasNokFindings() {
        CliRun run = CliRun.of("check", "--demo");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.NOK);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void reportGoesToTheOutputFileAtomicallyAndNothingToStdout(@TempDir Path dir) throws IOException {
        Path report = dir.resolve("report.json");
        CliRun run = CliRun.of("check", "--demo", "--format", "json", "--output", report.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.NOK);
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(report)).startsWith("{").contains("\"schemaVersion\" : 1");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("report.json");
        }
    }

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of(List.of("check", "--region", "mars-north-1", "--endpoint-url", "http://127.0.0.1:1"),
                        "unknown region 'mars-north-1'"),
                Arguments.of(List.of("check", "--bogus"), "Unknown option: '--bogus'"),
                Arguments.of(List.of("check", "--demo", "--format", "xml"), "--format"),
                Arguments.of(List.of("check", "--region", "us-east-1", "--endpoint-url", "ftp://127.0.0.1:1"),
                        "--endpoint-url must be an http:// or https:// URL"),
                Arguments.of(List.of("check", "--region", "us-east-1", "--endpoint-url", "http://bad host:1"),
                        "--endpoint-url is not a valid URL"),
                Arguments.of(List.of("check", "--demo", "--output", "/nonexistent-dir/report.md"),
                        "cannot write --output /nonexistent-dir/report.md"),
                Arguments.of(List.of("check", "--demo", "--region", "us-east-1"), "--demo reads no AWS account"),
                Arguments.of(List.of("check", "--demo", "--dns-server", "127.0.0.1"), "cannot be combined with"),
                Arguments.of(List.of("check", "--region", "us-east-1", "--endpoint-url", "http://127.0.0.1:1",
                        "--dns-server", "127.0.0.1:70000"), "--dns-server: expected HOST[:PORT] with a port from 1"),
                Arguments.of(List.of("check", "--region", "us-east-1", "--profile", "no-such-profile-here"),
                        "unknown profile 'no-such-profile-here'"),
                Arguments.of(List.of("check", "--demo", "--min-backup-days", "0"), "--min-backup-days must be between 1 and 35 (days), not 0"),
                Arguments.of(List.of("check", "--demo", "--min-backup-days", "seven"), "--min-backup-days"),
                Arguments.of(List.of("check", "--region", "us-east-1", "--max-attempts", "0"), "--max-attempts must be between 1 and 20"),
                Arguments.of(List.of("check", "--region", "us-east-1", "--timeout", "0"), "--timeout must be between 1 and 3600"),
                Arguments.of(List.of("check", "--region", "us-east-1", "--retry-mode", "eager"), "--retry-mode"),
                Arguments.of(List.of("check", "--region", "us-east-1", "--concurrency", "0"),
                        "--concurrency must be between 1 and 256"),
                Arguments.of(List.of("check", "--region", "us-east-1", "--concurrency", "257"),
                        "--concurrency must be between 1 and 256"),
                Arguments.of(List.of(), "a command is required"));
    }

    @ParameterizedTest
    @MethodSource("usageErrors")
    void badInputIsOneClearLineOnStderrAndExitTwo(List<String> args, String expected) {
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(run.out()).isEmpty();
        String lastLine = run.err().strip().lines().reduce((a, b) -> b).orElse("");
        assertThat(lastLine).startsWith("huntaze-audit: ").contains(expected);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void checksAndSkipChecksChooseWhatRunsWithGlobs() {
        var run = CliRun.of("check", "--demo", "--format", "json", "--checks", "rds.*,ecs.empty-cluster",
                "--skip-checks", "*.multi-az");
        List<String> ran = new java.util.ArrayList<>();
        run.json().get("checks").forEach(c -> ran.add(c.get("id").asText()));
        assertThat(ran).containsExactlyInAnyOrder("rds.backup-retention", "rds.deletion-protection",
                "rds.engine-support", "rds.idle-instance", "rds.pending-maintenance", "rds.public-access",
                "rds.storage-encrypted", "ecs.empty-cluster");
        run.json().get("findings").forEach(f -> assertThat(ran).contains(f.get("checkId").asText()));
    }

    @Test
    void aCheckFilterThatMatchesNothingIsAUsageError() {
        var run = CliRun.of("check", "--demo", "--checks", "rds.multi-zone");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err().strip()).isEqualTo("huntaze-audit: --checks: no check matches 'rds.multi-zone'; did you mean"
                + " `rds.multi-az`? (see huntaze-audit list-checks)");
        var skip = CliRun.of("check", "--demo", "--skip-checks", "nope.*");
        assertThat(skip.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(skip.err()).contains("--skip-checks: no check matches 'nope.*'");
    }

    @Test
    void aFailedRunLeavesNoReportFileBehind(@TempDir Path dir) throws IOException {
        Path report = dir.resolve("report.md");
        Path badConfig = dir.resolve("bad.yml");
        Files.writeString(badConfig, "thresholds:\n  minBackupDays: seven\n");
        List<List<String>> failures = List.of(
                List.of("check", "--region", "mars-north-1", "--endpoint-url", "http://127.0.0.1:1"),
                List.of("check", "--demo", "--config", badConfig.toString()),
                List.of("check", "--demo", "--checks", "no.such-check"),
                List.of("check", "--region", "us-east-1", "--endpoint-url", "http://127.0.0.1:" + closedPort()));
        for (List<String> args : failures) {
            List<String> withOutput = new java.util.ArrayList<>(args);
            withOutput.addAll(List.of("--output", report.toString()));
            CliRun run = CliRun.of(withOutput.toArray(String[]::new));
            assertThat(run.exitCode()).as(run.toString()).isIn(ExitCode.USAGE, ExitCode.CANNOT_RUN);
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString()).toList()).as(args.toString())
                        .containsExactly("bad.yml");
            }
        }
    }

    @Test
    void usageErrorsOtherThanAMissingCommandAreExactlyOneLine() {
        CliRun run = CliRun.of("check", "--region", "mars-north-1", "--endpoint-url", "http://127.0.0.1:1");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void unreachableEndpointMeansTheAuditCannotRunExitThree() throws IOException {
        CliRun run = CliRun.of("check", "--region", "us-east-1", "--endpoint-url", "http://127.0.0.1:" + closedPort());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("huntaze-audit: cannot reach AWS").contains("ConnectException");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void debugShowsTheStackTrace() throws IOException {
        CliRun run = CliRun.of("check", "--debug", "--region", "us-east-1", "--endpoint-url",
                "http://127.0.0.1:" + closedPort());
        assertThat(run.exitCode()).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(run.err()).contains("\tat ");
    }

    @Test
    void noCredentialsAnywhereMeansExitThree(@TempDir Path home) throws Exception {
        // A separate JVM with an empty environment: no keys, no profiles, no instance metadata.
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "com.huntaze.audit.Main",
                "check", "--region", "us-east-1", "--endpoint-url", "http://127.0.0.1:" + closedPort());
        builder.environment().clear();
        builder.environment().put("HOME", home.toString());
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        builder.environment().put("AWS_CONFIG_FILE", home.resolve("config").toString());
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes());
        String err = new String(process.getErrorStream().readAllBytes());
        assertThat(process.waitFor()).as(err).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(err.lines()).hasSize(1);
        assertThat(err).startsWith("huntaze-audit: no AWS credentials found");
        assertThat(out).isEmpty();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
