package com.huntaze.audit.services.repo;

import static com.huntaze.audit.services.repo.RepoStateFilesCheckTest.file;
import static com.huntaze.audit.services.repo.RepoStateFilesCheckTest.scan;
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

class RepoSecretFilesCheckTest {

    @TempDir
    static Path dir;
    static RepositoryScan fixture;

    @BeforeAll
    static void buildFixture() {
        fixture = FixtureRepository.create(dir).scan();
    }

    private static List<Finding> noks(RepositoryScan scan) {
        return CheckHarness.of(new RepoSecretFilesCheck()).with(RepoDatasets.SCANS, List.of(scan)).findings()
                .stream().filter(f -> f.status() == Status.NOK).toList();
    }

    @Test
    void theFixtureHasNoSecretFileAtHeadItsEnvExampleIsATemplate() {
        // secrets-backup/of-creds.json was removed by a later commit: repo.history-secrets judges it, not this check.
        var findings = CheckHarness.of(new RepoSecretFilesCheck()).with(RepoDatasets.SCANS, List.of(fixture))
                .findings();

        assertThat(findings).extracting(Finding::status).containsExactly(Status.OK);
        assertThat(findings).extracting(Finding::resourceId).doesNotContain(FixtureRepository.ENV_EXAMPLE);
    }

    @Test
    void dataFilesUnderASecretsFolderAreNokButCodeThereIsNot() {
        var findings = noks(scan(List.of(file("secrets-backup/of-creds.json"), file("ops/secret-backup/db.txt"),
                file("config/secrets/prod.yaml"), file("config/secrets/credentials"), file("src/secrets/loader.ts"),
                file("src/secrets/Vault.java"))));

        assertThat(findings).extracting(Finding::resourceId).containsExactly("config/secrets/credentials",
                "config/secrets/prod.yaml", "ops/secret-backup/db.txt", "secrets-backup/of-creds.json");
        assertThat(findings.get(3).message()).contains("a data file under secrets-backup/")
                .contains("delete it from the repository and its history");
        assertThat(findings.get(3).location().line()).isNull();
    }

    @Test
    void keyStoresSshKeysAndEnvFilesAreNokTemplatesAreNot() {
        var findings = noks(scan(List.of(file("certs/app.p12"), file("certs/app.pfx"), file("deploy/id_rsa"),
                file(".env"), file("web/.env.production"), file("prod.env"), file(".env.example"),
                file(".env.sample"), file(".env.template"), file("deploy/id_rsa.pub"))));

        assertThat(findings).extracting(Finding::resourceId).containsExactly(".env", "certs/app.p12", "certs/app.pfx",
                "deploy/id_rsa", "prod.env", "web/.env.production");
    }

    @Test
    void aPemHoldingAPrivateKeyIsNokAtTheKeyLineACertificateIsNot() {
        var key = new SecretMark("clean", "certs/server.pem", 3, SecretMark.Kind.PRIVATE_KEY,
                "-----BEGIN RSA PRIVATE KEY-----", false);
        var findings = noks(scan(List.of(file("certs/server.pem"), file("certs/ca.pem")), key));

        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).resourceId()).isEqualTo("certs/server.pem");
        assertThat(findings.get(0).location().line()).isEqualTo(3);
        assertThat(findings.get(0).message()).contains("a private key (-----BEGIN RSA PRIVATE KEY----- on line 3)");
    }
}
