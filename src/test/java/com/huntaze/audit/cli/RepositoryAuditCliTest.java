package com.huntaze.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huntaze.audit.testing.CliRun;
import com.huntaze.audit.testing.FixtureRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --repo DIR}: the repository audit as a user runs it, without AWS. */
class RepositoryAuditCliTest {

    @TempDir
    static Path dir;
    static FixtureRepository repository;
    static String repo;

    @BeforeAll
    static void buildFixture() {
        repository = FixtureRepository.create(dir);
        repo = repository.root().toString();
    }

    @Test
    void noAwsRunsTheRepositoryAndByHandChecksOnlyAndExitsByTheGate() {
        CliRun run = CliRun.of("check", "--repo", repo, "--no-aws", "--format", "json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.NOK);
        JsonNode report = run.json();
        assertThat(report.get("account").isNull()).isTrue();
        assertThat(report.get("regions")).isEmpty();
        assertThat(report.get("stats").get("apiCalls")).as("no AWS call, STS included").isEmpty();
        List<String> checks = new ArrayList<>();
        report.get("checks").forEach(c -> checks.add(c.get("id").asText()));
        assertThat(checks).contains("repo.state-files", "repo.secret-files", "repo.aws-keys", "repo.history-secrets")
                .allMatch(id -> id.startsWith("repo.") || id.startsWith("manual."));
        JsonNode state = run.finding("repo.state-files", "repo", FixtureRepository.STATE_FILE);
        assertThat(state.get("status").asText()).isEqualTo("NOK");
        assertThat(state.get("resourceType").asText()).isEqualTo("File");
        assertThat(state.get("location").get("repository").asText()).isEqualTo("huntaze");
        assertThat(state.get("location").get("path").asText()).isEqualTo(FixtureRepository.STATE_FILE);
        assertThat(state.has("account")).isFalse();
        JsonNode key = run.finding("repo.aws-keys", "repo", FixtureRepository.DEPLOY_SCRIPT);
        assertThat(key.get("location").get("line").asInt()).isIn(FixtureRepository.DEPLOY_KEY_ID_LINE,
                FixtureRepository.DEPLOY_SECRET_KEY_LINE);
    }

    @Test
    void theRepositoriesListIsTheDiscoveryTableOfEveryInfrastructureFile() throws IOException {
        JsonNode report = CliRun.of("check", "--repo", repo, "--no-aws", "--format", "json").json();

        assertThat(report.get("repositories")).hasSize(1);
        JsonNode entry = report.get("repositories").get(0);
        assertThat(entry.get("name").asText()).isEqualTo("huntaze");
        assertThat(entry.get("path").asText()).isEqualTo(repo);
        assertThat(entry.get("headCommit").asText()).isEqualTo(repository.headCommit());
        Map<String, List<String>> found = new ObjectMapper().convertValue(entry.get("infrastructure"),
                new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, List<String>>>() { });
        assertThat(found).containsExactlyEntriesOf(FixtureRepository.INFRASTRUCTURE);
        assertThat(entry.get("skipped").toString()).isEqualTo("{\"tooLarge\":0,\"binary\":0,\"symlinks\":0}");
    }

    @Test
    void markdownShowsInfrastructureCodeFoundAndNamesNoAccount() {
        CliRun run = CliRun.of("check", "--repo", repo, "--no-aws");

        assertThat(run.out()).contains("# Launch-readiness audit — repositories only (no AWS account read)")
                .contains("## Infrastructure code found")
                .contains("**huntaze** (`" + repo + "`, HEAD " + repository.headCommit().substring(0, 7))
                .contains("| cloudformation | `" + FixtureRepository.STACK + "`, `" + FixtureRepository.REDIRECT_STACK
                        + "`, `" + FixtureRepository.CLOUDFRONT + "` |")
                .contains("| terraform | `" + FixtureRepository.AI_ROUTER + "`, `" + FixtureRepository.CRON_TERRAFORM
                        + "` |")
                .contains("git rm --cached " + FixtureRepository.STATE_FILE)
                .doesNotContain("account null");
    }

    @Test
    void thePlantedSecretValuesAppearInNoOutputFormatNorInDebugOutput(@TempDir Path out) throws IOException {
        CliRun run = CliRun.of("check", "--repo", repo, "--no-aws", "--format", "md,json,junit", "--output-dir",
                out.toString(), "--debug");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.NOK);
        List<Path> files;
        try (Stream<Path> listed = Files.list(out)) {
            files = listed.sorted().toList();
        }
        assertThat(files).extracting(f -> f.getFileName().toString())
                .allMatch(name -> name.startsWith("huntaze-audit-repo-huntaze-")).hasSize(3);
        List<String> outputs = new ArrayList<>(List.of(run.out(), run.err()));
        for (Path file : files) {
            outputs.add(Files.readString(file));
        }
        outputs.add(CliRun.of("check", "--repo", repo, "--no-aws", "--format", "json", "--debug").out());
        for (String planted : FixtureRepository.PLANTED) {
            assertThat(outputs).noneMatch(text -> text.contains(planted));
        }
    }

    @Test
    void aSavedReportWithoutAccountRendersAsTheRunDid(@TempDir Path out) throws IOException {
        CliRun.of("check", "--repo", repo, "--no-aws", "--format", "md,json", "--output-dir", out.toString());
        Path json;
        Path md;
        try (Stream<Path> listed = Files.list(out)) {
            List<Path> files = listed.sorted().toList();
            json = files.stream().filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
            md = files.stream().filter(f -> f.toString().endsWith(".md")).findFirst().orElseThrow();
        }

        CliRun rendered = CliRun.of("render", json.toString(), "--format", "md");

        assertThat(rendered.exitCode()).as(rendered.toString()).isZero();
        assertThat(rendered.out()).isEqualTo(Files.readString(md));
    }

    @Test
    void aConfigSuppressionAcceptsTheStateFileByGlob(@TempDir Path work) throws IOException {
        Path config = work.resolve("huntaze-audit.yml");
        Files.writeString(config, """
                suppressions:
                  - check: repo.state-files
                    resource: infra/aws/*.tfstate
                    reason: State moves to the S3 backend this sprint (PLAT-301).
                    by: dev@huntaze.test
                    expires: 2099-01-31
                """);

        CliRun run = CliRun.of("check", "--repo", repo, "--no-aws", "--format", "json", "--config", config.toString(),
                "--checks", "repo.state-files");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
        JsonNode state = run.finding("repo.state-files", "repo", FixtureRepository.STATE_FILE);
        assertThat(state.get("status").asText()).isEqualTo("NOK");
        assertThat(state.get("suppressed").asBoolean()).isTrue();
        assertThat(state.get("failsGate").asBoolean()).isFalse();
    }

    @Test
    void withoutRepoNoRepositoryCheckRunsAndNothingAboutRepositoriesIsReported() {
        JsonNode report = CliRun.of("check", "--demo", "--format", "json").json();

        assertThat(report.has("repositories")).isFalse();
        report.get("checks").forEach(c -> assertThat(c.get("id").asText()).doesNotStartWith("repo."));
    }

    @Test
    void theRepositoryChecksAddNoIamAction() {
        CliRun policy = CliRun.of("iam-policy");

        assertThat(policy.exitCode()).isZero();
        assertThat(policy.out()).doesNotContain("\"repo:");
    }

    @Test
    void noAwsWithoutRepoRunsTheByHandChecksOnly() {
        CliRun run = CliRun.of("check", "--no-aws", "--format", "json", "--fail-on", "never");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
        run.json().get("checks").forEach(c -> assertThat(c.get("id").asText()).startsWith("manual."));
    }

    @Test
    void contradictionsAndMissingFoldersAreUsageErrorsOnOneLine() {
        assertUsage(CliRun.of("check", "--no-aws", "--region", "us-east-1"),
                "--no-aws reads no AWS account: it cannot be combined with --region");
        assertUsage(CliRun.of("check", "--no-aws", "--endpoint-url", "http://127.0.0.1:5000", "--profile", "x"),
                "--no-aws reads no AWS account: it cannot be combined with --profile, --endpoint-url");
        assertUsage(CliRun.of("check", "--repo", dir.resolve("nowhere").toString(), "--no-aws"),
                "no such directory");
        assertUsage(CliRun.of("check", "--repo", repo + "/" + FixtureRepository.AMPLIFY, "--no-aws"),
                "not a directory");
        assertUsage(CliRun.of("check", "--no-aws", "--checks", "repo.*"), "repo.* checks need --repo DIR");
        assertUsage(CliRun.of("check", "--demo", "--checks", "repo.state-files"), "repo.* checks need --repo DIR");
    }

    private static void assertUsage(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err().strip()).contains(message).doesNotContain("\n");
    }
}
