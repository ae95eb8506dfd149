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

class RepoHistorySecretsCheckTest {

    @TempDir
    static Path dir;
    static FixtureRepository repository;
    static List<Finding> fixture;

    @BeforeAll
    static void auditTheFixture() {
        repository = FixtureRepository.create(dir);
        fixture = audit(repository.scan());
    }

    private static List<Finding> audit(RepositoryScan scan) {
        return CheckHarness.of(new RepoHistorySecretsCheck()).with(RepoDatasets.SCANS, List.of(scan)).findings();
    }

    @Test
    void theSecretsBackupRemovedAtHeadIsNokNamingTheLastCommitThatHeldIt() {
        assertThat(fixture).hasSize(1);
        Finding removed = fixture.get(0);

        assertThat(removed.status()).isEqualTo(Status.NOK);
        assertThat(removed.resourceId()).isEqualTo(FixtureRepository.REMOVED_SECRETS);
        assertThat(removed.location()).isEqualTo(new Finding.Location("huntaze", FixtureRepository.REMOVED_SECRETS,
                null));
        assertThat(removed.message()).contains("removed at HEAD but every clone still has it (commit "
                + repository.firstCommit().substring(0, 7) + ", " + FixtureRepository.FIRST_COMMIT_DATE + ")");
        assertThat(removed.evidence()).containsEntry("Rule", "repo.secret-files")
                .containsEntry("History", "3 commits read, newest first (--repo-history-commits 10000)");
    }

    @Test
    void theStateFileStillAtHeadIsNotAHistoryFinding() {
        // repo.state-files judges it where it is now
        assertThat(fixture).extracting(Finding::resourceId).doesNotContain(FixtureRepository.STATE_FILE);
    }

    @Test
    void theHistoryIsReadNoFurtherThanTheBoundAndTheEvidenceSaysSo() throws Exception {
        // HEAD alone: the deletion (commit 2) is not read, so nothing removed is seen
        var bounded = new RepoReader(1).read("huntaze", repository.root());
        var findings = audit(bounded);

        assertThat(findings).extracting(Finding::status).containsExactly(Status.OK);
        assertThat(findings.get(0).evidence()).containsEntry("History",
                "1 commit read, newest first (--repo-history-commits 1)");
    }

    @Test
    void aRepositoryWithoutGitMetadataHasNoHistoryToJudge() {
        assertThat(audit(RepoStateFilesCheckTest.scan(List.of(RepoStateFilesCheckTest.file("a.tfstate"))))).isEmpty();
    }
}
