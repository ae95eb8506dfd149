package com.huntaze.audit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huntaze.audit.testing.CliRun;
import com.huntaze.audit.testing.FixtureRepository;
import com.huntaze.audit.testing.Moto;
import com.huntaze.audit.testing.MotoServer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --region us-east-1 --endpoint-url MOTO --repo DIR}: one report of the account and the repository
 * together, the account's findings in their region and the repository's in region {@code repo} with a location, and
 * no planted credential of the repository in any output.
 */
@ExtendWith(Moto.class)
class RepositoryAndAccountIT {

    @Test
    void oneReportCoversTheAccountAndTheRepository(MotoServer moto, @TempDir Path dir) {
        FixtureRepository repository = FixtureRepository.create(dir);

        CliRun run = CliRun.of("check", "--endpoint-url", moto.endpoint().toString(), "--region", "us-east-1",
                "--repo", repository.root().toString(), "--format", "json", "--debug");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        JsonNode report = run.json();
        assertThat(report.get("account").asText()).isEqualTo("123456789012");
        assertThat(report.get("repositories").get(0).get("name").asText()).isEqualTo("huntaze");
        Set<String> regions = new HashSet<>();
        report.get("findings").forEach(f -> regions.add(f.get("region").asText()));
        assertThat(regions).contains("us-east-1", "global", "repo");
        JsonNode state = run.finding("repo.state-files", "repo", FixtureRepository.STATE_FILE);
        assertThat(state.get("status").asText()).isEqualTo("NOK");
        assertThat(state.get("location").get("path").asText()).isEqualTo(FixtureRepository.STATE_FILE);
        report.get("findings").forEach(f -> assertThat(f.has("location"))
                .as(f.get("checkId").asText()).isEqualTo(f.get("checkId").asText().startsWith("repo.")));
        assertThat(report.get("stats").get("apiCalls").has("sts:GetCallerIdentity")).isTrue();
        for (String planted : FixtureRepository.PLANTED) {
            assertThat(run.out()).doesNotContain(planted);
            assertThat(run.err()).doesNotContain(planted);
        }
    }
}
