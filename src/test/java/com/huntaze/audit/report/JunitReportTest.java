package com.huntaze.audit.report;

import static com.huntaze.audit.testing.Reports.check;
import static com.huntaze.audit.testing.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huntaze.audit.engine.Domain;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Severity;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.gate.GatePolicy;
import com.huntaze.audit.gate.GatePolicy.FailOn;
import com.huntaze.audit.gate.NamePattern;
import com.huntaze.audit.gate.Suppression;
import com.huntaze.audit.gate.Suppressions;
import com.huntaze.audit.testing.CliRun;
import com.huntaze.audit.testing.JunitSchema;
import com.huntaze.audit.testing.Reports;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The JUnit XML report: valid against the JUnit schema, and what CI test reporters will show. */
class JunitReportTest {

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> elements(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    @Test
    void theDemoReportValidatesAndHasOneSuitePerDomainAndOneCasePerFinding() throws Exception {
        String json = CliRun.of("check", "--demo", "--format", "json").out();
        Map<String, Object> tree = ReportReader.parse("demo", json);
        String xml = ReportFormat.junit.render(tree);

        JunitSchema.validate(xml);

        Element root = parse(xml).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        List<Element> suites = elements(root, "testsuite");
        assertThat(suites).extracting(s -> s.getAttribute("name")).containsExactly("huntaze-audit reliability",
                "huntaze-audit security", "huntaze-audit cost", "huntaze-audit observability", "huntaze-audit email",
                "huntaze-audit process");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> findings = (List<Map<String, Object>>) tree.get("findings");
        long nok = findings.stream().filter(f -> Boolean.TRUE.equals(f.get("failsGate"))).count();
        long skipped = findings.size() - nok - findings.stream().filter(f -> f.get("status").equals("OK")).count();
        assertThat(elements(root, "testcase")).hasSize(findings.size());
        assertThat(elements(root, "failure")).hasSize((int) nok);
        assertThat(elements(root, "skipped")).hasSize((int) skipped);
        assertThat(root.getAttribute("tests")).isEqualTo(String.valueOf(findings.size()));
        assertThat(root.getAttribute("failures")).isEqualTo(String.valueOf(nok));
        int sum = 0;
        for (Element suite : suites) {
            int cases = elements(suite, "testcase").size();
            assertThat(suite.getAttribute("tests")).isEqualTo(String.valueOf(cases));
            assertThat(suite.getAttribute("failures")).isEqualTo(String.valueOf(elements(suite, "failure").size()));
            assertThat(suite.getAttribute("skipped")).isEqualTo(String.valueOf(elements(suite, "skipped").size()));
            sum += cases;
        }
        assertThat(sum).isEqualTo(findings.size());
    }

    @Test
    void nokFailsWithMessageAndRemediationTodoIsSkippedOkPassesAndAnAcceptedRiskIsSkipped() throws Exception {
        AuditReport plain = report(List.of(check("rds.multi-az", Domain.RELIABILITY, Severity.HIGH),
                        check("iam.user-mfa", Domain.SECURITY, Severity.CRITICAL)),
                Reports.finding("rds.multi-az", Status.NOK, "us-east-1", "orders-db"),
                Reports.finding("rds.multi-az", Status.TODO, "eu-west-1", ""),
                Reports.finding("rds.multi-az", Status.OK, "us-east-1", "payments-db"),
                Reports.finding("iam.user-mfa", Status.NOK, "global", "bob"));
        AuditReport accepted = Suppressions.apply(List.of(new Suppression("iam.user-mfa", NamePattern.of("bob"), null,
                "SSO-only user", "ciso@example.com", LocalDate.of(2026, 12, 31), "c.yml:2")), plain,
                LocalDate.of(2026, 11, 22)).report();

        String xml = JunitReport.render(JsonReport.tree(GatePolicy.defaults().decide(accepted)));

        JunitSchema.validate(xml);
        Element root = parse(xml).getDocumentElement();
        List<Element> cases = elements(root, "testcase");
        assertThat(cases).extracting(c -> c.getAttribute("classname") + " " + c.getAttribute("name")).containsExactly(
                "rds.multi-az us-east-1/orders-db", "rds.multi-az eu-west-1/(account)",
                "rds.multi-az us-east-1/payments-db", "iam.user-mfa global/bob");
        Element failure = elements(cases.get(0), "failure").get(0);
        assertThat(failure.getAttribute("message")).isEqualTo("[high] NOK rds.multi-az orders-db");
        assertThat(failure.getTextContent()).contains("Remediation: Fix orders-db.")
                .contains("Resource: arn:aws:test:us-east-1:123456789012:thing/orders-db");
        Element todo = elements(cases.get(1), "skipped").get(0);
        assertThat(todo.getAttribute("message"))
                .isEqualTo("Does not fail the run: a TODO, and --fail-on nok fails only on NOK");
        assertThat(todo.getTextContent()).startsWith("TODO [high]: TODO rds.multi-az ");
        assertThat(cases.get(2).getChildNodes().getLength()).as("an OK passes").isZero();
        Element acceptedRisk = elements(cases.get(3), "skipped").get(0);
        assertThat(acceptedRisk.getAttribute("message"))
                .isEqualTo("Accepted risk until 2026-12-31 (accepted by ciso@example.com): SSO-only user");
        assertThat(acceptedRisk.getTextContent()).startsWith("NOK [critical]: NOK iam.user-mfa bob");
        assertThat(root.getAttribute("failures")).isEqualTo("1");
    }

    @Test
    void textThatIsNotXmlSafeIsEscapedAndStillValidates() throws Exception {
        String nasty = "Tag \"Name\" <script> & 'quotes'\nsecond line\ttab \u0001control 🚀";
        Finding f = new Finding("rds.multi-az", Status.NOK, "us-east-1", "AWS::RDS::DBInstance", "db<&>\"", null,
                nasty, Map.of("Tag", nasty), nasty, 0.0);
        String xml = JunitReport.render(JsonReport.tree(GatePolicy.defaults().decide(report(List.of(
                check("rds.multi-az", Domain.RELIABILITY, Severity.HIGH)), f))));

        JunitSchema.validate(xml);
        Element failure = elements(parse(xml).getDocumentElement(), "failure").get(0);
        String expected = "[high] Tag \"Name\" <script> & 'quotes'\nsecond line\ttab control 🚀";
        assertThat(failure.getAttribute("message")).isEqualTo(expected);
        assertThat(elements(parse(xml).getDocumentElement(), "testcase").get(0).getAttribute("name"))
                .isEqualTo("us-east-1/db<&>\"");
    }

    @Test
    void theSchemaRejectsWhatReportersCannotRead() {
        // The validator is no rubber stamp: a test case without a name, or with two outcomes, is refused.
        assertThatThrownBy(() -> JunitSchema.validate("<testsuites><testsuite name=\"s\" tests=\"1\" failures=\"0\""
                + " errors=\"0\"><testcase classname=\"c\"/></testsuite></testsuites>"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("name");
        assertThatThrownBy(() -> JunitSchema.validate("<testsuites><testsuite name=\"s\" tests=\"1\" failures=\"x\""
                + " errors=\"0\"><testcase classname=\"c\" name=\"n\"><failure/><skipped/></testcase></testsuite>"
                + "</testsuites>")).isInstanceOf(AssertionError.class);
    }

    /**
     * A NOK of a low check, a TODO of a high one, a NOK of a high one, a NOK of a critical one that is an accepted
     * risk, and an OK; the baseline knew all but the low NOK.
     */
    private static AuditReport gateScenario() {
        AuditReport plain = report(List.of(check("a.low", Domain.COST, Severity.LOW),
                        check("b.high", Domain.RELIABILITY, Severity.HIGH),
                        check("c.critical", Domain.SECURITY, Severity.CRITICAL)),
                Reports.finding("a.low", Status.NOK, "us-east-1", "bucket"),
                Reports.finding("b.high", Status.TODO, "us-east-1", ""),
                Reports.finding("b.high", Status.NOK, "eu-west-1", "db"),
                Reports.finding("b.high", Status.OK, "eu-west-1", "other-db"),
                Reports.finding("c.critical", Status.NOK, "global", "root"));
        AuditReport accepted = Suppressions.apply(List.of(new Suppression("c.critical", NamePattern.of("root"), null,
                "break-glass key", "ciso@example.com", LocalDate.of(2026, 12, 31), "c.yml:2")), plain,
                LocalDate.of(2026, 11, 22)).report();
        List<ReportedFinding> marked = accepted.findings().stream().map(f -> f.withChange(
                f.finding().checkId().equals("a.low") ? ReportedFinding.NEW : ReportedFinding.UNCHANGED)).toList();
        return accepted.withBaseline(new AuditReport.BaselineInfo("2026-11-21T09:00:00Z"), marked, List.of());
    }

    private static String testName(ReportedFinding f) {
        return f.finding().checkId() + " " + f.finding().region() + "/"
                + (f.finding().resourceId().isEmpty() ? "(account)" : f.finding().resourceId());
    }

    private static String testName(Element outcome) {
        Element testcase = (Element) outcome.getParentNode();
        return testcase.getAttribute("classname") + " " + testcase.getAttribute("name");
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> gates() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("--fail-on todo",
                        new GatePolicy(FailOn.todo, Severity.LOW, false),
                        List.of("a.low us-east-1/bucket", "b.high us-east-1/(account)", "b.high eu-west-1/db")),
                org.junit.jupiter.params.provider.Arguments.of("--min-severity high",
                        new GatePolicy(FailOn.nok, Severity.HIGH, false), List.of("b.high eu-west-1/db")),
                org.junit.jupiter.params.provider.Arguments.of("--baseline --fail-on-new",
                        new GatePolicy(FailOn.nok, Severity.LOW, true), List.of("a.low us-east-1/bucket")),
                org.junit.jupiter.params.provider.Arguments.of("--fail-on never",
                        new GatePolicy(FailOn.never, Severity.LOW, false), List.of()));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("gates")
    void theFailuresAreExactlyTheFindingsThatFailTheGateAndEveryOtherNokOrTodoIsSkippedWithWhy(String options,
            GatePolicy gate, List<String> expectedFailing) throws Exception {
        AuditReport decided = gate.decide(gateScenario());
        List<String> failing = decided.findings().stream().filter(ReportedFinding::failsGate)
                .map(JunitReportTest::testName).toList();
        assertThat(failing).as("the gate's decision").containsExactlyElementsOf(expectedFailing);
        List<String> unsuppressedNok = decided.findings().stream()
                .filter(f -> f.finding().status() == Status.NOK && !f.accepted()).map(JunitReportTest::testName)
                .toList();
        assertThat(failing).as("not the old rule, every unsuppressed NOK").isNotEqualTo(unsuppressedNok);

        String xml = JunitReport.render(JsonReport.tree(decided));

        JunitSchema.validate(xml);
        Element root = parse(xml).getDocumentElement();
        List<Element> failures = elements(root, "failure");
        // The XML lists the test cases by domain: the same set, in another order.
        assertThat(failures).extracting(JunitReportTest::testName).containsExactlyInAnyOrderElementsOf(failing);
        assertThat(root.getAttribute("failures")).isEqualTo(String.valueOf(failing.size()));
        for (Element failure : failures) {
            ReportedFinding f = decided.findings().stream().filter(r -> testName(r).equals(testName(failure)))
                    .findFirst().orElseThrow();
            assertThat(failure.getAttribute("type")).isEqualTo(f.finding().status().name());
        }
        List<ReportedFinding> spared = decided.findings().stream()
                .filter(f -> !f.failsGate() && f.finding().status() != Status.OK).toList();
        Map<String, String> skipped = new java.util.HashMap<>();
        elements(root, "skipped").forEach(e -> skipped.put(testName(e), e.getAttribute("message")));
        Map<String, String> why = new java.util.HashMap<>();
        spared.forEach(f -> why.put(testName(f), f.gateReason()));
        assertThat(skipped).as("skipped, with the gate's reason as message").isEqualTo(why);
        assertThat(skipped.values())
                .allMatch(m -> m.startsWith("Does not fail the run: ") || m.startsWith("Accepted risk until "));
        Element ok = elements(root, "testcase").stream()
                .filter(c -> c.getAttribute("name").equals("eu-west-1/other-db")).findFirst().orElseThrow();
        assertThat(ok.getChildNodes().getLength()).as("an OK passes").isZero();
    }

    @Test
    void eachReasonNotToFailIsTheSkippedMessage() throws Exception {
        Map<String, String> messages = new java.util.LinkedHashMap<>();
        for (GatePolicy gate : List.of(new GatePolicy(FailOn.nok, Severity.HIGH, true),
                new GatePolicy(FailOn.never, Severity.LOW, false))) {
            Element root = parse(JunitReport.render(JsonReport.tree(gate.decide(gateScenario()))))
                    .getDocumentElement();
            // In the XML's order: by domain (reliability, security, cost), then as in the report.
            elements(root, "skipped").forEach(e -> messages.put(gate.failOn() + " " + testName(e),
                    e.getAttribute("message")));
        }
        assertThat(messages).containsExactly(
                Map.entry("nok b.high us-east-1/(account)", "Does not fail the run: a TODO, and --fail-on nok fails"
                        + " only on NOK; not new since the baseline (--fail-on-new)"),
                Map.entry("nok b.high eu-west-1/db", "Does not fail the run: not new since the baseline"
                        + " (--fail-on-new)"),
                Map.entry("nok c.critical global/root", "Accepted risk until 2026-12-31 (accepted by"
                        + " ciso@example.com): break-glass key"),
                Map.entry("nok a.low us-east-1/bucket", "Does not fail the run: its check's severity low is below"
                        + " --min-severity high"),
                Map.entry("never b.high us-east-1/(account)", "Does not fail the run: --fail-on never"),
                Map.entry("never b.high eu-west-1/db", "Does not fail the run: --fail-on never"),
                Map.entry("never c.critical global/root", "Accepted risk until 2026-12-31 (accepted by"
                        + " ciso@example.com): break-glass key"),
                Map.entry("never a.low us-east-1/bucket", "Does not fail the run: --fail-on never"));
    }
}
