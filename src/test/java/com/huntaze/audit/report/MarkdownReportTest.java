package com.huntaze.audit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Domain;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Severity;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.testing.CliRun;
import com.huntaze.audit.testing.Reports;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Markdown sign-off document, as its reader sees it: the demo's, and hand-built reports for each verdict. */
class MarkdownReportTest {

    private static Map<String, Object> demo;
    private static String md;

    @BeforeAll
    static void renderTheDemo() {
        demo = JsonReport.parse(CliRun.of("check", "--demo", "--format", "json").out());
        md = new MarkdownReport().render(demo);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> tree, String field) {
        return (List<Map<String, Object>>) tree.get(field);
    }

    /** The text of the section whose heading starts with {@code heading}, up to the next one. */
    private static String section(String heading) {
        int start = md.indexOf("\n" + heading);
        assertThat(start).as(heading).isNotNegative();
        int end = md.indexOf("\n## ", start + 1);
        return md.substring(start + 1, end < 0 ? md.length() : end);
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>(List.of(line.split("(?<!\\\\)\\|", -1)));
        return cells.subList(1, cells.size() - 1).stream().map(String::strip).toList();
    }

    @Test
    void noTableCellOfTheDemoIsOver300Characters() {
        List<String> all = md.lines().filter(l -> l.startsWith("|")).flatMap(l -> cells(l).stream()).toList();
        assertThat(all).hasSizeGreaterThan(1_000).allSatisfy(c -> assertThat(c.length()).as(c).isLessThanOrEqualTo(300));
    }

    @Test
    void theTopSaysWhoWhenAndTheVerdictInOneLine() {
        assertThat(md).startsWith("# Launch-readiness audit — account 111122223333\n\nRegions: us-east-1, eu-west-1"
                + " · Generated ").contains(" by huntaze-audit ")
                .containsPattern("\n\\*\\*Not ready: \\d+ NOK in \\d+ checks, \\d+ TODO to verify \\(1 accepted"
                        + " risk\\)\\*\\*\n");
    }

    @Test
    void theOverviewHasOneRowPerCheckWithItsCountsNokChecksFirst() {
        String overview = section("## Checks");
        List<List<String>> rows = overview.lines().filter(l -> l.startsWith("| ")).skip(1).map(MarkdownReportTest::cells)
                .toList();
        assertThat(rows).hasSize(list(demo, "checks").size());
        assertThat(rows).extracting(r -> r.get(0).replaceAll(".* ", "")).isSortedAccordingTo(
                (a, b) -> Integer.compare(List.of("NOK", "TODO", "OK").indexOf(a), List.of("NOK", "TODO", "OK").indexOf(b)));
        assertThat(rows).contains(List.of("❌ NOK", "`rds.multi-az`", "RDS databases are Multi-AZ", "3", "0", "3"));
    }

    @Test
    void aCheckSectionHasItsRationaleItsOpenFindingsOnlyAndItsReadyCommands() {
        String multiAz = section("## ❌ NOK: RDS databases are Multi-AZ");

        assertThat(multiAz).contains("`rds.multi-az` · severity high · reliability · 3 NOK")
                .contains("A Single-AZ DB instance goes down with its Availability Zone")
                .contains("| ❌ NOK | analytics-db | us-east-1 | Single-AZ: losing us-east-1b takes the database down"
                        + " until it is restored. | MultiAZ: false, Source: DBInstance,")
                .doesNotContain("✅ OK").doesNotContain("app-aurora")
                .contains("**How to fix:** Convert the instance to Multi-AZ during a quiet hour")
                .contains("```sh\naws rds modify-db-instance --db-instance-identifier eu-legacy-reporting --multi-az"
                        + " --apply-immediately --region eu-west-1\n")
                .contains("\naws rds modify-db-instance --db-instance-identifier analytics-db --multi-az"
                        + " --apply-immediately --region us-east-1\n```");
        assertThat(md.indexOf("## ❌ NOK: RDS databases are Multi-AZ")).as("NOK sections before TODO ones")
                .isLessThan(md.indexOf("## ⚠️ TODO: Staging has been load-tested at the expected peak"));
    }

    @Test
    void eachRemediationParagraphAppearsOnceInItsCheckSection() {
        for (Map<String, Object> check : list(demo, "checks")) {
            List<String> prose = list(demo, "findings").stream()
                    .filter(f -> check.get("id").equals(f.get("checkId")) && !"OK".equals(f.get("status")))
                    .map(f -> CheckSections.Remediation.of((String) f.get("remediation")).prose())
                    .filter(p -> !p.isEmpty()).distinct().toList();
            if (prose.isEmpty()) {
                continue;
            }
            String section = section("## " + MarkdownText.badge(check.get("status")) + ": " + check.get("title"));
            for (String paragraph : prose) {
                assertThat(section.split(Pattern.quote(paragraph), -1)).as(check.get("id") + ": " + paragraph)
                        .hasSize(2);
            }
        }
    }

    @Test
    void everyCommandInHowToFixHasRealIdentifiers() {
        Matcher blocks = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL).matcher(md);
        List<String> commands = new ArrayList<>();
        while (blocks.find()) {
            commands.addAll(blocks.group(1).lines().toList());
        }
        assertThat(commands).hasSizeGreaterThan(20).allSatisfy(c -> assertThat(c).startsWith("aws ")
                .doesNotContainPattern("\\{[A-Za-z][A-Za-z0-9_.\\[\\]-]*}")
                .doesNotContainPattern(" (ID|CLUSTER|SERVICE|NAME|TABLE|BUCKET|ARN|FUNCTION|REPO)( |$)"));
        assertThat(commands).contains("aws ecs delete-cluster --cluster legacy-batch --region us-east-1",
                "aws logs put-retention-policy --log-group-name /aws/lambda/thumbnailer --retention-in-days 30"
                        + " --region us-east-1");
    }

    @Test
    void everyOkFindingIsListedWithItsMessageFoldedByDomain() {
        String ok = section("## OK findings");
        List<Map<String, Object>> okFindings = list(demo, "findings").stream().filter(f -> "OK".equals(f.get("status")))
                .toList();
        assertThat(ok).contains("<details><summary>Reliability: ").contains("</details>");
        assertThat(ok.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Resource"))).hasSize(okFindings.size())
                .allSatisfy(l -> assertThat(cells(l).get(3)).isNotBlank().isNotEqualTo("OK"));
        assertThat(ok).contains("| app-aurora-reader | us-east-1 | `rds.idle-instance` | No connection in the last 7"
                + " days, but cluster app-aurora serves connections through another member: a failover standby. |");
        assertThat(section("## ❌ NOK: RDS databases are Multi-AZ")).as("OK rows only there").doesNotContain("✅");
    }

    @Test
    void everyOkFindingOfTheDemoSaysWhyItIsOk() {
        assertThat(list(demo, "findings")).filteredOn(f -> "OK".equals(f.get("status")))
                .allSatisfy(f -> assertThat(((String) f.get("message")).strip()).as(f.get("checkId") + " "
                        + f.get("resourceId")).hasSizeGreaterThan(5).isNotEqualToIgnoringCase("OK."));
    }

    private static String verdictOf(Finding... findings) {
        String text = new MarkdownReport().render(Reports.report(List.of(Reports.check("rds.multi-az",
                Domain.RELIABILITY, Severity.HIGH), Reports.check("iam.user-mfa", Domain.SECURITY, Severity.HIGH)),
                findings));
        return text.lines().filter(l -> l.startsWith("**") && !l.startsWith("**Summary")).findFirst().orElseThrow();
    }

    @Test
    void theVerdictIsNotReadyWithNoksNotReadyUntilVerifiedWithTodosOnlyAndReadyWhenClean() {
        assertThat(verdictOf(Reports.finding("rds.multi-az", Status.NOK, "us-east-1", "a"),
                Reports.finding("rds.multi-az", Status.NOK, "us-east-1", "b"),
                Reports.finding("iam.user-mfa", Status.NOK, "global", "bob")))
                .isEqualTo("**Not ready: 3 NOK in 2 checks**");
        assertThat(verdictOf(Reports.finding("rds.multi-az", Status.TODO, "us-east-1", ""),
                Reports.finding("iam.user-mfa", Status.OK, "global", "bob")))
                .isEqualTo("**Not ready until verified: no NOK, 1 TODO in 1 check to verify by hand**");
        assertThat(verdictOf(Reports.finding("iam.user-mfa", Status.OK, "global", "bob")))
                .isEqualTo("**Ready: no NOK**");
        assertThat(verdictOf()).as("nothing found at all").isEqualTo("**Ready: no NOK**");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReportOfSeveralAccountsNamesThemAndEachCommandUsesItsFindingsAccount() {
        Map<String, Object> tree = new LinkedHashMap<>(demo);
        tree.put("account", null);
        tree.put("accounts", List.of(Map.of("id", "111122223333", "status", "audited"),
                Map.of("id", "444455556666", "status", "audited")));
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Map<String, Object> f : list(demo, "findings")) {
            Map<String, Object> copy = new LinkedHashMap<>(f);
            copy.put("account", "444455556666");
            findings.add(copy);
        }
        tree.put("findings", findings);

        String text = new MarkdownReport().render(tree);

        assertThat(text).startsWith("# Launch-readiness audit — 2 accounts\n")
                .contains("| 111122223333 |", "| 444455556666 |")
                .contains("## Launch-readiness audit — account 444455556666")
                .contains("aws s3control put-public-access-block --account-id 444455556666 ");
    }
}
