package com.huntaze.audit.report;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one-line verdict every format opens with, read from the report's JSON tree so that the Markdown, the HTML and
 * the terminal summary say the same words:
 * <ul>
 *   <li>"Not ready: 12 NOK in 7 checks[, 3 TODO to verify]" when a NOK remains that is not an accepted risk;</li>
 *   <li>"Not ready until verified: no NOK, 3 TODO in 2 checks to verify by hand" when only TODOs remain;</li>
 *   <li>"Ready: no NOK" otherwise.</li>
 * </ul>
 * Accepted risks do not make an account not ready, but are counted ("(1 accepted risk)"). The verdict counts
 * findings, not {@code failsGate}: {@code --fail-on never} does not make an account ready.
 */
public final class Verdict {
    private Verdict() {
    }

    /** Whether the verdict is "Ready": no NOK and no TODO left that is not an accepted risk. */
    public static boolean ready(Map<String, Object> report) {
        return of(report).startsWith("Ready");
    }

    public static String of(Map<String, Object> report) {
        long nok = 0;
        long todo = 0;
        long accepted = 0;
        Set<Object> nokChecks = new HashSet<>();
        Set<Object> todoChecks = new HashSet<>();
        for (Map<String, Object> f : findings(report)) {
            boolean isAccepted = Boolean.TRUE.equals(f.get("suppressed"));
            accepted += isAccepted ? 1 : 0;
            if ("NOK".equals(f.get("status")) && !isAccepted) {
                nok++;
                nokChecks.add(f.get("checkId"));
            } else if ("TODO".equals(f.get("status")) && !isAccepted) {
                todo++;
                todoChecks.add(f.get("checkId"));
            }
        }
        String risks = accepted > 0 ? " (" + MarkdownText.plural(accepted, "accepted risk", "accepted risks") + ")"
                : "";
        if (nok > 0) {
            return "Not ready: " + MarkdownText.count(nok) + " NOK in "
                    + MarkdownText.plural(nokChecks.size(), "check", "checks")
                    + (todo > 0 ? ", " + MarkdownText.count(todo) + " TODO to verify" : "") + risks;
        }
        if (todo > 0) {
            return "Not ready until verified: no NOK, " + MarkdownText.count(todo) + " TODO in "
                    + MarkdownText.plural(todoChecks.size(), "check", "checks") + " to verify by hand" + risks;
        }
        return "Ready: no NOK" + risks;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> findings(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.getOrDefault("findings", List.of());
    }
}
