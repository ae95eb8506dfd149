package com.huntaze.audit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huntaze.audit.engine.CheckRegistry;
import com.huntaze.audit.engine.Domain;
import com.huntaze.audit.testing.CliRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON report of --demo against the schemaVersion 1 contract, and the Markdown report's sections. */
class DemoReportContractTest {

    private static final List<String> STATUSES = List.of("OK", "TODO", "NOK");
    private static final List<String> OPTIONAL_FINDING_FIELDS = List.of("gateReason", "suppressed", "reason", "by",
            "expires", "suppressionExpired", "change");

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void jsonReportFollowsTheContract() {
        CliRun run = CliRun.of("check", "--demo", "--format", "json");
        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode report = run.json();

        // The optional fields (baseline, resolved, suppressions) appear only when the run used them: the demo's
        // config has suppressions, and no baseline was given.
        assertThat(fieldNames(report)).containsExactly("schemaVersion", "tool", "generatedAt", "account", "regions",
                "summary", "checks", "findings", "suppressions", "stats");
        assertThat(report.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(fieldNames(report.get("tool"))).containsExactly("name", "version");
        assertThat(report.get("tool").get("name").asText()).isEqualTo("huntaze-audit");
        assertThat(report.get("generatedAt").asText()).endsWith("Z");
        assertThat(Instant.parse(report.get("generatedAt").asText())).isNotNull();
        assertThat(report.get("account").asText()).matches("\\d{12}");
        assertThat(report.get("regions").isArray()).isTrue();
        assertThat(fieldNames(report.get("summary"))).startsWith("ok", "nok", "todo", "estimatedMonthlySavingsUsd");
        assertThat(fieldNames(report.get("stats"))).containsExactly("apiCalls", "durationMs");
        assertThat(report.get("stats").get("apiCalls").size()).as("the demo makes no AWS call").isZero();
        JsonNode errors = report.get("summary").get("collectionErrors");
        assertThat(errors).as("the demo's denied ecs:ListClusters is listed").isNotNull();
        assertThat(fieldNames(errors.get(0))).containsExactly("service", "region", "operation", "error", "kind");
        assertThat(errors.get(0).get("kind").asText()).isEqualTo("access-denied");
        assertThat(errors.get(0).get("operation").asText()).isEqualTo("ecs:ListClusters");
        assertThat(errors.get(0).get("region").asText()).isEqualTo("eu-west-1");

        JsonNode findings = report.get("findings");
        assertThat(findings.size()).isPositive();
        Map<String, Integer> counts = new HashMap<>();
        for (JsonNode f : findings) {
            List<String> names = fieldNames(f);
            // account: additive, on every finding of an AWS account (the demo's is 123456789012)
            assertThat(names.subList(0, 12)).containsExactly("checkId", "status", "account", "region",
                    "resourceType", "resourceId", "resourceArn", "message", "evidence", "remediation",
                    "estimatedMonthlySavingsUsd", "failsGate");
            assertThat(f.get("failsGate").isBoolean()).as("failsGate is on every finding, true or false").isTrue();
            // Then only the additive fields of a finding that does not fail, an accepted risk or an expired
            // suppression, in this order.
            assertThat(names.subList(12, names.size())).isSubsetOf(OPTIONAL_FINDING_FIELDS)
                    .isSortedAccordingTo(Comparator.comparingInt(OPTIONAL_FINDING_FIELDS::indexOf));
            assertThat(f.has("gateReason")).as("a NOK or TODO that does not fail says why")
                    .isEqualTo(!f.get("failsGate").asBoolean() && !f.get("status").asText().equals("OK"));
            if (f.has("suppressed")) {
                assertThat(names.subList(12, names.size())).containsExactly("gateReason", "suppressed", "reason", "by",
                        "expires");
                assertThat(f.get("failsGate").asBoolean()).as("an accepted risk does not fail the run").isFalse();
            }
            assertThat(f.get("status").asText()).isIn(STATUSES);
            assertThat(f.get("evidence").isObject()).isTrue();
            assertThat(f.get("estimatedMonthlySavingsUsd").isNumber()).isTrue();
            assertThat(f.get("message").asText()).isNotBlank();
            counts.merge(f.get("status").asText(), 1, Integer::sum);
        }
        assertThat(counts.keySet()).as("the sample shows every status").containsExactlyInAnyOrderElementsOf(STATUSES);
        assertThat(report.get("summary").get("ok").asInt()).isEqualTo(counts.get("OK"));
        assertThat(report.get("summary").get("nok").asInt()).isEqualTo(counts.get("NOK"));
        assertThat(report.get("summary").get("todo").asInt()).isEqualTo(counts.get("TODO"));

        // One entry per check run, its status the worst of its findings, resources = its number of findings.
        JsonNode checks = report.get("checks");
        // every check but the repository ones: the demo account has no repository
        assertThat(checks.size()).isEqualTo(CheckRegistry.load().checks().stream()
                .filter(c -> !com.huntaze.audit.collection.RepositoryCollector.readsRepositories(c.check())).count());
        for (JsonNode c : checks) {
            // rationale always; fixCommand when the check has one, fixCommandFor when it has some for other types.
            assertThat(fieldNames(c)).startsWith("id", "title", "domain", "severity", "status", "resources",
                    "verifyCommand", "rationale").isSubsetOf("id", "title", "domain", "severity", "status",
                    "resources", "verifyCommand", "rationale", "fixCommand", "fixCommandFor");
            List<JsonNode> own = new ArrayList<>();
            findings.forEach(f -> {
                if (f.get("checkId").asText().equals(c.get("id").asText())) {
                    own.add(f);
                }
            });
            String worst = own.stream().map(f -> f.get("status").asText())
                    .max(Comparator.comparingInt(STATUSES::indexOf)).orElse("OK");
            assertThat(c.get("status").asText()).as(c.get("id").asText()).isEqualTo(worst);
            assertThat(c.get("resources").asInt()).isEqualTo(own.size());
        }
    }

    @Test
    void findingsAreInDomainCheckRegionResourceOrder() {
        JsonNode report = CliRun.of("check", "--demo", "--format", "json").json();
        Map<String, String> domainOf = new HashMap<>();
        report.get("checks").forEach(c -> domainOf.put(c.get("id").asText(), c.get("domain").asText()));
        List<String> keys = new ArrayList<>();
        report.get("findings").forEach(f -> keys.add(String.format("%02d|%s|%s|%s",
                Domain.fromId(domainOf.get(f.get("checkId").asText())).ordinal(), f.get("checkId").asText(),
                f.get("region").asText(), f.get("resourceId").asText())));
        assertThat(keys).isSorted();
    }

    @Test
    void twoRunsDifferOnlyInGeneratedAtAndStats() {
        String first = CliRun.of("check", "--demo", "--format", "json").out();
        String second = CliRun.of("check", "--demo", "--format", "json").out();
        assertThat(withoutVolatileFields(second)).isEqualTo(withoutVolatileFields(first));
    }

    private static String withoutVolatileFields(String json) {
        return json.replaceAll("\"generatedAt\" : \"[^\"]+\"", "")
                .replaceAll("(?s)\"stats\" : \\{.*\\}", "");
    }

    @Test
    void markdownReportHasEverySectionAndListsNokFirst() {
        CliRun run = CliRun.of("check", "--demo");
        String md = run.out();
        assertThat(md).startsWith("# Launch-readiness audit — account 111122223333")
                .contains("Regions: us-east-1, eu-west-1")
                .containsPattern("Generated \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ")
                .containsPattern("\\*\\*Summary:\\*\\* ❌ \\d+ NOK · ⚠️ \\d+ TODO · ✅ \\d+ OK · Estimated savings: \\*\\*\\$[\\d,]+\\.\\d\\d/month\\*\\*")
                .contains("## Checks", "## ❌ NOK: RDS databases are Multi-AZ", "## Savings", "## To verify by hand",
                        "## OK findings")
                .contains("| Status | Check | Title | NOK | TODO | OK |")
                .contains("| Status | Resource | Region | What is wrong | Evidence |");
        // Within each table, NOK rows come before TODO rows, which come before OK rows.
        for (String section : md.split("\n## ")) {
            List<Integer> ranks = section.lines().filter(l -> l.startsWith("| ❌") || l.startsWith("| ⚠️") || l.startsWith("| ✅"))
                    .map(l -> l.startsWith("| ❌") ? 0 : l.startsWith("| ⚠️") ? 1 : 2).toList();
            assertThat(ranks).as(section.lines().findFirst().orElse("")).isSorted();
        }
        // Every table row has its table's columns: no cell broke the table with a stray pipe.
        long columns = 0;
        for (String line : md.lines().toList()) {
            if (!line.startsWith("|")) {
                columns = 0;
                continue;
            }
            long pipes = line.replace("\\|", "").chars().filter(ch -> ch == '|').count();
            if (columns == 0) {
                columns = pipes; // the header row
            }
            assertThat(pipes).as(line).isEqualTo(columns);
        }
        // The TODO items appear in the by-hand list with a command to verify them.
        String byHand = md.substring(md.indexOf("## To verify by hand"));
        assertThat(byHand).contains("- [ ] ").contains("Verify: `aws ");
    }
}
