package com.huntaze.audit.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Markdown section "Infrastructure code found" (with {@code --repo}): per repository, its HEAD commit, what was
 * not read as text, and a row per kind of infrastructure code with its files. Reads the report's JSON tree only.
 */
final class RepositoriesSection {
    private RepositoriesSection() {
    }

    @SuppressWarnings("unchecked")
    static void addTo(Map<String, Object> view, Map<String, Object> report) {
        List<Map<String, Object>> repositories = new ArrayList<>();
        for (Map<String, Object> repository : (List<Map<String, Object>>) report.getOrDefault("repositories",
                List.of())) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", MarkdownReport.cell((String) repository.get("name")));
            entry.put("path", MarkdownReport.cell((String) repository.get("path")));
            Object head = repository.get("headCommit");
            entry.put("head", head == null ? "no git metadata" : "HEAD " + ((String) head).substring(0, 7));
            Map<String, Object> skipped = (Map<String, Object>) repository.get("skipped");
            entry.put("skipped", skipped.get("tooLarge") + " over 5 MB, " + skipped.get("binary") + " binary, "
                    + skipped.get("symlinks") + " symbolic links leaving it");
            List<Map<String, Object>> rows = new ArrayList<>();
            ((Map<String, List<String>>) repository.get("infrastructure")).forEach((kind, paths) -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("kind", MarkdownReport.cell(kind));
                row.put("files", MarkdownReport.cell(String.join(", ", paths.stream().map(p -> "`" + p + "`")
                        .toList())));
                rows.add(row);
            });
            entry.put("rows", rows);
            repositories.add(entry);
        }
        view.put("repositories", repositories);
    }
}
