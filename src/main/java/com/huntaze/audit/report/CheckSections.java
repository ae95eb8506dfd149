package com.huntaze.audit.report;

import static com.huntaze.audit.report.MarkdownText.badge;
import static com.huntaze.audit.report.MarkdownText.cell;
import static com.huntaze.audit.report.MarkdownText.count;
import static com.huntaze.audit.report.MarkdownText.header;
import static com.huntaze.audit.report.MarkdownText.row;

import com.huntaze.audit.engine.Domain;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Markdown's checks: the overview (one row per check, NOK checks first), one section per check with NOK or TODO
 * findings (why it matters, what is wrong with each resource, how to fix it once, the ready commands), and the OK
 * findings folded per domain.
 */
final class CheckSections {
    private CheckSections() {
    }

    private static final List<String> STATUS_ORDER = List.of("NOK", "TODO", "OK");
    /** A numbered step of a remediation ("1. Restore ..."), one per line. */
    private static final Pattern STEP = Pattern.compile("^\\s*\\d+[.)]\\s+(.*)$");

    /** The checks in the order a reader acts on them: NOK, then TODO, then OK; the report's order within. */
    static List<Map<String, Object>> byStatus(MarkdownDocument doc) {
        List<Map<String, Object>> checks = new ArrayList<>(doc.checks());
        checks.sort(Comparator.comparingInt(c -> STATUS_ORDER.indexOf(String.valueOf(c.get("status")))));
        return checks;
    }

    static void overview(MarkdownDocument doc, MarkdownOut out) {
        out.append("## Checks\n\n");
        header(out, "Status", "Check", "Title", ":NOK", ":TODO", ":OK");
        for (Map<String, Object> check : byStatus(doc)) {
            long[] counts = new long[3];
            for (Map<String, Object> f : doc.findingsOf((String) check.get("id"))) {
                counts[STATUS_ORDER.indexOf(String.valueOf(f.get("status")))]++;
            }
            row(out, badge(check.get("status")), "`" + cell(check.get("id")) + "`", cell(check.get("title")),
                    count(counts[0]), count(counts[1]), count(counts[2]));
        }
        out.append('\n');
    }

    /** One section per check with NOK or TODO findings, in the overview's order. */
    static void findings(MarkdownDocument doc, MarkdownOut out) {
        for (Map<String, Object> check : byStatus(doc)) {
            section(doc, check, out);
        }
    }

    /** The section of one check (nothing for an OK check). */
    static void section(MarkdownDocument doc, Map<String, Object> check, MarkdownOut out) {
        String id = (String) check.get("id");
        List<Map<String, Object>> open = doc.findingsOf(id).stream()
                .filter(f -> !"OK".equals(f.get("status")))
                .sorted(Comparator.comparingInt(f -> STATUS_ORDER.indexOf(String.valueOf(f.get("status")))))
                .toList();
        if (open.isEmpty()) {
            return;
        }
        long nok = open.stream().filter(f -> "NOK".equals(f.get("status"))).count();
        out.append("## ").append(badge(check.get("status"))).append(": ").append(MarkdownText.oneLine(
                String.valueOf(check.get("title")))).append("\n\n");
        out.append('`').append(id).append("` · severity ").append(check.get("severity")).append(" · ")
                .append(check.get("domain")).append(" · ")
                .append(nok > 0 ? count(nok) + " NOK" : "")
                .append(nok > 0 && open.size() > nok ? ", " : "")
                .append(open.size() > nok ? count(open.size() - nok) + " TODO" : "").append("\n\n");
        if (check.get("rationale") instanceof String rationale && !rationale.isBlank()) {
            out.append(MarkdownText.oneLine(rationale)).append("\n\n");
        }
        int limit = doc.cuts().rowLimits().getOrDefault(id, Integer.MAX_VALUE);
        List<Map<String, Object>> shown = open.subList(0, Math.min(limit, open.size()));
        boolean evidence = !doc.cuts().evidence();
        if (!shown.isEmpty()) {
            if (evidence) {
                header(out, "Status", "Resource", "Region", "What is wrong", "Evidence");
            } else {
                header(out, "Status", "Resource", "Region", "What is wrong");
            }
            for (Map<String, Object> f : shown) {
                String wrong = note(f) + f.get("message");
                if (evidence) {
                    row(out, badge(f.get("status")), cell(MarkdownText.resource(f)), cell(f.get("region")),
                            cell(wrong), cell(MarkdownText.evidence(f.get("evidence")), MarkdownText.MAX_EVIDENCE));
                } else {
                    row(out, badge(f.get("status")), cell(MarkdownText.resource(f)), cell(f.get("region")),
                            cell(wrong));
                }
            }
            out.append('\n');
        }
        if (shown.size() < open.size()) {
            out.append("*").append(count(open.size() - shown.size())).append(" more NOK or TODO finding(s) of this"
                    + " check are not shown here: see ").append(doc.cuts().fullReport()).append(".*\n\n");
        }
        howToFix(doc, check, shown, out);
    }

    /** The remediation once per distinct text, then every shown finding's ready command in one code block. */
    private static void howToFix(MarkdownDocument doc, Map<String, Object> check, List<Map<String, Object>> shown,
                                 MarkdownOut out) {
        Map<String, List<Map<String, Object>>> byAdvice = new LinkedHashMap<>();
        List<String> commands = new ArrayList<>();
        for (Map<String, Object> f : shown) {
            Remediation r = Remediation.of((String) f.get("remediation"));
            if (!r.prose().isEmpty() || !r.steps().isEmpty()) {
                byAdvice.computeIfAbsent(r.prose() + "\n" + String.join("\n", r.steps()), k -> new ArrayList<>())
                        .add(f);
            }
            commands.addAll(FixCommands.of(check, f, doc.account()));
            commands.addAll(r.commands());
        }
        if (byAdvice.isEmpty() && commands.isEmpty()) {
            return;
        }
        boolean several = byAdvice.size() > 1;
        out.append(several ? "**How to fix**\n\n" : byAdvice.isEmpty() ? "**How to fix:**\n\n" : "**How to fix:**");
        for (Map.Entry<String, List<Map<String, Object>>> advice : byAdvice.entrySet()) {
            Remediation r = Remediation.of(advice.getKey());
            if (several) {
                out.append("- ").append(resources(advice.getValue())).append(':');
            }
            out.append(r.prose().isEmpty() ? "" : " " + r.prose()).append('\n');
            if (!r.steps().isEmpty()) {
                out.append('\n');
                for (String step : r.steps()) {
                    out.append(several ? "  " : "").append(step).append('\n');
                }
            }
            if (!several) {
                out.append('\n');
            }
        }
        if (several) {
            out.append('\n');
        }
        if (!commands.isEmpty()) {
            out.append("```sh\n");
            commands.forEach(c -> out.append(c).append('\n'));
            out.append("```\n\n");
        }
    }

    /** "analytics-db, orders-db and 3 more (us-east-1)": whom an advice is for. */
    private static String resources(List<Map<String, Object>> findings) {
        List<String> names = findings.stream().map(f -> MarkdownText.resource(f) + " (" + f.get("region") + ")")
                .distinct().toList();
        return "For " + (names.size() <= 3 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more");
    }

    /** What a finding's message is preceded by when a suppression concerns it. */
    static String note(Map<String, Object> f) {
        if (Boolean.TRUE.equals(f.get("suppressed"))) {
            return "Accepted risk until " + f.get("expires") + " (see Accepted risks). ";
        }
        if (f.get("suppressionExpired") != null) {
            return "Suppression expired on " + f.get("suppressionExpired") + ". ";
        }
        return "";
    }

    /** The OK findings, one folded list per domain: resource, check and why it is OK. */
    static void okDetails(MarkdownDocument doc, MarkdownOut out) {
        if (doc.cuts().okDetails()) {
            return;
        }
        Map<String, List<Map<String, Object>>> byDomain = new LinkedHashMap<>();
        for (Domain domain : Domain.values()) {
            for (Map<String, Object> check : doc.checks()) {
                if (domain.id().equals(check.get("domain"))) {
                    for (Map<String, Object> f : doc.findingsOf((String) check.get("id"))) {
                        if ("OK".equals(f.get("status"))) {
                            byDomain.computeIfAbsent(domain.id(), d -> new ArrayList<>()).add(f);
                        }
                    }
                }
            }
        }
        if (byDomain.isEmpty()) {
            return;
        }
        out.append("## OK findings\n\n");
        for (Map.Entry<String, List<Map<String, Object>>> domain : byDomain.entrySet()) {
            out.append("<details><summary>").append(capitalize(domain.getKey())).append(": ")
                    .append(count(domain.getValue().size())).append(" OK</summary>\n\n");
            header(out, "Resource", "Region", "Check", "Why it is OK");
            for (Map<String, Object> f : domain.getValue()) {
                row(out, cell(MarkdownText.resource(f)), cell(f.get("region")), "`" + cell(f.get("checkId")) + "`",
                        cell(f.get("message")));
            }
            out.append("\n</details>\n\n");
        }
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * A remediation taken apart: its prose (one paragraph), its numbered steps (lines "1. ", "2. "; a line that is
     * not a step continues the step before it) and its command lines (lines starting "aws "), which go to the
     * section's code block with the check's own fix commands.
     */
    record Remediation(String prose, List<String> steps, List<String> commands) {
        static Remediation of(String remediation) {
            if (remediation == null || remediation.isBlank()) {
                return new Remediation("", List.of(), List.of());
            }
            StringBuilder prose = new StringBuilder();
            List<StringBuilder> steps = new ArrayList<>();
            List<String> commands = new ArrayList<>();
            for (String line : remediation.split("\\R")) {
                Matcher step = STEP.matcher(line);
                if (line.strip().startsWith("aws ")) {
                    commands.add(line.strip());
                } else if (step.matches()) {
                    steps.add(new StringBuilder(step.group(1).strip()));
                } else if (!line.isBlank()) {
                    (steps.isEmpty() ? prose : steps.get(steps.size() - 1)).append(' ').append(line.strip());
                }
            }
            List<String> numbered = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                numbered.add((i + 1) + ". " + steps.get(i).toString().strip());
            }
            return new Remediation(MarkdownText.oneLine(prose.toString()), numbered, commands);
        }
    }
}
