package com.huntaze.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huntaze.audit.testing.CliRun;
import com.huntaze.audit.testing.JunitSchema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * End to end on the demo account: the run decides once per finding whether it fails the gate ({@code failsGate} in
 * the JSON), the exit code is 1 exactly when one does, and the JUnit XML of the same run has a {@code failure}
 * for exactly those findings (the CI Tests tab is red exactly when the job is), whatever --fail-on, --min-severity
 * and --fail-on-new say. {@code render} of the JSON gives the same XML.
 */
class JunitFollowsTheGateCliTest {

    @TempDir
    Path dir;

    /** What one run wrote: its exit code, its JSON report and its JUnit XML. */
    private record Run(int exitCode, JsonNode json, Path jsonFile, String xml) {
    }

    private Run demo(String name, String... options) throws IOException {
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("check", "--demo", "--format", "json,junit", "--output-dir",
                out.toString()));
        args.addAll(List.of(options));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.toString()).isIn(ExitCode.OK, ExitCode.NOK);
        try (Stream<Path> files = Files.list(out)) {
            List<Path> written = files.sorted().toList();
            assertThat(written).hasSize(2);
            return new Run(run.exitCode(), new ObjectMapper().readTree(written.get(0).toFile()), written.get(0),
                    Files.readString(written.get(1)));
        }
    }

    private static String testName(JsonNode f) {
        String resource = f.get("resourceId").asText();
        return f.get("checkId").asText() + " " + f.get("region").asText() + "/"
                + (resource.isEmpty() ? "(account)" : resource);
    }

    private static List<String> names(JsonNode report, java.util.function.Predicate<JsonNode> which) {
        List<String> names = new ArrayList<>();
        report.get("findings").forEach(f -> {
            if (which.test(f)) {
                names.add(testName(f));
            }
        });
        return names;
    }

    /** "classname name" of each test case holding an element {@code outcome}. */
    private static List<String> outcomes(String xml, String outcome, Map<String, String> messages) throws Exception {
        NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getElementsByTagName(outcome);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            Element testcase = (Element) e.getParentNode();
            String name = testcase.getAttribute("classname") + " " + testcase.getAttribute("name");
            names.add(name);
            messages.put(name, e.getAttribute("message"));
        }
        return names;
    }

    /** The contract, for any run: failsGate everywhere, the exit code from it, the XML's failures from it. */
    private void assertTheXmlAndTheExitCodeFollowFailsGate(Run run) throws Exception {
        run.json().get("findings").forEach(f -> assertThat(f.has("failsGate") && f.get("failsGate").isBoolean())
                .as("failsGate, true or false, on " + testName(f)).isTrue());
        List<String> failing = names(run.json(), f -> f.get("failsGate").asBoolean());
        assertThat(run.exitCode()).as("exit 1 iff a finding fails the gate")
                .isEqualTo(failing.isEmpty() ? ExitCode.OK : ExitCode.NOK);

        JunitSchema.validate(run.xml());
        Map<String, String> messages = new HashMap<>();
        assertThat(outcomes(run.xml(), "failure", messages)).containsExactlyInAnyOrderElementsOf(failing);
        List<String> spared = names(run.json(), f -> !f.get("failsGate").asBoolean()
                && !f.get("status").asText().equals("OK"));
        assertThat(outcomes(run.xml(), "skipped", messages)).containsExactlyInAnyOrderElementsOf(spared);
        run.json().get("findings").forEach(f -> {
            if (!f.get("failsGate").asBoolean() && !f.get("status").asText().equals("OK")) {
                assertThat(messages.get(testName(f))).as(testName(f)).isEqualTo(f.get("gateReason").asText());
            }
        });

        CliRun rendered = CliRun.of("render", run.jsonFile().toString(), "--format", "junit");
        assertThat(rendered.out()).as("render reads failsGate from the JSON").isEqualTo(run.xml());
    }

    @Test
    void underFailOnTodoTheFailingTodosAreFailures() throws Exception {
        Run run = demo("todo", "--fail-on", "todo");

        assertTheXmlAndTheExitCodeFollowFailsGate(run);
        assertThat(run.exitCode()).isEqualTo(ExitCode.NOK);
        assertThat(names(run.json(), f -> f.get("failsGate").asBoolean() && f.get("status").asText().equals("TODO")))
                .as("TODOs fail the gate, so they are failures, not skipped as before").isNotEmpty();
        assertThat(run.xml()).contains("<failure type=\"TODO\"");
    }

    @Test
    void underMinSeverityHighTheNoksOfLowerChecksAreSkipped() throws Exception {
        Run run = demo("high", "--min-severity", "high");

        assertTheXmlAndTheExitCodeFollowFailsGate(run);
        List<String> sparedNoks = names(run.json(), f -> f.get("status").asText().equals("NOK")
                && !f.get("failsGate").asBoolean() && !f.has("suppressed"));
        assertThat(sparedNoks).as("NOKs of low and medium checks do not fail, so they are not failures").isNotEmpty();
        run.json().get("findings").forEach(f -> {
            if (sparedNoks.contains(testName(f))) {
                assertThat(f.get("gateReason").asText()).contains("is below --min-severity high");
            }
        });
    }

    @Test
    void underFailOnNewOnlyTheFindingMissingFromTheBaselineIsAFailure() throws Exception {
        Run plain = demo("plain");
        assertTheXmlAndTheExitCodeFollowFailsGate(plain);
        // The baseline: this very report, less one finding that fails the gate, which so becomes new.
        ObjectNode baseline = (ObjectNode) plain.json().deepCopy();
        ArrayNode findings = (ArrayNode) baseline.get("findings");
        int removed = -1;
        for (int i = 0; i < findings.size() && removed < 0; i++) {
            if (findings.get(i).get("failsGate").asBoolean()) {
                removed = i;
            }
        }
        assertThat(removed).as("the demo has a finding that fails the default gate").isNotNegative();
        String newOne = testName(findings.get(removed));
        findings.remove(removed);
        Path baselineFile = dir.resolve("baseline.json");
        new ObjectMapper().writeValue(baselineFile.toFile(), baseline);

        Run run = demo("new", "--baseline", baselineFile.toString(), "--fail-on-new");

        assertTheXmlAndTheExitCodeFollowFailsGate(run);
        assertThat(names(run.json(), f -> f.get("failsGate").asBoolean())).containsExactly(newOne);
        assertThat(names(plain.json(), f -> f.get("failsGate").asBoolean())).as("the known ones failed before")
                .hasSizeGreaterThan(1);
        run.json().get("findings").forEach(f -> {
            if (!f.get("failsGate").asBoolean() && f.get("status").asText().equals("NOK") && !f.has("suppressed")) {
                assertThat(f.get("gateReason").asText()).as(testName(f)).contains("not new since the baseline");
            }
        });

        Run nothingNew = demo("same", "--baseline", plain.jsonFile().toString(), "--fail-on-new");
        assertTheXmlAndTheExitCodeFollowFailsGate(nothingNew);
        assertThat(nothingNew.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(nothingNew.xml()).doesNotContain("<failure");
    }

    @Test
    void underFailOnNeverNothingIsAFailure() throws Exception {
        Run run = demo("never", "--fail-on", "never");

        assertTheXmlAndTheExitCodeFollowFailsGate(run);
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.xml()).doesNotContain("<failure").contains("Does not fail the run: --fail-on never");
    }
}
