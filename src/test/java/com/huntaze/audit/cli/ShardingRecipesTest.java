package com.huntaze.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.huntaze.audit.engine.CheckSelection;
import com.huntaze.audit.report.ReportFormat;
import com.huntaze.audit.shard.ShardChoice;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The sharded recipes of ci-examples/ (a Kubernetes Indexed Job, a GitHub Actions matrix, an AWS Batch array job), as
 * far as they can be checked without the engines: they parse, each job's --shard auto finds its own shard in the
 * variables the engine sets, the shards' reports land where the merge reads them without clashing, and their
 * huntaze-audit command lines are accepted by this version's CLI.
 */
class ShardingRecipesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> kubernetes() throws IOException {
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class)
                .readValues(Path.of("ci-examples/kubernetes-indexed-job.yaml").toFile())) {
            return documents.readAll();
        }
    }

    private static JsonNode kind(List<JsonNode> documents, String kind, String name) {
        return documents.stream().filter(d -> d.get("kind").asText().equals(kind)
                && d.get("metadata").get("name").asText().equals(name)).findFirst().orElseThrow();
    }

    private static JsonNode githubWorkflow() throws IOException {
        return YAML.readTree(Path.of("ci-examples/github-actions-sharded.yml").toFile());
    }

    private static JsonNode batch() throws IOException {
        return JSON.readTree(Path.of("ci-examples/aws-batch-array-job.json").toFile());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** The {@code huntaze-audit <command> ...} line of a script, continuation lines joined, as words. */
    private static List<String> commandIn(String script, String command) {
        String joined = script.replace("\\\n", " ").replace("\n", " ; ");
        Matcher m = Pattern.compile("huntaze-audit (" + command + " .*?)( ;|$)").matcher(joined);
        assertThat(m.find()).as("a huntaze-audit " + command + " command in:\n" + script).isTrue();
        return Arrays.stream(m.group(1).strip().split("\\s+")).toList();
    }

    private static CommandLine.ParseResult parse(List<String> command) {
        return CiRecipesTest.parse(command);
    }

    private static String after(List<String> command, String option) {
        return command.get(command.indexOf(option) + 1);
    }

    /** Each shard's report in one directory gets a name of its own (the jobs share the directory). */
    private static void assertShardFilesDoNotClash(int count) {
        Set<String> names = new HashSet<>();
        for (int k = 0; k < count; k++) {
            names.add(ReportOutput.fileName(Map.of("account", "null", "generatedAt", "2026-11-22T04:17:09Z",
                    "shard", Map.of("index", k, "count", count)), ReportFormat.json));
        }
        assertThat(names).hasSize(count);
    }

    private static int gate(String script, int exitCode) throws IOException, InterruptedException {
        Process bash = new ProcessBuilder("bash", "-e", "-c", "AUDIT_EXIT=" + exitCode + "\n" + script)
                .redirectErrorStream(true).start();
        bash.getInputStream().readAllBytes();
        return bash.waitFor();
    }

    // ---- Kubernetes Indexed Job ----

    @Test
    void theKubernetesIndexedJobGivesEachPodItsShardAndTheMergeReadsTheirReports() throws IOException {
        List<JsonNode> documents = kubernetes();
        JsonNode job = kind(documents, "Job", "huntaze-audit-shards");
        JsonNode spec = job.get("spec");
        JsonNode pod = spec.get("template").get("spec");
        JsonNode container = pod.get("containers").get(0);

        assertThat(job.get("apiVersion").asText()).isEqualTo("batch/v1");
        assertThat(spec.get("completionMode").asText()).isEqualTo("Indexed");
        int completions = spec.get("completions").asInt();
        assertThat(spec.get("parallelism").asInt()).isBetween(1, completions);
        JsonNode serviceAccount = kind(documents, "ServiceAccount", pod.get("serviceAccountName").asText());
        assertThat(serviceAccount.get("metadata").get("annotations").get("eks.amazonaws.com/role-arn").asText())
                .startsWith("arn:aws:iam::");

        List<String> check = strings(container.get("args"));
        assertThat(check).startsWith("check").contains("--organization", "--role-name", "--shard");
        assertThat(after(check, "--shard")).isEqualTo("auto");
        assertThat(after(check, "--fail-on")).as("the merge gates, not a pod").isEqualTo("never");
        String shards = envValue(container, "HUNTAZE_AUDIT_SHARDS");
        for (int k = 0; k < completions; k++) {
            // What Kubernetes sets in pod k, with the template's count: shard k of completions.
            assertThat(ShardChoice.parse("auto", Map.of("JOB_COMPLETION_INDEX", "" + k, "HUNTAZE_AUDIT_SHARDS",
                    shards))).isEqualTo(new ShardChoice(k, completions));
        }
        assertShardFilesDoNotClash(completions);

        String mount = container.get("volumeMounts").get(0).get("mountPath").asText();
        assertThat(after(check, "--output-dir")).startsWith(mount + "/");
        JsonNode merge = kind(documents, "Job", "huntaze-audit-merge");
        assertThat(merge.get("metadata").get("labels").get("huntaze-audit/step").asText()).isEqualTo("merge");
        assertThat(job.get("metadata").get("labels").get("huntaze-audit/step").asText()).isEqualTo("audit");
        List<String> mergeCommand = strings(merge.get("spec").get("template").get("spec").get("containers").get(0)
                .get("args"));
        assertThat(mergeCommand.get(1)).as("the merge reads the shards' directory")
                .isEqualTo(after(check, "--output-dir"));
        assertThat(parse(mergeCommand).commandSpec().name()).isEqualTo("merge");
        assertThat(merge.get("spec").get("template").get("spec").get("volumes"))
                .isEqualTo(pod.get("volumes"));
    }

    private static String envValue(JsonNode container, String name) {
        for (JsonNode variable : container.get("env")) {
            if (variable.get("name").asText().equals(name)) {
                return variable.get("value").asText();
            }
        }
        throw new AssertionError("no " + name);
    }

    @Test
    void theKubernetesShardCommandIsAcceptedByThisVersion() throws IOException {
        JsonNode job = kind(kubernetes(), "Job", "huntaze-audit-shards");
        List<String> check = strings(job.get("spec").get("template").get("spec").get("containers").get(0)
                .get("args"));

        assertThat(parse(check).commandSpec().name()).isEqualTo("check");
    }

    // ---- GitHub Actions matrix ----

    @Test
    void theGithubMatrixRunsEveryShardAndTheMergeJobPublishesTheWhole() throws Exception {
        JsonNode workflow = githubWorkflow();
        JsonNode audit = workflow.get("jobs").get("audit");
        JsonNode mergeJob = workflow.get("jobs").get("merge");

        List<String> matrix = strings(audit.get("strategy").get("matrix").get("shard"));
        assertThat(audit.get("strategy").get("fail-fast").asBoolean()).isFalse();
        String variable = audit.get("env").get("HUNTAZE_AUDIT_SHARD").asText();
        assertThat(variable).startsWith("${{ matrix.shard }}/");
        for (String k : matrix) {
            // What the matrix job k sees: shard k of the matrix's size.
            assertThat(ShardChoice.parse("auto", Map.of("HUNTAZE_AUDIT_SHARD",
                    variable.replace("${{ matrix.shard }}", k)))).isEqualTo(new ShardChoice(Integer.parseInt(k),
                    matrix.size()));
        }
        List<JsonNode> steps = new ArrayList<>();
        audit.get("steps").forEach(steps::add);
        List<String> check = commandIn(steps.stream().filter(s -> s.path("run").asText().contains("huntaze-audit check"))
                .findFirst().orElseThrow().get("run").asText(), "check");
        assertThat(after(check, "--shard")).isEqualTo("auto");
        assertThat(after(check, "--fail-on")).isEqualTo("never");
        JsonNode upload = step(steps, "actions/upload-artifact@");
        assertThat(upload.get("with").get("name").asText()).contains("${{ matrix.shard }}");
        assertThat(Path.of(upload.get("with").get("path").asText())).isEqualTo(Path.of(after(check, "--output-dir")));

        assertThat(mergeJob.get("needs").asText()).isEqualTo("audit");
        assertThat(mergeJob.get("if").asText()).contains("!cancelled()");
        List<JsonNode> mergeSteps = new ArrayList<>();
        mergeJob.get("steps").forEach(mergeSteps::add);
        JsonNode download = step(mergeSteps, "actions/download-artifact@");
        String pattern = download.get("with").get("pattern").asText();
        for (String k : matrix) {
            String name = upload.get("with").get("name").asText().replace("${{ matrix.shard }}", k);
            assertThat(CheckSelection.glob(pattern).matcher(name).matches()).as(pattern + " finds " + name).isTrue();
        }
        assertThat(download.get("with").get("merge-multiple").asBoolean()).isTrue();
        JsonNode mergeStep = mergeSteps.stream().filter(s -> s.path("id").asText().equals("merge")).findFirst()
                .orElseThrow();
        List<String> merge = commandIn(mergeStep.get("run").asText(), "merge");
        assertThat(merge.get(1)).startsWith(download.get("with").get("path").asText() + "/");
        assertThat(after(merge, "--format")).isEqualTo("md,json,junit,sarif");
        assertThat(mergeStep.get("run").asText()).contains("$?").contains("$GITHUB_OUTPUT");
        assertShardFilesDoNotClash(matrix.size());

        assertThat(mergeSteps.stream().filter(s -> s.path("run").asText().contains("$GITHUB_STEP_SUMMARY"))).hasSize(1);
        assertThat(step(mergeSteps, "dorny/test-reporter@").get("with").get("reporter").asText())
                .isEqualTo("java-junit");
        assertThat(step(mergeSteps, "github/codeql-action/upload-sarif@").get("with").get("sarif_file").asText())
                .startsWith(after(merge, "--output-dir"));
        assertThat(workflow.get("permissions").get("security-events").asText()).isEqualTo("write");
        JsonNode gate = mergeSteps.get(mergeSteps.size() - 1);
        assertThat(gate.get("env").get("AUDIT_EXIT").asText()).isEqualTo("${{ steps.merge.outputs.exit-code }}");
        for (int code : new int[] {ExitCode.OK, ExitCode.NOK, ExitCode.USAGE, ExitCode.CANNOT_RUN,
                ExitCode.INTERNAL_ERROR}) {
            assertThat(gate(gate.get("run").asText(), code)).as("exit %d", code).isEqualTo(code);
        }
    }

    @Test
    void theGithubCommandsAreAcceptedByThisVersion() throws IOException {
        JsonNode workflow = githubWorkflow();
        String audit = workflow.get("jobs").get("audit").toString();
        String merge = workflow.get("jobs").get("merge").toString();

        assertThat(parse(commandIn(runOf(workflow.get("jobs").get("audit"), "huntaze-audit check"), "check"))
                .commandSpec().name()).as(audit).isEqualTo("check");
        assertThat(parse(commandIn(runOf(workflow.get("jobs").get("merge"), "huntaze-audit merge"), "merge"))
                .commandSpec().name()).as(merge).isEqualTo("merge");
    }

    private static String runOf(JsonNode job, String containing) {
        for (JsonNode step : job.get("steps")) {
            if (step.path("run").asText().contains(containing)) {
                return step.get("run").asText();
            }
        }
        throw new AssertionError("no step runs " + containing);
    }

    private static JsonNode step(List<JsonNode> steps, String uses) {
        return steps.stream().filter(s -> s.path("uses").asText().startsWith(uses)).findFirst()
                .orElseThrow(() -> new AssertionError("no step uses " + uses));
    }

    // ---- AWS Batch array job ----

    @Test
    void theBatchArrayJobGivesEachChildItsShardAndTheMergeWaitsForTheWholeArray() throws IOException {
        JsonNode recipe = batch();
        JsonNode shardDefinition = recipe.get("registerJobDefinition").get(0);
        JsonNode mergeDefinition = recipe.get("registerJobDefinition").get(1);
        JsonNode array = recipe.get("submitJob").get(0);
        JsonNode mergeJob = recipe.get("submitJob").get(1);

        assertThat(array.get("jobDefinition").asText()).isEqualTo(shardDefinition.get("jobDefinitionName").asText());
        int size = array.get("arrayProperties").get("size").asInt();
        assertThat(size).isBetween(2, 10_000); // Batch's array sizes
        List<String> check = strings(shardDefinition.get("containerProperties").get("command"));
        assertThat(after(check, "--shard")).isEqualTo("auto");
        assertThat(after(check, "--fail-on")).isEqualTo("never");
        assertThat(shardDefinition.get("containerProperties").get("environment").findValuesAsText("name"))
                .as("AWS_BATCH_ is Batch's own prefix").noneMatch(name -> name.startsWith("AWS_BATCH_"));
        for (int k = 0; k < size; k++) {
            // What Batch sets in child k.
            assertThat(ShardChoice.parse("auto", Map.of("AWS_BATCH_JOB_ARRAY_INDEX", "" + k,
                    "AWS_BATCH_JOB_ARRAY_SIZE", "" + size))).isEqualTo(new ShardChoice(k, size));
        }
        assertShardFilesDoNotClash(size);
        assertThat(shardDefinition.get("containerProperties").get("jobRoleArn").asText()).startsWith("arn:aws:iam::");

        assertThat(mergeJob.get("jobDefinition").asText()).isEqualTo(mergeDefinition.get("jobDefinitionName").asText());
        assertThat(mergeJob.get("dependsOn").get(0).has("type")).as("waits for every child, not N_TO_N").isFalse();
        List<String> merge = strings(mergeDefinition.get("containerProperties").get("command"));
        assertThat(merge.get(1)).as("the merge reads the shards' directory").isEqualTo(after(check, "--output-dir"));
        assertThat(mergeDefinition.get("containerProperties").get("volumes"))
                .isEqualTo(shardDefinition.get("containerProperties").get("volumes"));
        assertThat(mergeDefinition.get("containerProperties").has("jobRoleArn")).as("the merge calls no AWS").isFalse();
        assertThat(parse(merge).commandSpec().name()).isEqualTo("merge");
    }

    @Test
    void theBatchShardCommandIsAcceptedByThisVersion() throws IOException {
        List<String> check = strings(batch().get("registerJobDefinition").get(0).get("containerProperties")
                .get("command"));

        assertThat(parse(check).commandSpec().name()).isEqualTo("check");
    }
}
