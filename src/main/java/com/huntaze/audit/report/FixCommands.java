package com.huntaze.audit.report;

import com.huntaze.audit.engine.FixCommandTemplate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ready command of a NOK finding: its check's {@code fixCommand} (from the report's {@code checks}) filled with
 * the finding's fields. Read from the JSON tree only, so that {@code render} of a saved report prints the same
 * commands; a renderer that shows commands (Markdown, HTML) asks here.
 */
public final class FixCommands {
    private FixCommands() {
    }

    /**
     * The command lines that fix {@code finding}, empty when its check declares none for it or the finding lacks a
     * value the command needs. Only NOK findings get one: a TODO is verified first, an OK needs nothing.
     *
     * @param check         the finding's entry in the report's {@code checks}
     * @param reportAccount the report's {@code account}, for a finding without its own (null in a multi-account
     *                      report, where each finding has its own)
     */
    @SuppressWarnings("unchecked")
    public static List<String> of(Map<String, Object> check, Map<String, Object> finding, String reportAccount) {
        if (check == null || !"NOK".equals(finding.get("status"))) {
            return List.of();
        }
        Map<String, String> byType = (Map<String, String>) check.getOrDefault("fixCommandFor", Map.of());
        Optional<String> template = FixCommandTemplate.templateFor((String) check.get("fixCommand"), byType,
                (String) finding.get("resourceType"), name -> parameter(name, finding, reportAccount));
        return template.flatMap(t -> FixCommandTemplate.fill(t, name -> parameter(name, finding, reportAccount)))
                .map(filled -> filled.lines().map(String::strip).filter(l -> !l.isEmpty()).toList())
                .orElse(List.of());
    }

    /** A parameter's value for this finding (see {@link FixCommandTemplate}), null when it has none. */
    @SuppressWarnings("unchecked")
    static String parameter(String name, Map<String, Object> finding, String reportAccount) {
        if (name.startsWith("evidence.")) {
            Object value = ((Map<String, Object>) finding.getOrDefault("evidence", Map.of()))
                    .get(name.substring("evidence.".length()));
            return value instanceof String || value instanceof Number ? MarkdownText.value(value) : null;
        }
        if (name.startsWith("resourceId[")) {
            String[] parts = String.valueOf(finding.get("resourceId")).split("/");
            int index = Integer.parseInt(name.substring("resourceId[".length(), name.length() - 1));
            return index < parts.length && parts.length > 1 ? parts[index] : null;
        }
        return switch (name) {
            case "resourceId", "resourceArn", "region" -> (String) finding.get(name);
            case "account" -> finding.get("account") instanceof String own ? own : reportAccount;
            default -> null;
        };
    }
}
