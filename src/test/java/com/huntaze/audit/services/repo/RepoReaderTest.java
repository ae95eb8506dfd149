package com.huntaze.audit.services.repo;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.testing.FixtureRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoReaderTest {

    @TempDir
    static Path dir;
    static FixtureRepository fixture;
    static RepositoryScan scan;

    @BeforeAll
    static void readTheFixture() {
        fixture = FixtureRepository.create(dir);
        scan = fixture.scan();
    }

    @Test
    void aGitWorkTreeIsReadAsGitSeesItTrackedPlusUntrackedNotIgnored() {
        assertThat(scan.repository().name()).isEqualTo("huntaze");
        assertThat(scan.repository().headCommit()).isEqualTo(fixture.headCommit());
        assertThat(scan.repository().files()).extracting(Repository.SourceFile::path)
                .contains(FixtureRepository.STATE_FILE, FixtureRepository.DOCS, FixtureRepository.UNTRACKED, ".gitignore")
                .doesNotContain(FixtureRepository.IGNORED, FixtureRepository.REMOVED_SECRETS)
                .noneMatch(path -> path.startsWith(".git/"))
                .isSorted();
    }

    @Test
    void anIgnoredFileIsNotScannedEvenWhenItHoldsAKey() {
        assertThat(scan.marks()).extracting(SecretMark::path).doesNotContain(FixtureRepository.IGNORED);
    }

    @Test
    void theHistoryGivesEachPathWithTheNewestCommitThatHeldIt() {
        assertThat(scan.repository().historyCommits()).isEqualTo(3);
        assertThat(scan.repository().historicPaths()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo(FixtureRepository.REMOVED_SECRETS);
            assertThat(p.commit()).isEqualTo(fixture.firstCommit());
            assertThat(p.commitDate()).isEqualTo(FixtureRepository.FIRST_COMMIT_DATE);
        });
        assertThat(scan.repository().historicPaths()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo(FixtureRepository.STATE_FILE);
            assertThat(p.commit()).isEqualTo(fixture.headCommit());
        });
    }

    @Test
    void theDiscoveryFindsEveryInfrastructureFileByKind() {
        assertThat(scan.infrastructure()).containsExactlyEntriesOf(FixtureRepository.INFRASTRUCTURE);
    }

    @Test
    void withoutGitEveryFileIsReadButVendoredAndGeneratedFolders(@TempDir Path plain) throws IOException {
        write(plain, "infra/main.tf", "provider \"aws\" {}\n");
        write(plain, "node_modules/pkg/index.js", "x\n");
        write(plain, "vendor/lib/x.go", "x\n");
        write(plain, "infra/.terraform/providers/p", "x\n");
        write(plain, "sub/.git/HEAD", "x\n"); // a nested repository's metadata
        write(plain, "app.ts", "x\n");

        RepositoryScan read = new RepoReader(10).read("plain", plain);

        assertThat(read.repository().headCommit()).isNull();
        assertThat(read.repository().historicPaths()).isEmpty();
        assertThat(read.repository().files()).extracting(Repository.SourceFile::path)
                .containsExactly("app.ts", "infra/main.tf");
    }

    @Test
    void largeFilesAndSymlinksLeavingTheFolderAreSkippedAndCountedBinaryFilesAreKeptAsBinary(@TempDir Path plain,
                                                                                            @TempDir Path outside)
            throws IOException {
        write(plain, "certs/app.p12", "");
        Files.write(plain.resolve("certs/app.p12"), new byte[] {0x30, 0x00, 0x01, 'A', 'K', 'I', 'A'});
        Files.write(plain.resolve("dump.sql"), new byte[(int) RepoReader.MAX_FILE_BYTES + 1]);
        write(outside, "secret.txt", "x\n");
        Files.createSymbolicLink(plain.resolve("leak.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(plain.resolve("dangling.txt"), plain.resolve("nowhere"));
        write(plain, "real.yaml", "a: 1\n");
        Files.createSymbolicLink(plain.resolve("alias.yaml"), plain.resolve("real.yaml"));

        RepositoryScan read = new RepoReader(10).read("plain", plain);

        assertThat(read.skipped()).isEqualTo(new RepositoryScan.Skipped(1, 1, 2));
        assertThat(read.repository().files()).extracting(Repository.SourceFile::path, Repository.SourceFile::binary)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("alias.yaml", false),
                        org.assertj.core.groups.Tuple.tuple("certs/app.p12", true),
                        org.assertj.core.groups.Tuple.tuple("real.yaml", false));
    }

    private static void write(Path root, String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
