package com.huntaze.audit.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a person at a terminal sees by default: the verdict, one line per NOK and TODO finding (status, check,
 * resource, region, message, cut to the terminal's width), the savings total, and how to get the full report.
 * Rendered from the report's JSON tree like the formats; colour is ANSI SGR, on the status words and the verdict
 * only, so that a cut line is cut on the text a person reads.
 */
public final class TerminalSummary {
    private static final String RESET = "\033[0m";
    private static final int CHECK_COLUMN = 34;
    private static final int RESOURCE_COLUMN = 28;

    private final int width;
    private final boolean colour;
    private final String fullReportCommand;

    /** @param fullReportCommand the command line that writes the full report, shown last */
    public TerminalSummary(int width, boolean colour, String fullReportCommand) {
        this.width = Math.max(40, width);
        this.colour = colour;
        this.fullReportCommand = fullReportCommand;
    }

    @SuppressWarnings("unchecked")
    public String render(Map<String, Object> report) {
        List<Map<String, Object>> findings = (List<Map<String, Object>>) report.get("findings");
        Map<String, Object> summary = (Map<String, Object>) report.get("summary");
        StringBuilder out = new StringBuilder();
        String verdict = Verdict.of(report);
        String counts = " · " + summary.get("nok") + " NOK · " + summary.get("todo") + " TODO · " + summary.get("ok")
                + " OK";
        out.append(paint(Verdict.ready(report) ? "1;32" : "1;31", verdict)).append(cut(counts, width - verdict.length()))
                .append('\n');
        List<Map<String, Object>> open = new ArrayList<>();
        for (String status : List.of("NOK", "TODO")) {
            findings.stream().filter(f -> status.equals(f.get("status"))).forEach(open::add);
        }
        int checkWidth = Math.min(CHECK_COLUMN, open.stream().mapToInt(f -> ((String) f.get("checkId")).length())
                .max().orElse(0));
        int resourceWidth = Math.min(RESOURCE_COLUMN, open.stream()
                .mapToInt(f -> MarkdownText.resource(f).length()).max().orElse(0));
        for (Map<String, Object> f : open) {
            String status = (String) f.get("status");
            String accepted = Boolean.TRUE.equals(f.get("suppressed")) ? "(accepted risk) " : "";
            String rest = " " + pad((String) f.get("checkId"), checkWidth) + "  "
                    + pad(MarkdownText.resource(f), resourceWidth) + "  " + f.get("region") + "  " + accepted
                    + MarkdownText.oneLine((String) f.get("message"));
            out.append(paint("NOK".equals(status) ? "31" : "33", pad(status, 4)))
                    .append(cut(rest, width - 4)).append('\n');
        }
        out.append("Estimated savings: ")
                .append(MarkdownText.usd(((Number) summary.get("estimatedMonthlySavingsUsd")).doubleValue()))
                .append("/month\n");
        out.append("full report: ").append(fullReportCommand).append('\n'); // whole: a cut command is no use
        return out.toString();
    }

    private String paint(String sgr, String text) {
        return colour ? "\033[" + sgr + "m" + text + RESET : text;
    }

    /** Padded to {@code width}, or cut to it with an ellipsis. */
    private static String pad(String text, int width) {
        return text.length() > width ? text.substring(0, width - 1) + "…" : text + " ".repeat(width - text.length());
    }

    private static String cut(String text, int width) {
        if (text.codePointCount(0, text.length()) <= width) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, Math.max(0, width - 1))) + "…";
    }
}
