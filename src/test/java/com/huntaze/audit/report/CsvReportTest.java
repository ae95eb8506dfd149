package com.huntaze.audit.report;

import static com.huntaze.audit.testing.Reports.check;
import static com.huntaze.audit.testing.Reports.finding;
import static com.huntaze.audit.testing.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.huntaze.audit.engine.Domain;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Severity;
import com.huntaze.audit.engine.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CSV report: one RFC 4180 row per finding that any spreadsheet or CSV reader reads back exactly. */
class CsvReportTest {

    private static List<List<String>> rows(String csv) throws Exception {
        try (MappingIterator<List<String>> it = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerForListOf(String.class).readValues(csv)) {
            return it.readAll();
        }
    }

    @Test
    void oneRowPerFindingUnderTheHeaderWithDomainAndSeverityOfItsCheck() throws Exception {
        Map<String, Object> tree = JsonReport.tree(report(List.of(check("rds.multi-az", Domain.RELIABILITY,
                        Severity.HIGH), check("iam.user-mfa", Domain.SECURITY, Severity.CRITICAL)),
                finding("rds.multi-az", Status.NOK, "us-east-1", "orders-db"),
                finding("iam.user-mfa", Status.OK, "global", "")));

        String csv = ReportFormat.csv.render(tree);

        assertThat(csv).startsWith("account,region,domain,check,severity,status,resource id,ARN,message,savings,"
                + "suppressed,change\r\n");
        assertThat(rows(csv)).containsExactly(CsvReport.COLUMNS,
                List.of("123456789012", "us-east-1", "reliability", "rds.multi-az", "high", "NOK", "orders-db",
                        "arn:aws:test:us-east-1:123456789012:thing/orders-db", "NOK rds.multi-az orders-db", "0.00",
                        "false", ""),
                List.of("123456789012", "global", "security", "iam.user-mfa", "critical", "OK", "", "",
                        "OK iam.user-mfa ", "0.00", "false", ""));
    }

    @Test
    void commasQuotesAndLineBreaksInAMessageAreQuotedAndReadBackExactly() throws Exception {
        String message = "Port 22, \"ssh\", open to 0.0.0.0/0\nand 3389 too";
        Finding tricky = new Finding("ec2.open-ports", Status.NOK, "eu-west-1", "AWS::EC2::SecurityGroup", "sg-1",
                null, message, Map.of(), "", 12.5, "222222222222", null);
        Map<String, Object> tree = JsonReport.tree(report(List.of(check("ec2.open-ports", Domain.SECURITY,
                Severity.HIGH)), tricky));

        String csv = ReportFormat.csv.render(tree);

        assertThat(csv).contains(",\"Port 22, \"\"ssh\"\", open to 0.0.0.0/0\nand 3389 too\",12.50,");
        List<String> row = rows(csv).get(1);
        assertThat(row.get(0)).as("the finding's own account").isEqualTo("222222222222");
        assertThat(row.get(8)).isEqualTo(message);
        assertThat(row.get(9)).isEqualTo("12.50");
    }

    @Test
    void suppressionAndBaselineChangeHaveTheirColumnsAndFormulasStayText() throws Exception {
        Map<String, Object> tree = JsonReport.tree(report(List.of(check("rds.multi-az", Domain.RELIABILITY,
                Severity.HIGH)), finding("rds.multi-az", Status.NOK, "us-east-1", "=HYPERLINK(\"x\")")));
        @SuppressWarnings("unchecked")
        Map<String, Object> f = ((List<Map<String, Object>>) tree.get("findings")).get(0);
        f.put("suppressed", true);
        f.put("change", "new");
        tree.put("account", null); // a report without an account (--no-aws): empty cells, not "null"

        List<String> row = rows(ReportFormat.csv.render(tree)).get(1);

        assertThat(row.get(0)).isEmpty();
        assertThat(row.get(6)).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(row.get(10)).isEqualTo("true");
        assertThat(row.get(11)).isEqualTo("new");
    }
}
