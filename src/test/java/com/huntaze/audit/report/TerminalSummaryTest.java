package com.huntaze.audit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The terminal summary on its own: what it lists, cut to the width, with colour or without. */
class TerminalSummaryTest {

    private static Map<String, Object> finding(String check, String status, String resource, String message) {
        return Map.of("checkId", check, "status", status, "region", "us-east-1", "resourceId", resource,
                "message", message, "estimatedMonthlySavingsUsd", 0.0);
    }

    private static final Map<String, Object> REPORT = Map.of(
            "summary", Map.of("ok", 1, "nok", 1, "todo", 1, "estimatedMonthlySavingsUsd", 61.14),
            "findings", List.of(
                    finding("rds.multi-az", "OK", "orders-db", "Multi-AZ."),
                    finding("ses.production-access", "TODO", "", "Could not read the account (ses:GetAccount denied)."),
                    finding("rds.multi-az", "NOK", "analytics-db", "Single-AZ: an outage of its zone stops it, "
                            + "and a failover takes a restore from the last snapshot, which is hours of work.")));

    private static String render(int width, boolean colour) {
        return new TerminalSummary(width, colour, "huntaze-audit check --demo --format md --output report.md")
                .render(REPORT);
    }

    @Test
    void theVerdictThenNokThenTodoOneLineEachThenSavingsAndHowToGetTheFullReport() {
        assertThat(render(200, false).lines()).containsExactly(
                "Not ready: 1 NOK in 1 check, 1 TODO to verify · 1 NOK · 1 TODO · 1 OK",
                "NOK  rds.multi-az           analytics-db  us-east-1  Single-AZ: an outage of its zone stops it, and a "
                        + "failover takes a restore from the last snapshot, which is hours of work.",
                "TODO ses.production-access  (account)     us-east-1  Could not read the account (ses:GetAccount denied).",
                "Estimated savings: $61.14/month",
                "full report: huntaze-audit check --demo --format md --output report.md");
    }

    @Test
    void findingLinesAreCutToTheWidth() {
        List<String> lines = render(60, false).lines().toList();

        assertThat(lines.get(1)).hasSize(60).startsWith("NOK  rds.multi-az           analytics-db  us-east-1  Single")
                .endsWith("…");
        assertThat(lines.subList(0, 4)).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(60));
        // The command is never cut: cut, it would not run.
        assertThat(lines.get(4)).endsWith("--output report.md");
    }

    @Test
    void colourMarksTheVerdictAndTheStatusesOnlyWhenAllowed() {
        String coloured = render(60, true);
        assertThat(coloured).contains("\033[1;31mNot ready: 1 NOK in 1 check, 1 TODO to verify\033[0m", "\033[31mNOK \033[0m",
                "\033[33mTODO\033[0m");
        // Escapes are not counted in the width: the text a person reads is the same as without colour.
        assertThat(coloured.replaceAll("\033\\[[0-9;]*m", "")).isEqualTo(render(60, false));

        assertThat(render(60, false)).doesNotContain("\033");
    }
}
