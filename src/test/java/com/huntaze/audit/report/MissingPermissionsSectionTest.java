package com.huntaze.audit.report;

import static com.huntaze.audit.testing.Reports.check;
import static com.huntaze.audit.testing.Reports.finding;
import static com.huntaze.audit.testing.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Domain;
import com.huntaze.audit.engine.Severity;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.inventory.CollectionFailure;
import com.huntaze.audit.testing.CliRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Markdown's "Missing permissions" section reads each collection error's {@code kind}, not the words of its
 * {@code error}; a report written before {@code kind} existed is still read by its words.
 */
class MissingPermissionsSectionTest {

    private static AuditReport withErrors(AuditReport.CollectionError... errors) {
        AuditReport base = report(List.of(check("rds.multi-az", Domain.RELIABILITY, Severity.HIGH)),
                finding("rds.multi-az", Status.TODO, "us-east-1", ""));
        AuditReport.Summary summary = AuditReport.Summary.of(base.findings(), List.of(errors),
                base.summary().priceTable());
        return new AuditReport(base.schemaVersion(), base.tool(), base.generatedAt(), base.account(), base.regions(),
                null, summary, base.checks(), base.findings(), null, List.of(), base.stats());
    }

    private static String section(String md, String title) {
        int start = md.indexOf("## " + title);
        assertThat(start).as("section " + title + " in\n" + md).isNotNegative();
        int end = md.indexOf("\n## ", start + 3);
        return md.substring(start, end < 0 ? md.length() : end);
    }

    @Test
    void anAccessDeniedKindIsAMissingPermissionWhateverItsErrorText() {
        AuditReport report = withErrors(
                new AuditReport.CollectionError("rds", "us-east-1", "rds:DescribeDBInstances",
                        "not authorized to perform rds:DescribeDBInstances (AccessDeniedException)", "access-denied"),
                new AuditReport.CollectionError("ecs", "eu-west-1", "ecs:ListClusters",
                        "access denied, retried until throttled (Throttling)", "throttled"));

        String md = new MarkdownReport().render(report);

        assertThat(section(md, "Missing permissions"))
                .contains("\"Action\": [\"rds:DescribeDBInstances\"]")
                .doesNotContain("ecs:ListClusters");
        assertThat(section(md, "Collection errors"))
                .contains("- `ecs:ListClusters` in eu-west-1: access denied, retried until throttled (Throttling)")
                .doesNotContain("rds:DescribeDBInstances");
    }

    @Test
    void aReportWithoutKindIsReadByTheErrorTextAsBefore() {
        Map<String, Object> tree = JsonReport.tree(withErrors(
                new AuditReport.CollectionError("rds", "us-east-1", "rds:DescribeDBInstances",
                        "access denied (AccessDenied)", "access-denied"),
                new AuditReport.CollectionError("ses", "us-east-1", "ses:GetAccount", "timed out (ApiCallTimeout)",
                        "timeout")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) ((Map<String, Object>) tree.get("summary"))
                .get("collectionErrors");
        errors.forEach(e -> assertThat(e.remove("kind")).isNotNull());

        String md = new MarkdownReport().render(tree);

        assertThat(section(md, "Missing permissions")).contains("\"Action\": [\"rds:DescribeDBInstances\"]")
                .doesNotContain("ses:GetAccount");
        assertThat(section(md, "Collection errors")).contains("`ses:GetAccount` in us-east-1: timed out");
    }

    @Test
    void everyKindHasALowerCaseHyphenatedIdDerivedFromItsName() {
        assertThat(CollectionFailure.Kind.ACCESS_DENIED.id()).isEqualTo("access-denied");
        for (CollectionFailure.Kind kind : CollectionFailure.Kind.values()) {
            assertThat(kind.id()).isEqualTo(kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                    .matches("[a-z]+(-[a-z]+)*");
        }
        assertThat(List.of(CollectionFailure.Kind.values())).extracting(CollectionFailure.Kind::id)
                .contains("access-denied", "throttled", "unreachable", "timeout", "error");
    }

    @Test
    void theDemoReportsItsDeniedCallWithItsKind() {
        CliRun run = CliRun.of("check", "--demo", "--format", "json");

        var errors = run.json().get("summary").get("collectionErrors");
        assertThat(errors).isNotEmpty();
        errors.forEach(e -> assertThat(e.get("kind").asText()).as(e.toString()).isEqualTo("access-denied"));
        assertThat(CliRun.of("check", "--demo").out()).contains("## Missing permissions")
                .contains("\"Action\": [\"ecs:ListClusters\"]");
    }
}
