package com.huntaze.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.huntaze.audit.engine.CheckSelection;
import com.huntaze.audit.report.ReportFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The CI recipes of ci-examples/ and the Dockerfile, as far as they can be checked without GitHub, GitLab or a
 * Docker engine: they parse, they run {@code huntaze-audit check} with options this version accepts, their globs
 * find the files the CLI writes, and their gate steps turn each exit code into the job's.
 */
class CiRecipesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** A report of the account the recipes audit, as --output-dir names its files. */
    private static final Map<String, Object> REPORT = Map.of("account", "123456789012",
            "generatedAt", "2026-11-22T04:17:09Z");

    private static JsonNode yaml(String file) throws IOException {
        return YAML.readTree(Path.of(file).toFile());
    }

    /** The {@code huntaze-audit check ...} command in a script: continuation lines joined, up to "||" or the end. */
    private static List<String> checkCommand(String script) {
        String joined = script.replace("\\\n", " ").replace("\n", " ");
        Matcher m = Pattern.compile("huntaze-audit (check .*?)(\\|\\||$|;| echo )").matcher(joined);
        assertThat(m.find()).as("a huntaze-audit check command in:\n" + script).isTrue();
        return Arrays.stream(m.group(1).strip().split("\\s+")).toList();
    }

    /** The command parses as this version's CLI would parse it: every option exists and every value is valid. */
    static CommandLine.ParseResult parse(List<String> command) {
        CommandLine cli = new CommandLine(new HuntazeAudit());
        HuntazeAudit.SUBCOMMANDS.forEach((name, factory) -> cli.addSubcommand(name, factory.get()));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli.parseArgs(command.toArray(String[]::new)).subcommand();
    }

    private static void assertGlobFindsTheFile(String glob, Path outputDir, ReportFormat format) {
        String file = outputDir.resolve(ReportOutput.fileName(REPORT, format)).toString();
        assertThat(CheckSelection.glob(glob).matcher(file).matches()).as(glob + " finds " + file).isTrue();
    }

    private static String option(CommandLine.ParseResult check, String name) {
        return check.matchedOptionValue(name, (Object) null) == null ? null
                : String.valueOf((Object) check.matchedOptionValue(name, (Object) null));
    }

    /** Runs a gate script in bash with {@code variable} set to {@code exitCode}: the job's exit code. */
    private static int gate(String script, String variable, int exitCode) throws IOException, InterruptedException {
        Process bash = new ProcessBuilder("bash", "-e", "-c", variable + "=" + exitCode + "\n" + script)
                .redirectErrorStream(true).start();
        bash.getInputStream().readAllBytes();
        return bash.waitFor();
    }

    @Test
    void theGithubWorkflowRunsNightlyWithOidcAndGatesOnTheExitCode() throws Exception {
        JsonNode workflow = yaml("ci-examples/github-actions.yml");

        assertThat(workflow.get("on").get("schedule").get(0).get("cron").asText().split(" ")).hasSize(5);
        assertThat(workflow.get("permissions").get("id-token").asText()).isEqualTo("write");
        List<JsonNode> steps = new ArrayList<>();
        workflow.get("jobs").get("audit").get("steps").forEach(steps::add);
        JsonNode credentials = step(steps, "aws-actions/configure-aws-credentials@");
        assertThat(credentials.get("with").get("role-to-assume").asText()).startsWith("arn:aws:iam::");
        assertThat(credentials.get("with").has("aws-access-key-id")).as("OIDC, no stored keys").isFalse();

        JsonNode audit = steps.stream().filter(s -> s.path("id").asText().equals("audit")).findFirst().orElseThrow();
        assertThat(steps.indexOf(audit)).isGreaterThan(steps.indexOf(credentials));
        List<String> command = checkCommand(audit.get("run").asText());
        CommandLine.ParseResult check = parse(command);
        assertThat(check.commandSpec().name()).isEqualTo("check");
        assertThat(command).contains("--baseline", "--fail-on-new", "--config", "--output-dir");
        assertThat(option(check, "--format")).isEqualTo("[md, json, junit, sarif]");
        assertThat(option(check, "--max-md-bytes")).as("the job summary holds 1 MiB").isEqualTo("900000");
        Path reports = Path.of(option(check, "--output-dir"));
        assertThat(audit.get("run").asText()).contains("$?").contains("$GITHUB_OUTPUT");

        JsonNode summary = steps.stream().filter(s -> s.path("run").asText().contains("$GITHUB_STEP_SUMMARY"))
                .findFirst().orElseThrow();
        assertThat(summary.get("if").asText()).isEqualTo("always()");
        Matcher md = Pattern.compile("cat (\\S+\\.md)").matcher(summary.get("run").asText());
        assertThat(md.find()).isTrue();
        assertGlobFindsTheFile(md.group(1), reports, ReportFormat.md);

        JsonNode upload = step(steps, "actions/upload-artifact@");
        assertThat(upload.get("if").asText()).isEqualTo("always()");
        assertThat(Path.of(upload.get("with").get("path").asText())).isEqualTo(reports);

        JsonNode tests = step(steps, "dorny/test-reporter@");
        assertThat(tests.get("with").get("reporter").asText()).isEqualTo("java-junit");
        assertThat(tests.get("with").get("fail-on-error").asBoolean()).as("the exit code decides").isFalse();
        assertGlobFindsTheFile(tests.get("with").get("path").asText(), reports, ReportFormat.junit);

        // The SARIF report becomes code scanning alerts, whatever the gate decided.
        assertThat(workflow.get("permissions").get("security-events").asText()).isEqualTo("write");
        JsonNode codeScanning = step(steps, "github/codeql-action/upload-sarif@");
        assertThat(codeScanning.get("if").asText()).startsWith("always()");
        Matcher sarifGlob = Pattern.compile("hashFiles\\('([^']+)'\\)").matcher(codeScanning.get("if").asText());
        assertThat(sarifGlob.find()).isTrue();
        assertGlobFindsTheFile(sarifGlob.group(1), reports, ReportFormat.sarif);
        assertThat(Path.of(codeScanning.get("with").get("sarif_file").asText())).isEqualTo(reports);

        JsonNode gate = steps.get(steps.size() - 1);
        assertThat(gate.get("env").get("AUDIT_EXIT").asText()).isEqualTo("${{ steps.audit.outputs.exit-code }}");
        for (int code : new int[] {ExitCode.OK, ExitCode.NOK, ExitCode.USAGE, ExitCode.CANNOT_RUN,
                ExitCode.INTERNAL_ERROR}) {
            assertThat(gate(gate.get("run").asText(), "AUDIT_EXIT", code)).as("exit %d", code).isEqualTo(code);
        }
    }

    @Test
    void theGitlabJobReportsJunitAndGatesOnTheExitCode() throws Exception {
        JsonNode job = yaml("ci-examples/gitlab-ci.yml").get("huntaze-audit");

        assertThat(job.get("image").get("entrypoint").get(0).asText()).as("a shell, not the CLI, runs the script")
                .isEmpty();
        assertThat(job.get("rules").toString()).contains("schedule");
        assertThat(job.get("id_tokens").get("AWS_ID_TOKEN").has("aud")).isTrue();
        assertThat(job.get("variables").get("AWS_ROLE_ARN").asText()).startsWith("arn:aws:iam::");
        assertThat(job.get("variables").has("AWS_WEB_IDENTITY_TOKEN_FILE")).isTrue();

        List<String> script = new ArrayList<>();
        job.get("script").forEach(line -> script.add(line.asText()));
        String run = script.stream().filter(l -> l.contains("huntaze-audit check")).findFirst().orElseThrow();
        List<String> command = checkCommand(run);
        CommandLine.ParseResult check = parse(command);
        assertThat(command).contains("--baseline", "--fail-on-new", "--config", "--output-dir");
        assertThat(option(check, "--format")).isEqualTo("[md, json, junit]");
        assertThat(run.strip()).endsWith("|| status=$?");
        Path reports = Path.of(option(check, "--output-dir"));

        JsonNode artifacts = job.get("artifacts");
        assertThat(artifacts.get("when").asText()).isEqualTo("always");
        assertThat(Path.of(artifacts.get("paths").get(0).asText())).isEqualTo(reports);
        assertGlobFindsTheFile(artifacts.get("reports").get("junit").asText(), reports, ReportFormat.junit);

        String gate = script.get(script.size() - 1);
        for (int code : new int[] {ExitCode.OK, ExitCode.NOK, ExitCode.USAGE, ExitCode.CANNOT_RUN,
                ExitCode.INTERNAL_ERROR}) {
            assertThat(gate(gate, "status", code)).as("exit %d", code).isEqualTo(code);
        }
    }

    private static JsonNode step(List<JsonNode> steps, String uses) {
        return steps.stream().filter(s -> s.path("uses").asText().startsWith(uses)).findFirst()
                .orElseThrow(() -> new AssertionError("no step uses " + uses));
    }

    @Test
    void theDockerfileBuildsWithMavenAndRunsTheJarAsANonRootUser() throws IOException {
        String dockerfile = Files.readString(Path.of("Dockerfile"), StandardCharsets.UTF_8);
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);

        List<String> stages = dockerfile.lines().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(stages).containsExactly("FROM maven:3.9-eclipse-temurin-17 AS build", "FROM eclipse-temurin:17-jre");
        // Every directory the build reads is copied into the build stage.
        Matcher resource = Pattern.compile("<resource><directory>([^<]+)</directory>").matcher(pom);
        List<String> needed = new ArrayList<>(List.of("pom.xml", "src"));
        while (resource.find()) {
            needed.add(resource.group(1).replaceFirst("/.*", ""));
        }
        for (String path : needed.stream().distinct().toList()) {
            assertThat(dockerfile).as(path).containsPattern("(?m)^COPY " + Pattern.quote(path) + " ");
        }
        Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(pom);
        assertThat(finalName.find()).isTrue();
        assertThat(dockerfile).contains("COPY --from=build /src/target/" + finalName.group(1) + ".jar ");
        Matcher user = Pattern.compile("(?m)^USER (\\S+)").matcher(dockerfile);
        assertThat(user.find()).isTrue();
        assertThat(user.group(1)).doesNotStartWith("root").doesNotStartWith("0");
        assertThat(dockerfile.indexOf("USER ")).as("the user is set after the last root step")
                .isGreaterThan(dockerfile.lastIndexOf("RUN "));
        assertThat(dockerfile).containsPattern("(?m)^ENTRYPOINT \\[\"huntaze-audit\"\\]$");

        List<String> ignored = Files.readAllLines(Path.of(".dockerignore"));
        assertThat(ignored).contains("target", ".git");
    }
}
