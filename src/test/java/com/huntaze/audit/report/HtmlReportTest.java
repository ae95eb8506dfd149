package com.huntaze.audit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.testing.CliRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The HTML report: what it shows, escaped, and nothing it loads from elsewhere. */
class HtmlReportTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String IMG = "\"><img src=x onerror=alert(1)>";

    /** A report tree of the JSON's shape: two checks, the findings given. */
    private static Map<String, Object> report(Object account, List<Map<String, Object>> findings) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("schemaVersion", 1);
        report.put("tool", Map.of("name", "huntaze-audit", "version", "9.9.9"));
        report.put("generatedAt", "2026-12-01T09:00:00Z");
        report.put("account", account);
        report.put("regions", List.of("us-east-1"));
        long nok = findings.stream().filter(f -> "NOK".equals(f.get("status"))).count();
        long todo = findings.stream().filter(f -> "TODO".equals(f.get("status"))).count();
        report.put("summary", Map.of("ok", findings.size() - nok - todo, "nok", nok, "todo", todo,
                "estimatedMonthlySavingsUsd", 61.14));
        report.put("checks", List.of(
                check("rds.multi-az", "reliability", "Production databases are Multi-AZ"),
                check("s3.public-access-block", "security", "Buckets block public access")));
        report.put("findings", findings);
        return report;
    }

    private static Map<String, Object> check(String id, String domain, String title) {
        return Map.of("id", id, "title", title, "domain", domain, "severity", "high", "status", "NOK",
                "resources", 1, "verifyCommand", "aws rds describe-db-instances");
    }

    private static Map<String, Object> finding(String check, String status, String resource, String message) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("checkId", check);
        f.put("status", status);
        f.put("region", "us-east-1");
        f.put("resourceType", "AWS::RDS::DBInstance");
        f.put("resourceId", resource);
        f.put("resourceArn", null);
        f.put("message", message);
        f.put("evidence", Map.of("MultiAZ", false));
        f.put("remediation", "OK".equals(status) ? "" : "Turn on Multi-AZ.");
        f.put("estimatedMonthlySavingsUsd", 0.0);
        f.put("failsGate", "NOK".equals(status));
        return f;
    }

    private static String render(Map<String, Object> report) {
        return new HtmlReport(id -> id.equals("rds.multi-az") ? "A single-AZ database is down for the whole outage."
                : null).render(report);
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void attackerControlledValuesStayText() {
        Map<String, Object> evil = finding("rds.multi-az", "NOK", SCRIPT, IMG);
        evil.put("evidence", Map.of("Tag", "</script><script>alert(2)</script>"));
        evil.put("remediation", "Run " + IMG);
        String html = render(report("111122223333", List.of(evil)));

        // No element the values could have made: the one script is the report's own filter.
        assertThat(count(html, "(?i)<script")).isEqualTo(1);
        assertThat(html).doesNotContain("<img", "alert(2)</script>", "onerror=alert(1)>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;",
                        "&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;");
        // In attributes too: the row's data-* values cannot close the attribute.
        assertThat(html).doesNotContain("data-check=\"\">");
    }

    @Test
    void isSelfContained() {
        String html = new HtmlReport().render(ReportReader.parse("demo", CliRun.of("check", "--demo", "--format",
                "json").out()));

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>", "<svg");
        // Nothing fetched: no external script, style sheet, font, image or frame.
        assertThat(html).doesNotContainPattern("(?i)<script[^>]+src=")
                .doesNotContainPattern("(?i)<link")
                .doesNotContainPattern("(?i)<(img|iframe|object|embed)\\b")
                .doesNotContainPattern("(?i)@import|url\\(")
                .doesNotContainPattern("(?i)(src|href)=\"(https?:)?//");
    }

    @Test
    void howToFixGivesTheReadyCommandsWithTheResourcesOwnIdentifiers() {
        String html = new HtmlReport().render(ReportReader.parse("demo", CliRun.of("check", "--demo", "--format",
                "json").out()));

        assertThat(html).contains("<pre class=\"commands\"><code>aws ")
                .contains("aws rds modify-db-instance --db-instance-identifier analytics-db --multi-az"
                        + " --apply-immediately --region");
        assertThat(html).doesNotContainPattern("<code>[^<]*\\{(resourceId|region|resourceArn|account)");
    }

    @Test
    void renderGivesTheRunsHtmlByteForByte(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        CliRun run = CliRun.of("check", "--demo", "--format", "html,json", "--output-dir", dir.toString());
        java.nio.file.Path html;
        java.nio.file.Path json;
        try (var files = java.nio.file.Files.list(dir)) {
            List<java.nio.file.Path> written = files.sorted().toList();
            html = written.get(0);
            json = written.get(1);
        }

        CliRun rendered = CliRun.of("render", json.toString(), "--format", "html");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(rendered.out()).isEqualTo(java.nio.file.Files.readString(html));
    }

    @Test
    void opensWithTheVerdictAndSectionsOnlyForChecksWithNokOrTodo() {
        String html = render(report("111122223333", List.of(
                finding("rds.multi-az", "NOK", "analytics-db", "Single-AZ: an AZ outage stops it."),
                finding("rds.multi-az", "OK", "orders-db", "Multi-AZ."),
                finding("s3.public-access-block", "OK", "assets", "All four settings on."))));

        assertThat(html).contains("<div id=\"verdict\" class=\"verdict not-ready\">Not ready: 1 NOK in 1 check</div>");
        assertThat(html).contains("<section class=\"check\" id=\"check-rds.multi-az\">",
                "A single-AZ database is down for the whole outage.", "<h4>How to fix</h4>",
                "<p class=\"fix\">Turn on Multi-AZ.</p>");
        assertThat(html).doesNotContain("id=\"check-s3.public-access-block\"");
        String section = html.substring(html.indexOf("id=\"check-rds.multi-az\""), html.indexOf("</section>"));
        assertThat(section).contains("analytics-db").doesNotContain("orders-db");
        // The OK rows keep their message in the full table.
        assertThat(html).contains("All four settings on.");
    }

    @Test
    void aReportWithoutNokIsReady() {
        String html = render(report("111122223333", List.of(finding("rds.multi-az", "OK", "orders-db", "Multi-AZ."))));

        assertThat(html).contains("class=\"verdict ready\">Ready: no NOK</div>").doesNotContain("Checks to act on");
    }

    @Test
    void theAccountColumnAndFilterAppearOnlyWhenFindingsCarrySeveralAccounts() {
        Map<String, Object> prod = finding("rds.multi-az", "NOK", "analytics-db", "Single-AZ.");
        prod.put("account", "111122223333");
        Map<String, Object> staging = finding("rds.multi-az", "NOK", "analytics-db", "Single-AZ.");
        staging.put("account", "444455556666");
        Map<String, Object> multi = report(null, List.of(prod, staging));
        multi.put("accounts", List.of("111122223333", "444455556666"));

        String several = render(multi);
        assertThat(several).contains("Launch-readiness audit — Accounts 111122223333, 444455556666",
                "<select name=\"account\">", "<th>Account</th>", "data-account=\"444455556666\"");

        String one = render(report("111122223333", List.of(prod)));
        assertThat(one).doesNotContain("name=\"account\"", "<th>Account</th>");
    }

    @Test
    void aRepositoryFindingShowsWhereItIs() {
        Map<String, Object> inRepo = finding("rds.multi-az", "NOK", "db", "Multi-AZ is off in the Terraform.");
        inRepo.put("region", "repo");
        inRepo.put("location", Map.of("repository", "infra", "path", "rds/main.tf", "line", 12));

        assertThat(render(report(null, new ArrayList<>(List.of(inRepo)))))
                .contains("<code>infra: rds/main.tf:12</code>", "No AWS account");
    }
}
