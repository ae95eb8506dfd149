package com.huntaze.audit.services.repo;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.cli.ExitCode;
import com.huntaze.audit.report.ReportReader;
import com.huntaze.audit.testing.CliRun;
import com.huntaze.audit.testing.FixtureRepository;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IaC checks on the fixture repository, through the command line as a user runs them: each planted gap
 * is a NOK at its path and line, and what is right stays OK.
 */
class RepoIacFixtureAuditTest {
    @TempDir
    static Path dir;
    static List<Map<String, Object>> findings;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void audit() {
        String repo = FixtureRepository.create(dir).root().toString();
        CliRun run = CliRun.of("check", "--repo", repo, "--no-aws", "--format", "json");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.NOK);
        findings = (List<Map<String, Object>>) ReportReader.parse("fixture", run.out()).get("findings");
    }

    @SuppressWarnings("unchecked")
    private static List<String> at(String checkId, String status) {
        return findings.stream().filter(f -> checkId.equals(f.get("checkId")) && status.equals(f.get("status")))
                .map(f -> {
                    Map<String, Object> location = (Map<String, Object>) f.get("location");
                    return location.get("path") + ":" + location.get("line");
                }).toList();
    }

    @Test
    void assignPublicIpEnabledIsNokInTheStackAndInTheTerraformAiRouter() {
        assertThat(at("repo.iac-public-ip", "NOK")).contains(
                FixtureRepository.STACK + ":" + FixtureRepository.STACK_ASSIGN_PUBLIC_IP_LINE,
                FixtureRepository.AI_ROUTER + ":" + FixtureRepository.AI_ROUTER_PUBLIC_IP_LINE);
    }

    @Test
    void theForwardingHttpListenerAndTheAlbWithoutHttpsAreNokWhileTheRedirectingListenerIsOk() {
        List<String> nok = at("repo.iac-http-listener", "NOK");
        assertThat(nok).anyMatch(l -> l.startsWith(FixtureRepository.STACK + ":"));
        assertThat(nok).noneMatch(l -> l.startsWith(FixtureRepository.REDIRECT_STACK + ":"));
        assertThat(at("repo.iac-http-listener", "OK")).anyMatch(l -> l.startsWith(FixtureRepository.REDIRECT_STACK
                + ":"));
    }

    @Test
    void theAiRouterRootModuleHasNoRemoteBackendWhileTheCronModuleIsLocked() {
        List<String> nok = at("repo.terraform-remote-state", "NOK");
        assertThat(nok).anyMatch(l -> l.startsWith("infra/terraform/ai-router"));
        assertThat(nok).noneMatch(l -> l.startsWith("infra/terraform/eventbridge-cron"));
    }

    @Test
    void theCloudFrontOriginDefaultingToVercelIsNok() {
        assertThat(at("repo.cloudfront-origin", "NOK")).singleElement().asString()
                .startsWith(FixtureRepository.CLOUDFRONT + ":");
        assertThat(findings).filteredOn(f -> "repo.cloudfront-origin".equals(f.get("checkId")))
                .anySatisfy(f -> assertThat((String) f.get("message")).contains("huntaze.vercel.app"));
    }

    @Test
    void theTaskRoleWithoutPoliciesIsNok() {
        assertThat(at("repo.task-role-policies", "NOK")).singleElement().asString()
                .startsWith(FixtureRepository.STACK + ":");
    }
}
