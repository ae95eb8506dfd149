package com.huntaze.audit.report;

import static com.huntaze.audit.testing.Reports.check;
import static com.huntaze.audit.testing.Reports.finding;
import static com.huntaze.audit.testing.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huntaze.audit.engine.Domain;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Severity;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.gate.GatePolicy;
import com.huntaze.audit.testing.CliRun;
import com.huntaze.audit.testing.SarifSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SARIF report for GitHub code scanning: valid SARIF 2.1.0 (against the OASIS JSON schema), one rule per check,
 * one result per NOK or TODO finding, a file and line for repository findings, and a location GitHub accepts for
 * account findings.
 */
class SarifReportTest {

    private static JsonNode sarif(Map<String, Object> tree) throws Exception {
        String text = ReportFormat.sarif.render(tree);
        SarifSchema.validate(text);
        return new ObjectMapper().readTree(text);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> all = new ArrayList<>();
        array.forEach(all::add);
        return all;
    }

    @Test
    void theDemoReportValidatesWithARulePerCheckAndAResultPerNokOrTodo() throws Exception {
        Map<String, Object> tree = ReportReader.parse("demo", CliRun.of("check", "--demo", "--format", "json").out());
        JsonNode run = sarif(tree).get("runs").get(0);

        List<?> checks = (List<?>) tree.get("checks");
        List<Map<?, ?>> problems = ((List<?>) tree.get("findings")).stream().<Map<?, ?>>map(f -> (Map<?, ?>) f)
                .filter(f -> !"OK".equals(f.get("status"))).toList();
        assertThat(run.get("tool").get("driver").get("name").asText()).isEqualTo("huntaze-audit");
        assertThat(run.get("tool").get("driver").get("rules")).hasSize(checks.size());
        assertThat(run.get("results")).hasSize(problems.size());
        assertThat(list(run.get("results"))).extracting(r -> r.get("level").asText()).containsOnly("error", "note");
        assertThat(list(run.get("results")).stream().filter(r -> r.get("level").asText().equals("error")).count())
                .isEqualTo(problems.stream().filter(f -> "NOK".equals(f.get("status"))).count());

        JsonNode multiAz = list(run.get("tool").get("driver").get("rules")).stream()
                .filter(r -> r.get("id").asText().equals("rds.multi-az")).findFirst().orElseThrow();
        assertThat(multiAz.get("name").asText()).isEqualTo("RdsMultiAz");
        assertThat(multiAz.get("shortDescription").get("text").asText()).isEqualTo("RDS databases are Multi-AZ");
        assertThat(multiAz.get("help").get("text").asText()).contains("Single-AZ DB instance goes down")
                .contains("How to fix: Convert the instance to Multi-AZ");
        assertThat(multiAz.get("help").get("markdown").asText()).contains("**Why it matters.**");
        assertThat(multiAz.get("properties").get("security-severity").asText()).isEqualTo("7.5");
        assertThat(multiAz.get("properties").get("tags").get(0).asText()).isEqualTo("reliability");
    }

    @Test
    void everyResultOfAnAccountHasAPhysicalLocationGithubAcceptsAndItsResourceAsLogicalLocation() throws Exception {
        Map<String, Object> tree = JsonReport.tree(report(List.of(check("rds.multi-az", Domain.RELIABILITY,
                        Severity.HIGH)), finding("rds.multi-az", Status.NOK, "us-east-1", "orders db"),
                finding("rds.multi-az", Status.TODO, "eu-west-1", ""),
                finding("rds.multi-az", Status.OK, "eu-west-1", "fine-db")));

        List<JsonNode> results = list(sarif(tree).get("runs").get(0).get("results"));

        assertThat(results).hasSize(2);
        JsonNode nok = results.get(0);
        assertThat(nok.get("ruleId").asText()).isEqualTo("rds.multi-az");
        assertThat(nok.get("ruleIndex").asInt()).isZero();
        assertThat(nok.get("message").get("text").asText()).isEqualTo("NOK rds.multi-az orders db");
        JsonNode location = nok.get("locations").get(0);
        assertThat(location.get("physicalLocation").get("artifactLocation").get("uri").asText())
                .isEqualTo("aws/123456789012/us-east-1/orders%20db");
        assertThat(location.get("logicalLocations").get(0).get("fullyQualifiedName").asText())
                .isEqualTo("arn:aws:test:us-east-1:123456789012:thing/orders db");
        assertThat(location.get("logicalLocations").get(0).get("kind").asText()).isEqualTo("resource");
        assertThat(nok.get("properties").get("account").asText()).isEqualTo("123456789012");

        JsonNode accountLevel = results.get(1);
        assertThat(accountLevel.get("level").asText()).isEqualTo("note");
        assertThat(accountLevel.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri")
                .asText()).isEqualTo("aws/123456789012/eu-west-1");
        assertThat(accountLevel.get("locations").get(0).get("logicalLocations").get(0).get("fullyQualifiedName")
                .asText()).isEqualTo("eu-west-1/(account)");
    }

    @Test
    void repositoryFindingsPointAtTheirFileAndLineRelativeToTheRepository() throws Exception {
        Finding state = new Finding("repo.example-unknown", Status.NOK, "repo", "File", "infra/aws/terraform.tfstate",
                null, "Terraform state committed", Map.of(), "Move it to a remote backend.", 0.0, null,
                new Finding.Location("huntaze", "infra/aws/terraform.tfstate", null));
        Finding key = new Finding("repo.aws-keys", Status.NOK, "repo", "File", "scripts/deploy.sh", null,
                "An AWS access key id AKIA…WXYZ", Map.of(), "Rotate it.", 0.0, null,
                new Finding.Location("huntaze", "scripts/deploy.sh", 12));
        Map<String, Object> tree = JsonReport.tree(report(List.of(check("repo.example-unknown", Domain.SECURITY,
                Severity.CRITICAL), check("repo.aws-keys", Domain.SECURITY, Severity.CRITICAL)), state, key));
        tree.put("account", null); // check --repo DIR --no-aws

        JsonNode run = sarif(tree).get("runs").get(0);

        JsonNode rule = run.get("tool").get("driver").get("rules").get(0);
        assertThat(rule.get("shortDescription").get("text").asText()).as("not in this catalog: the report's title")
                .isEqualTo("repo.example-unknown title");
        assertThat(rule.get("properties").get("security-severity").asText()).isEqualTo("9.5");
        List<JsonNode> results = list(run.get("results"));
        JsonNode file = results.get(0).get("locations").get(0).get("physicalLocation");
        assertThat(file.get("artifactLocation").get("uri").asText()).isEqualTo("infra/aws/terraform.tfstate");
        assertThat(file.has("region")).as("about the whole file").isFalse();
        assertThat(results.get(0).get("locations").get(0).has("logicalLocations")).isFalse();
        JsonNode line = results.get(1).get("locations").get(0).get("physicalLocation");
        assertThat(line.get("artifactLocation").get("uri").asText()).isEqualTo("scripts/deploy.sh");
        assertThat(line.get("region").get("startLine").asInt()).isEqualTo(12);
        assertThat(results.get(1).get("properties").get("repository").asText()).isEqualTo("huntaze");
        assertThat(results.get(1).get("properties").has("account")).isFalse();
    }

    @Test
    void aMultiAccountReportGroupsResultsByAccountAndKeepsOneAlertPerResource() throws Exception {
        Map<String, Object> tree = JsonReport.tree(report(List.of(check("rds.multi-az", Domain.RELIABILITY,
                        Severity.HIGH)), finding("rds.multi-az", Status.NOK, "us-east-1", "db").withAccount("111111111111"),
                finding("rds.multi-az", Status.NOK, "us-east-1", "db").withAccount("222222222222")));
        tree.put("account", null);
        tree.put("accounts", List.of(Map.of("id", "111111111111", "status", "audited"),
                Map.of("id", "222222222222", "name", "prod", "status", "audited")));

        List<JsonNode> results = list(sarif(tree).get("runs").get(0).get("results"));

        assertThat(results).extracting(r -> r.get("properties").get("account").asText())
                .containsExactly("111111111111", "222222222222");
        assertThat(results).extracting(r -> r.get("locations").get(0).get("physicalLocation").get("artifactLocation")
                .get("uri").asText()).containsExactly("aws/111111111111/us-east-1/db", "aws/222222222222/us-east-1/db");
        String first = results.get(0).get("partialFingerprints").get(SarifReport.FINGERPRINT).asText();
        assertThat(first).isNotEqualTo(results.get(1).get("partialFingerprints").get(SarifReport.FINGERPRINT).asText());

        // Another night, another message: the same alert.
        Finding reworded = new Finding("rds.multi-az", Status.NOK, "us-east-1", "AWS::Test::Thing", "db", null,
                "still Single-AZ", Map.of(), "", 0.0, "111111111111", null);
        JsonNode again = sarif(JsonReport.tree(report(List.of(check("rds.multi-az", Domain.RELIABILITY,
                Severity.HIGH)), reworded))).get("runs").get(0).get("results").get(0);
        assertThat(again.get("partialFingerprints").get(SarifReport.FINGERPRINT).asText()).isEqualTo(first);
    }

    @Test
    void acceptedRisksAreSuppressedResultsWithTheirJustificationAndBaselineChangesAreBaselineStates()
            throws Exception {
        Map<String, Object> tree = JsonReport.tree(GatePolicy.defaults().decide(report(List.of(check("rds.multi-az",
                        Domain.RELIABILITY, Severity.HIGH)), finding("rds.multi-az", Status.NOK, "us-east-1", "a"),
                finding("rds.multi-az", Status.NOK, "us-east-1", "b"))));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> findings = (List<Map<String, Object>>) tree.get("findings");
        findings.get(0).put("suppressed", true);
        findings.get(0).put("reason", "Reporting replica");
        findings.get(0).put("by", "maria.lopez@example.com");
        findings.get(0).put("expires", "2027-01-31");
        findings.get(0).put("change", "unchanged");
        findings.get(1).put("change", "new");

        List<JsonNode> results = list(sarif(tree).get("runs").get(0).get("results"));

        JsonNode suppression = results.get(0).get("suppressions").get(0);
        assertThat(suppression.get("kind").asText()).isEqualTo("external");
        assertThat(suppression.get("justification").asText())
                .isEqualTo("Reporting replica (accepted by maria.lopez@example.com) until 2027-01-31");
        assertThat(results.get(0).get("baselineState").asText()).isEqualTo("unchanged");
        assertThat(results.get(1).has("suppressions")).isFalse();
        assertThat(results.get(1).get("baselineState").asText()).isEqualTo("new");
        assertThat(results.get(1).get("properties").get("failsGate").asBoolean()).isTrue();
    }

    @Test
    void theSchemaValidationRejectsWhatIsNotSarif() {
        Map<String, Object> notSarif = new LinkedHashMap<>();
        notSarif.put("version", "2.1.0");
        notSarif.put("runs", List.of(Map.of("results", List.of())));
        assertThatThrownBy(() -> SarifSchema.validate(JsonReport.render(notSarif))).isInstanceOf(AssertionError.class)
                .hasMessageContaining("tool");
    }

    @Test
    void pathsBecomeRelativeUriReferences() {
        assertThat(SarifReport.uri("infra/aws/terraform.tfstate")).isEqualTo("infra/aws/terraform.tfstate");
        assertThat(SarifReport.uri("docs/my file#1.md")).isEqualTo("docs/my%20file%231.md");
        assertThat(SarifReport.uri("c:x/é")).isEqualTo("c%3Ax/%C3%A9");
    }
}
