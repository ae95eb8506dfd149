package com.huntaze.audit.services.repo;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.testing.CheckHarness;
import com.huntaze.audit.testing.FixtureRepository;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoStateFilesCheckTest {

    @TempDir
    static Path dir;
    static RepositoryScan fixture;

    @BeforeAll
    static void buildFixture() {
        fixture = FixtureRepository.create(dir).scan();
    }

    private static CheckHarness audit(RepositoryScan... scans) {
        return CheckHarness.of(new RepoStateFilesCheck()).with(RepoDatasets.SCANS, List.of(scans));
    }

    @Test
    void aCommittedTerraformStateIsNokAtItsPathInRegionRepo() {
        Finding state = audit(fixture).finding(FixtureRepository.STATE_FILE);

        assertThat(state.status()).isEqualTo(Status.NOK);
        assertThat(state.region()).isEqualTo("repo");
        assertThat(state.resourceType()).isEqualTo("File");
        assertThat(state.location()).isEqualTo(new Finding.Location("huntaze", FixtureRepository.STATE_FILE, null));
        assertThat(state.message()).contains("state holds resource attributes, often passwords, in clear: move it to"
                + " a remote backend, delete it from the repository and its history, rotate what it held");
        assertThat(state.remediation()).contains("terraform init -migrate-state");
    }

    @Test
    void everyStateFileShapeCountsAndNothingElse() {
        var files = List.of(file("prod.tfstate"), file("infra/prod.tfstate.backup"),
                file("terraform.tfstate.d/staging/terraform.tfstate"), file("envs/terraform.tfstate.d/dev/x"),
                file("docs/tfstate.md"), file("infra/main.tf"));
        var findings = audit(scan(files)).findings();

        assertThat(findings).filteredOn(f -> f.status() == Status.NOK).extracting(Finding::resourceId)
                .containsExactly("envs/terraform.tfstate.d/dev/x", "infra/prod.tfstate.backup", "prod.tfstate",
                        "terraform.tfstate.d/staging/terraform.tfstate");
    }

    @Test
    void aRepositoryWithoutStateGetsOneOkAboutItself() {
        var findings = audit(scan(List.of(file("infra/main.tf")))).findings();

        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).status()).isEqualTo(Status.OK);
        assertThat(findings.get(0).resourceId()).isEqualTo(".");
        assertThat(findings.get(0).location().repository()).isEqualTo("clean");
    }

    static Repository.SourceFile file(String path) {
        return new Repository.SourceFile(path, 10, false);
    }

    /** A repository named "clean" of these files, without git metadata. */
    static RepositoryScan scan(List<Repository.SourceFile> files, SecretMark... marks) {
        return new RepositoryScan("clean", new Repository("clean", Path.of("/repos/clean"), null, files, List.of(), 0),
                java.util.Map.of(), new RepositoryScan.Skipped(0, 0, 0), List.of(marks), 10_000);
    }
}
