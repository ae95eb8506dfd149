package com.huntaze.audit.services.ecr;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.inventory.CollectionFailure;
import com.huntaze.audit.testing.CheckHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class EcrScanOnPushCheckTest {

    private static EcrRepository repo(String name, boolean scanOnPush) {
        return new EcrRepository(name, "arn:aws:ecr:us-east-1:123456789012:repository/" + name,
                "123456789012.dkr.ecr.us-east-1.amazonaws.com/" + name, "123456789012", scanOnPush);
    }

    private static EcrRegistryScanning registry(String type, EcrRegistryScanning.Rule... rules) {
        return new EcrRegistryScanning("123456789012", type, List.of(rules));
    }

    private static EcrRegistryScanning.Rule rule(String frequency, String... filters) {
        return new EcrRegistryScanning.Rule(frequency, List.of(filters));
    }

    private static CheckHarness audit(EcrRegistryScanning registry, EcrRepository... repositories) {
        return CheckHarness.of(new EcrScanOnPushCheck())
                .with(EcrDatasets.REGISTRY_SCANNING, registry)
                .with(EcrDatasets.REPOSITORIES, List.of(repositories));
    }

    @Test
    void underBasicScanningWithoutRulesEachRepositoryIsJudgedByItsOwnScanOnPush() {
        var audit = audit(registry("BASIC"), repo("api", true), repo("team/web", false));

        assertThat(audit.finding("api").status()).isEqualTo(Status.OK);
        Finding web = audit.finding("team/web");
        assertThat(web.status()).isEqualTo(Status.NOK);
        assertThat(web.message()).isEqualTo("Images pushed to team/web are not scanned: scanOnPush is off and no"
                + " registry scanning rule covers it.");
        assertThat(web.evidence()).containsEntry("ScanType", "BASIC").containsEntry("ScanOnPush", false)
                .containsEntry("RegistryRules", List.of());
        assertThat(web.resourceArn()).isEqualTo("arn:aws:ecr:us-east-1:123456789012:repository/team/web");
        assertThat(audit.fixCommands(web)).singleElement().asString()
                .startsWith("aws ecr put-image-scanning-configuration --repository-name team/web ");
    }

    @Test
    void aRegistryRuleOnEveryRepositoryIsOneAccountLevelOk() {
        for (var registry : List.of(registry("BASIC", rule("SCAN_ON_PUSH", "*")),
                registry("ENHANCED", rule("CONTINUOUS_SCAN", "*")),
                registry("ENHANCED", rule("SCAN_ON_PUSH", "prod-*", "*")))) {
            List<Finding> findings = audit(registry, repo("api", false), repo("web", false)).findings();

            assertThat(findings).as(registry.toString()).hasSize(1);
            Finding ok = findings.get(0);
            assertThat(ok.status()).isEqualTo(Status.OK);
            assertThat(ok.resourceId()).as("account-level").isEmpty();
            assertThat(ok.resourceType()).isEqualTo("AWS::::Account");
            assertThat(ok.message()).startsWith("The registry scans every repository's images on push (");
            assertThat(ok.evidence()).containsEntry("RepositoryFilter", "*").containsEntry("Repositories", 2);
        }
    }

    @Test
    void aRuleOnSomeRepositoriesCoversThoseItsWildcardMatches() {
        var audit = audit(registry("BASIC", rule("SCAN_ON_PUSH", "prod-*", "shared")),
                repo("prod-api", false), repo("shared", false), repo("dev-api", false), repo("prod", false));

        assertThat(audit.finding("prod-api").status()).isEqualTo(Status.OK);
        assertThat(audit.finding("prod-api").evidence()).containsEntry("RepositoryFilter", "prod-*");
        assertThat(audit.finding("prod-api").message()).contains("registry rule SCAN_ON_PUSH on prod-*");
        assertThat(audit.finding("shared").status()).isEqualTo(Status.OK);
        assertThat(audit.finding("dev-api").status()).isEqualTo(Status.NOK);
        assertThat(audit.finding("dev-api").evidence()).containsEntry("RegistryRules",
                List.of("SCAN_ON_PUSH on prod-*, shared"));
        assertThat(audit.finding("prod").status()).as("prod-* needs the dash").isEqualTo(Status.NOK);
    }

    @Test
    void aManualRuleScansNothingOnPush() {
        var audit = audit(registry("BASIC", rule("MANUAL", "*")), repo("api", false));

        assertThat(audit.findings()).hasSize(1);
        assertThat(audit.finding("api").status()).isEqualTo(Status.NOK);
    }

    @Test
    void enhancedScanningIgnoresTheRepositorysOwnSetting() {
        var audit = audit(registry("ENHANCED", rule("CONTINUOUS_SCAN", "prod-*")), repo("prod-api", false),
                repo("tools", true));

        assertThat(audit.finding("prod-api").status()).isEqualTo(Status.OK);
        Finding tools = audit.finding("tools");
        assertThat(tools.status()).isEqualTo(Status.NOK);
        assertThat(tools.message()).contains("ENHANCED scanning, which ignores the repository's own scanOnPush"
                + " (true here)").contains("no ENHANCED rule covers it");
    }

    @Test
    void noRepositoryAndNoRuleMeansNothingToJudge() {
        assertThat(audit(registry("BASIC")).findings()).isEmpty();
    }

    @Test
    void aDeniedRegistryConfigurationIsATodoNamingTheAction() {
        var denied = new CollectionFailure("ecr:GetRegistryScanningConfiguration",
                CollectionFailure.Kind.ACCESS_DENIED, "AccessDeniedException", "not authorized");
        var audit = CheckHarness.of(new EcrScanOnPushCheck())
                .failing("us-east-1", EcrDatasets.REGISTRY_SCANNING, denied)
                .with(EcrDatasets.REPOSITORIES, List.of(repo("api", true)));

        Finding todo = audit.findings().get(0);
        assertThat(todo.status()).isEqualTo(Status.TODO);
        assertThat(todo.message()).contains("ecr:GetRegistryScanningConfiguration").contains("access denied");
    }
}
