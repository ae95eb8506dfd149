package com.huntaze.audit.report;

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
    static void write(MarkdownDocument doc, MarkdownOut out) {
        List<Map<String, Object>> repositories = (List<Map<String, Object>>) doc.report()
                .getOrDefault("repositories", List.of());
        if (repositories.isEmpty()) {
            return;
        }
        out.append("## Infrastructure code found\n\n");
        for (Map<String, Object> repository : repositories) {
            Object head = repository.get("headCommit");
            Map<String, Object> skipped = (Map<String, Object>) repository.get("skipped");
            out.append("**").append(MarkdownText.cell(repository.get("name"))).append("** (`")
                    .append(MarkdownText.cell(repository.get("path"))).append("`, ")
                    .append(head == null ? "no git metadata" : "HEAD " + ((String) head).substring(0, 7))
                    .append("; not read as text: ").append(skipped.get("tooLarge")).append(" over 5 MB, ")
                    .append(skipped.get("binary")).append(" binary, ").append(skipped.get("symlinks"))
                    .append(" symbolic links leaving it)\n\n");
            Map<String, List<String>> infrastructure = (Map<String, List<String>>) repository.get("infrastructure");
            if (infrastructure.isEmpty()) {
                out.append("No infrastructure code.\n\n");
                continue;
            }
            out.append("| Kind | Files |\n|---|---|\n");
            infrastructure.forEach((kind, paths) -> MarkdownText.row(out, MarkdownText.cell(kind), files(paths)));
            out.append('\n');
        }
    }

    /** The files of one kind, as many as fit a table cell, then how many more (the JSON lists them all). */
    private static String files(List<String> paths) {
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i < paths.size(); i++) {
            String next = (i == 0 ? "" : ", ") + "`" + MarkdownText.cell(paths.get(i)) + "`";
            String more = " and " + (paths.size() - i) + " more";
            if (cell.length() + next.length() + (i + 1 < paths.size() ? more.length() : 0) > MarkdownText.MAX_CELL
                    && i > 0) {
                return cell.append(more).toString();
            }
            cell.append(next);
        }
        return cell.toString();
    }
}
