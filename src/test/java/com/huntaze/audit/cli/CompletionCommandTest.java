package com.huntaze.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.testing.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code completion bash|zsh}: a script bash accepts, which completes the commands, the check ids, the region names
 * and the formats, as the shell's completion would ask it (COMP_WORDS, COMP_CWORD).
 */
class CompletionCommandTest {

    @TempDir
    static Path dir;
    static Path script;

    @BeforeAll
    static void generate() throws IOException {
        CliRun run = CliRun.of("completion", "bash");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        script = Files.writeString(dir.resolve("huntaze-audit.bash"), run.out());
    }

    private static String bash(String commands) throws IOException, InterruptedException {
        Process bash = new ProcessBuilder("bash", "-c", "source " + script + " 2>/dev/null\n" + commands)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor()).as(out).isZero();
        return out;
    }

    /** What the script offers for the last word of {@code line}. */
    private static List<String> completions(String line) throws IOException, InterruptedException {
        String words = line.endsWith(" ") ? line + "''" : line;
        return bash("COMP_WORDS=(" + words + "); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMP_LINE='" + line
                + "'; COMP_POINT=${#COMP_LINE}; _complete_huntaze-audit; printf '%s\\n' \"${COMPREPLY[@]}\"")
                .lines().filter(l -> !l.isEmpty()).toList();
    }

    @Test
    void bashAcceptsTheScriptAndRegistersTheCompletion() throws Exception {
        assertThat(bash("complete -p huntaze-audit")).startsWith("complete ").contains("huntaze-audit");
    }

    @Test
    void itCompletesCommandsCheckIdsRegionsAndFormats() throws Exception {
        assertThat(completions("huntaze-audit ex")).containsExactly("explain");
        assertThat(completions("huntaze-audit explain rds.multi")).containsExactly("rds.multi-az");
        assertThat(completions("huntaze-audit check --checks iam.user")).contains("iam.user-mfa");
        assertThat(completions("huntaze-audit check --skip-checks ses.")).contains("ses.email-dns");
        assertThat(completions("huntaze-audit check --region eu-west-")).containsExactly("eu-west-1", "eu-west-2",
                "eu-west-3");
        assertThat(completions("huntaze-audit render x.json --format ")).containsExactly("md", "json", "junit",
                "sarif", "csv", "html");
        assertThat(completions("huntaze-audit check --fail")).contains("--fail-on", "--fail-on-new");
        assertThat(completions("huntaze-audit list-checks --domain sec")).containsExactly("security");
        assertThat(completions("huntaze-audit list-checks --service rd")).containsExactly("rds");
    }

    @Test
    void zshGetsTheSameScriptWhichTurnsOnBashCompletionEmulation() {
        CliRun zsh = CliRun.of("completion", "zsh");
        assertThat(zsh.exitCode()).isZero();
        assertThat(zsh.out()).isEqualTo(CliRun.of("completion", "bash").out()).contains("bashcompinit");
        CliRun fish = CliRun.of("completion", "fish");
        assertThat(fish.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(fish.err()).hasLineCount(1).contains("bash, zsh");
    }
}
