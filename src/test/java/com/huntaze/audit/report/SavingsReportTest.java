package com.huntaze.audit.report;

import com.huntaze.audit.services.ServiceCatalog;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huntaze.audit.pricing.PriceTable;
import com.huntaze.audit.testing.CliRun;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The savings in the demo account's reports: per finding, summed, tabled largest first, and dated. */
class SavingsReportTest {

    @Test
    void eachSavingIsInCentsAndTheSummaryIsTheirSum() {
        JsonNode report = CliRun.of("check", "--demo", "--format", "json").json();
        BigDecimal sum = BigDecimal.ZERO;
        int withSavings = 0;
        for (JsonNode f : report.get("findings")) {
            BigDecimal usd = f.get("estimatedMonthlySavingsUsd").decimalValue();
            assertThat(usd.stripTrailingZeros().scale()).as(f.toString()).isLessThanOrEqualTo(2);
            if (usd.signum() > 0) {
                withSavings++;
                assertThat(f.get("status").asText()).isEqualTo("NOK");
                assertThat(f.get("evidence").get("PriceSource").asText()).as("a saving says where its price comes from")
                        .endsWith(", " + ServiceCatalog.current().prices().date());
            }
            sum = sum.add(usd);
        }
        assertThat(withSavings).isGreaterThanOrEqualTo(3);
        assertThat(report.get("summary").get("estimatedMonthlySavingsUsd").decimalValue()).isEqualByComparingTo(sum);
    }

    @Test
    void theMarkdownSavingsTableListsEverySavingLargestFirstWithTheTotalAndThePriceDate() {
        JsonNode report = CliRun.of("check", "--demo", "--format", "json").json();
        String md = CliRun.of("check", "--demo").out();

        String table = md.substring(md.indexOf("## Savings"), md.indexOf("## To verify by hand"));
        List<Double> amounts = new ArrayList<>();
        table.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Resource") && !l.startsWith("| **Total"))
                .forEach(l -> amounts.add(Double.parseDouble(l.substring(l.lastIndexOf("$") + 1, l.lastIndexOf(" |"))
                        .replace(",", ""))));
        long expectedRows = 0;
        for (JsonNode f : report.get("findings")) {
            if (f.get("estimatedMonthlySavingsUsd").asDouble() > 0) {
                expectedRows++;
            }
        }
        assertThat(amounts).hasSize((int) expectedRows);
        assertThat(amounts).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(table).contains(String.format(java.util.Locale.ROOT, "| **Total** | | | **$%,.2f** |",
                report.get("summary").get("estimatedMonthlySavingsUsd").asDouble()));
        assertThat(md).contains("Estimates are on-demand list prices at 730 hours a month, from the embedded price table of "
                + ServiceCatalog.current().prices().date());
    }
}
