package com.huntaze.audit.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The report of several accounts as the renderers read it: whether a tree is one, and each account's part of it as
 * a single-account tree (its findings, its counts, its collection errors), so that a renderer shows each account
 * exactly as it shows a single-account report. Pure arrangement of the tree: every status and count it gives comes
 * from the findings the run wrote.
 */
public final class AccountReports {
    private AccountReports() {
    }

    private static final List<String> WORST_FIRST = List.of("NOK", "TODO", "OK");

    /** Whether {@code tree} is a report of several accounts (it has {@code accounts}). */
    public static boolean isMultiAccount(Map<String, Object> tree) {
        return tree.get("accounts") instanceof List;
    }

    /** The report's {@code accounts} entries, in report order. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> accounts(Map<String, Object> tree) {
        return (List<Map<String, Object>>) tree.get("accounts");
    }

    /** The part of a report of several accounts about {@code account}, as a single-account report tree. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> subTree(Map<String, Object> tree, String account) {
        Map<String, Object> sub = new LinkedHashMap<>(tree);
        sub.put("account", account);
        sub.remove("accounts");
        List<Map<String, Object>> findings = inAccount((List<Map<String, Object>>) tree.get("findings"), account);
        sub.put("findings", findings);
        if (tree.get("resolved") instanceof List<?> resolved) {
            sub.put("resolved", inAccount((List<Map<String, Object>>) resolved, account));
        }
        List<Map<String, Object>> checks = new ArrayList<>();
        for (Map<String, Object> check : (List<Map<String, Object>>) tree.get("checks")) {
            List<Map<String, Object>> its = findings.stream().filter(f -> check.get("id").equals(f.get("checkId")))
                    .toList();
            Map<String, Object> one = new LinkedHashMap<>(check);
            one.put("status", its.stream().map(f -> (String) f.get("status")).min(
                    java.util.Comparator.comparing(WORST_FIRST::indexOf)).orElse("OK"));
            one.put("resources", its.size());
            checks.add(one);
        }
        sub.put("checks", checks);
        Map<String, Object> summary = new LinkedHashMap<>((Map<String, Object>) tree.get("summary"));
        summary.remove("accounts");
        summary.put("ok", count(findings, "OK"));
        summary.put("nok", count(findings, "NOK"));
        summary.put("todo", count(findings, "TODO"));
        double savings = findings.stream().mapToDouble(f -> f.get("estimatedMonthlySavingsUsd") instanceof Number n
                ? n.doubleValue() : 0).sum();
        summary.put("estimatedMonthlySavingsUsd", Math.round(savings * 100) / 100.0);
        int suppressed = (int) findings.stream().filter(f -> Boolean.TRUE.equals(f.get("suppressed"))).count();
        if (suppressed > 0) {
            summary.put("suppressed", suppressed);
        } else {
            summary.remove("suppressed");
        }
        if (summary.get("collectionErrors") instanceof List<?> errors) {
            List<Map<String, Object>> its = inAccount((List<Map<String, Object>>) errors, account);
            if (its.isEmpty()) {
                summary.remove("collectionErrors");
            } else {
                summary.put("collectionErrors", its);
            }
        }
        sub.put("summary", summary);
        return sub;
    }

    private static List<Map<String, Object>> inAccount(List<Map<String, Object>> items, String account) {
        return items.stream().filter(i -> account.equals(i.get("account"))).toList();
    }

    private static int count(List<Map<String, Object>> findings, String status) {
        return (int) findings.stream().filter(f -> status.equals(f.get("status"))).count();
    }

    /**
     * The Markdown of a report of several accounts: a title, the overview table (account, name, status, NOK, TODO,
     * savings), then each account's section: its single-account Markdown ({@code writeOne}) one heading level
     * down, written to {@code md} as it comes.
     */
    @SuppressWarnings("unchecked")
    static void markdown(Map<String, Object> tree, BiConsumer<Map<String, Object>, MarkdownOut> writeOne,
                         MarkdownOut md) {
        Map<String, Object> summary = (Map<String, Object>) tree.get("summary");
        Map<String, Object> tool = (Map<String, Object>) tree.get("tool");
        List<Map<String, Object>> accounts = accounts(tree);
        md.append("# Launch-readiness audit — ").append(accounts.size()).append(accounts.size() == 1 ? " account"
                : " accounts").append("\n\n");
        md.append("Regions: ").append(String.join(", ", (List<String>) tree.get("regions"))).append(" · Generated ")
                .append(tree.get("generatedAt")).append(" by ").append(tool.get("name")).append(' ')
                .append(tool.get("version")).append("\n\n");
        md.append("**").append(Verdict.of(tree)).append("**\n\n");
        md.append("**Summary:** ❌ ").append(summary.get("nok")).append(" NOK · ⚠️ ").append(summary.get("todo"))
                .append(" TODO · ✅ ").append(summary.get("ok")).append(" OK · Estimated savings: **")
                .append(MarkdownText.usd(((Number) summary.get("estimatedMonthlySavingsUsd")).doubleValue()))
                .append("/month**\n\n");
        md.append("## Accounts\n\n| Account | Name | Status | NOK | TODO | Savings |\n|---|---|---|---:|---:|---:|\n");
        Map<String, Map<String, Object>> counts = new LinkedHashMap<>();
        ((List<Map<String, Object>>) summary.getOrDefault("accounts", List.of()))
                .forEach(c -> counts.put((String) c.get("account"), c));
        for (Map<String, Object> account : accounts) {
            Map<String, Object> c = counts.getOrDefault((String) account.get("id"), Map.of());
            String status = (String) account.get("status");
            md.append("| ").append(account.get("id")).append(" | ")
                    .append(MarkdownText.cell(account.get("name") == null ? "" : (String) account.get("name")))
                    .append(" | ").append(AuditReport.AccountEntry.FAILED.equals(status)
                            ? "failed: " + MarkdownText.cell(String.valueOf(account.get("reason"))) : status)
                    .append(" | ").append(c.getOrDefault("nok", 0)).append(" | ").append(c.getOrDefault("todo", 0))
                    .append(" | ").append(MarkdownText.usd(c.get("estimatedMonthlySavingsUsd") instanceof Number n
                            ? n.doubleValue() : 0)).append(" |\n");
        }
        for (Map<String, Object> account : accounts) {
            String id = (String) account.get("id");
            md.append('\n');
            HeadingsOneLevelDown down = new HeadingsOneLevelDown(md);
            writeOne.accept(subTree(tree, id), new MarkdownOut(down));
            down.finish();
        }
    }

    /**
     * Every Markdown heading one level deeper, as the text passes: an account's report becomes a section of the
     * whole. What {@code replaceAll("(?m)^(#{1,5}) ", "#$1 ")} does to the whole text, done as a stream: a line
     * (after {@code \n}, {@code \r}, {@code \r\n}, U+0085, U+2028 or U+2029, as {@code (?m)^} reads lines) that
     * starts with one to five {@code #} and a space gets one {@code #} more.
     */
    static final class HeadingsOneLevelDown extends java.io.Writer {
        private final MarkdownOut target;
        private boolean lineStart = true;
        /** The {@code #} seen at the start of the current line, not yet written. */
        private int hashes;

        HeadingsOneLevelDown(MarkdownOut target) {
            this.target = target;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            StringBuilder piece = new StringBuilder(length + 8);
            for (int i = offset; i < offset + length; i++) {
                char c = chars[i];
                if (lineStart) {
                    if (c == '#') {
                        hashes++;
                        continue;
                    }
                    if (c == ' ' && hashes >= 1 && hashes <= 5) {
                        piece.append('#');
                    }
                    piece.append("#".repeat(hashes));
                    hashes = 0;
                    lineStart = false;
                }
                piece.append(c);
                lineStart = c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
            }
            target.append(piece.toString());
        }

        /** The {@code #} of a last line that ended with them. */
        void finish() {
            target.append("#".repeat(hashes));
            hashes = 0;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            finish();
        }
    }
}
