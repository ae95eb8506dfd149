package com.huntaze.audit.services.repo;

import static com.huntaze.audit.services.repo.RepoStateFilesCheckTest.file;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.testing.CheckHarness;
import com.huntaze.audit.testing.FixtureRepository;
import com.huntaze.audit.util.Masking;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoAwsKeysCheckTest {

    @TempDir
    static Path dir;
    static List<Finding> fixture;

    @BeforeAll
    static void auditTheFixture() {
        fixture = audit(FixtureRepository.create(dir).scan());
    }

    private static List<Finding> audit(RepositoryScan scan) {
        return CheckHarness.of(new RepoAwsKeysCheck()).with(RepoDatasets.SCANS, List.of(scan)).findings();
    }

    private static Finding at(List<Finding> findings, String path, int line) {
        var matching = findings.stream().filter(f -> f.location() != null && path.equals(f.location().path())
                && Integer.valueOf(line).equals(f.location().line())).toList();
        assertThat(matching).as(path + ":" + line + " in " + findings).hasSize(1);
        return matching.get(0);
    }

    @Test
    void aRealLookingKeyIdInAScriptIsNokAtItsLineMasked() {
        Finding key = at(fixture, FixtureRepository.DEPLOY_SCRIPT, FixtureRepository.DEPLOY_KEY_ID_LINE);

        assertThat(key.status()).isEqualTo(Status.NOK);
        assertThat(key.region()).isEqualTo("repo");
        assertThat(key.resourceId()).isEqualTo(FixtureRepository.DEPLOY_SCRIPT);
        assertThat(key.message()).contains(Masking.maskAccessKeyId(FixtureRepository.PLANTED_KEY_ID))
                .doesNotContain(FixtureRepository.PLANTED_KEY_ID);
        assertThat(key.evidence()).containsEntry("Severity", "critical")
                .containsEntry("KeyId", Masking.maskAccessKeyId(FixtureRepository.PLANTED_KEY_ID));
    }

    @Test
    void aSecretKeyValueIsNokShownOnlyAsItsLength() {
        Finding secret = at(fixture, FixtureRepository.DEPLOY_SCRIPT, FixtureRepository.DEPLOY_SECRET_KEY_LINE);

        assertThat(secret.status()).isEqualTo(Status.NOK);
        assertThat(secret.message()).contains("a value of 40 characters")
                .doesNotContain(FixtureRepository.PLANTED_SECRET_KEY);
        assertThat(String.valueOf(secret.evidence())).doesNotContain(FixtureRepository.PLANTED_SECRET_KEY);
    }

    @Test
    void amplifyYmlSettingAwsAccessKeyIdIsNokLongTermKeysInTheRuntimeEnvironment() {
        Finding variable = at(fixture, FixtureRepository.AMPLIFY, FixtureRepository.AMPLIFY_KEY_VARIABLE_LINE);

        assertThat(variable.status()).isEqualTo(Status.NOK);
        assertThat(variable.message()).contains("AWS_ACCESS_KEY_ID")
                .contains("long-term keys in the runtime environment; use the IAM role (Amplify service role, task"
                        + " role, OIDC)");
        assertThat(variable.evidence()).containsEntry("Severity", "high");
    }

    @Test
    void theDocumentationExampleKeyIsOk() {
        Finding example = at(fixture, FixtureRepository.DOCS, FixtureRepository.DOCS_EXAMPLE_KEY_LINE);

        assertThat(example.status()).isEqualTo(Status.OK);
        assertThat(example.message()).contains("AKIA…MPLE").contains("documentation example");
    }

    @Test
    void theFixtureHasExactlyThreeNoks() {
        assertThat(fixture).filteredOn(f -> f.status() == Status.NOK)
                .extracting(f -> f.location().path() + ":" + f.location().line())
                .containsExactlyInAnyOrder(FixtureRepository.AMPLIFY + ":" + FixtureRepository.AMPLIFY_KEY_VARIABLE_LINE,
                        FixtureRepository.DEPLOY_SCRIPT + ":" + FixtureRepository.DEPLOY_KEY_ID_LINE,
                        FixtureRepository.DEPLOY_SCRIPT + ":" + FixtureRepository.DEPLOY_SECRET_KEY_LINE);
    }

    @Test
    void keyVariablesCountInBuildAndRuntimeConfigurationOnlyEvenWithAPlaceholder() {
        String k8s = """
                apiVersion: apps/v1
                kind: Deployment
                spec:
                  template:
                    spec:
                      containers:
                        - name: app
                          env:
                            - name: AWS_SECRET_ACCESS_KEY
                              value: CHANGE_ME
                """;
        var marks = new java.util.ArrayList<SecretMark>();
        marks.addAll(SecretScanner.scan("clean", "k8s/app.yaml", k8s));
        marks.addAll(SecretScanner.scan("clean", ".github/workflows/deploy.yml",
                "env:\n  AWS_ACCESS_KEY_ID: ${{ secrets.KEY }}\n"));
        marks.addAll(SecretScanner.scan("clean", "buildspec.yml", "env:\n  variables:\n    AWS_ACCESS_KEY_ID: x\n"));
        marks.addAll(SecretScanner.scan("clean", "src/s3.ts", "const id = process.env.AWS_ACCESS_KEY_ID;\n"
                + "AWS_ACCESS_KEY_ID=local-only\n"));
        marks.addAll(SecretScanner.scan("clean", "scripts/ci.sh", "aws s3 ls # uses $AWS_ACCESS_KEY_ID\n"));
        var scan = new RepositoryScan("clean", new Repository("clean", Path.of("/repos/clean"), null,
                List.of(file(".github/workflows/deploy.yml"), file("buildspec.yml"), file("k8s/app.yaml"),
                        file("scripts/ci.sh"), file("src/s3.ts")), List.of(), 0),
                java.util.Map.of("kubernetes", List.of("k8s/app.yaml"), "codebuild", List.of("buildspec.yml")),
                new RepositoryScan.Skipped(0, 0, 0), marks, 10_000);

        assertThat(audit(scan)).filteredOn(f -> f.status() == Status.NOK)
                .extracting(f -> f.location().path() + ":" + f.location().line())
                .containsExactly(".github/workflows/deploy.yml:2", "buildspec.yml:3", "k8s/app.yaml:9");
    }

    @Test
    void keyIdsAreAkiaOrAsiaAndSixteenUpperCaseCharacters() {
        String text = "a=AKIAABCDEFGHIJKLMNOP\nb=ASIAABCDEFGHIJKLMNOP\nc=AKIAabcdefghijklmnop\nd=AKIAABCDEFGHIJKLMNOPQ\n"
                + "e=AIDAABCDEFGHIJKLMNOP\n";

        assertThat(SecretScanner.scan("r", "f", text)).extracting(SecretMark::line, SecretMark::shown)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "AKIA…MNOP"),
                        org.assertj.core.groups.Tuple.tuple(2, "ASIA…MNOP"));
    }

    @Test
    void aRepositoryWithoutKeysGetsOneOk() {
        var findings = audit(RepoStateFilesCheckTest.scan(List.of(file("src/app.ts"))));

        assertThat(findings).extracting(Finding::status).containsExactly(Status.OK);
        assertThat(findings.get(0).resourceId()).isEqualTo(".");
    }
}
