package com.huntaze.audit.report;

import static com.huntaze.audit.testing.Fixtures.logGroup;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.AuditRunner;
import com.huntaze.audit.engine.CheckRegistry;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Thresholds;
import com.huntaze.audit.inventory.Inventory;
import com.huntaze.audit.services.logs.LogGroup;
import com.huntaze.audit.services.logs.LogsDatasets;
import com.huntaze.audit.services.logs.LogsRetentionCheck;
import com.huntaze.audit.testing.CheckHarness;
import com.huntaze.audit.testing.CliRun;
import com.huntaze.audit.testing.Reports;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code --max-md-bytes}: an account with 2,000 log groups that never expire (the size that lost the job summary)
 * fits GitHub's summary once cut, and says what was cut and where the whole report is.
 */
class MarkdownBudgetTest {

    private static final int GITHUB_RECIPE_BUDGET = 900_000;

    /** 2,000 log groups of Lambda functions, as a serverless account names them, none with a retention. */
    private static Map<String, Object> twoThousandLogGroups() {
        List<LogGroup> groups = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            groups.add(logGroup(String.format("/aws/lambda/huntaze-prod-media-pipeline-thumbnail-worker-%04d", i),
                    null, (i + 1) * 1_000_000_000L));
        }
        Inventory inventory = new Inventory(Reports.ACCOUNT, List.of("us-east-1"));
        inventory.region("us-east-1").put(LogsDatasets.LOG_GROUPS, groups);
        AuditRunner.Outcome outcome = new AuditRunner(Thresholds.defaults(), CheckHarness.NOW)
                .run(CheckRegistry.of(List.of(new LogsRetentionCheck())).checks(), inventory);
        return JsonReport.tree(Reports.report(outcome.checks(), outcome.findings().toArray(Finding[]::new)));
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void twoThousandLogGroupsFitTheGithubSummaryOnceCutAndTheReportSaysWhatWasCut() {
        Map<String, Object> report = twoThousandLogGroups();

        String whole = new MarkdownReport().render(report);
        String cut = new MarkdownReport(new MarkdownBudget(GITHUB_RECIPE_BUDGET,
                "reports/huntaze-audit-123456789012-20261122T090000Z.json")).render(report);

        assertThat(bytes(whole)).as("without a budget").isGreaterThan(GITHUB_RECIPE_BUDGET);
        assertThat(bytes(cut)).isLessThanOrEqualTo(GITHUB_RECIPE_BUDGET);
        assertThat(cut).contains("> ✂️ **Shortened to fit 900,000 bytes:** the Evidence columns and the findings after"
                + " the first 10 of `logs.retention` were cut. The full report:"
                + " reports/huntaze-audit-123456789012-20261122T090000Z.json.");
        // What stays is what a reader acts on: the verdict, the rationale, the first rows and their commands.
        assertThat(cut).contains("**Not ready: 2,000 NOK in 1 check**", "## ❌ NOK: Log groups expire their events",
                "| Status | Resource | Region | What is wrong |\n",
                "aws logs put-retention-policy --log-group-name"
                        + " /aws/lambda/huntaze-prod-media-pipeline-thumbnail-worker-0000 --retention-in-days 30",
                "*1,990 more NOK or TODO finding(s) of this check are not shown here: see"
                        + " reports/huntaze-audit-123456789012-20261122T090000Z.json.*",
                "## Savings", "## To verify by hand");
        assertThat(cut).doesNotContain("worker-0010 --retention-in-days");
    }

    @Test
    void aReportUnderTheBudgetIsTheWholeReportByteForByte() {
        Map<String, Object> demo = JsonReport.parse(CliRun.of("check", "--demo", "--format", "json").out());

        String whole = new MarkdownReport().render(demo);

        assertThat(new MarkdownReport(new MarkdownBudget(bytes(whole), "the JSON report")).render(demo))
                .isEqualTo(whole);
    }

    @Test
    void theOkFindingsGoFirstThenTheEvidenceAndEachCutIsNamed() {
        Map<String, Object> demo = JsonReport.parse(CliRun.of("check", "--demo", "--format", "json").out());
        String whole = new MarkdownReport().render(demo);
        int okList = bytes(whole.substring(whole.indexOf("## OK findings"), whole.indexOf("<sub>")));

        String withoutOk = new MarkdownReport(new MarkdownBudget(bytes(whole) - 1, "the JSON report")).render(demo);
        String withoutEvidence = new MarkdownReport(new MarkdownBudget(bytes(whole) - okList, "the JSON report"))
                .render(demo);

        assertThat(withoutOk).contains("the list of OK findings were cut. The full report: the JSON report.")
                .doesNotContain("## OK findings").contains("| Status | Resource | Region | What is wrong | Evidence |");
        assertThat(withoutEvidence).contains("the list of OK findings and the Evidence columns were cut")
                .doesNotContain("| Evidence |");
    }

    @Test
    void aBudgetTooSmallForAnySectionStillHoldsAndSaysWhereTheRestIs() {
        String cut = new MarkdownReport(new MarkdownBudget(2_000, "the JSON report")).render(twoThousandLogGroups());

        assertThat(bytes(cut)).isLessThanOrEqualTo(2_000);
        assertThat(cut).startsWith("# Launch-readiness audit").endsWith("the rest is in the JSON report.*\n");
    }

    @Test
    void checkAndRenderTakeTheOptionAndRefuseANegativeOne() {
        CliRun run = CliRun.of("check", "--demo", "--max-md-bytes", "50000");
        assertThat(bytes(run.out())).isLessThanOrEqualTo(50_000);
        assertThat(run.out()).contains("Shortened to fit 50,000 bytes");

        CliRun negative = CliRun.of("check", "--demo", "--max-md-bytes", "-1");
        assertThat(negative.exitCode()).isEqualTo(2);
        assertThat(negative.err()).contains("--max-md-bytes must be a number of bytes, 0 or more");
    }

    @Test
    void withAnOutputDirectoryTheCutLineNamesTheJsonFileAndRenderCutsASavedReportToo(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        CliRun run = CliRun.of("check", "--demo", "--format", "md,json", "--output-dir", dir.toString(),
                "--max-md-bytes", "50000");
        java.nio.file.Path json;
        java.nio.file.Path md;
        try (var files = java.nio.file.Files.list(dir)) {
            List<java.nio.file.Path> written = files.sorted().toList();
            json = written.get(0);
            md = written.get(1);
        }
        String text = java.nio.file.Files.readString(md);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(bytes(text)).isLessThanOrEqualTo(50_000);
        assertThat(text).contains(". The full report: " + json + ".\n");
        CliRun render = CliRun.of("render", json.toString(), "--max-md-bytes", "50000");
        assertThat(bytes(render.out())).isLessThanOrEqualTo(50_000);
        assertThat(render.out()).contains(". The full report: the JSON report.\n");
    }
}
