package com.huntaze.audit.report;

import static com.huntaze.audit.report.MarkdownText.cell;
import static com.huntaze.audit.report.MarkdownText.count;
import static com.huntaze.audit.report.MarkdownText.header;
import static com.huntaze.audit.report.MarkdownText.plural;
import static com.huntaze.audit.report.MarkdownText.row;
import static com.huntaze.audit.report.MarkdownText.usd;

import com.huntaze.audit.inventory.CollectionFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The Markdown report, the sign-off document: the verdict and counts, the checks overview, one section per check to
 * fix, then accepted risks, savings, what to verify by hand and the OK findings folded. It reads the report as its
 * JSON tree only, so a report read back from JSON renders byte for byte like a fresh one; it arranges and shortens
 * text, and decides no status.
 */
public final class MarkdownReport {

    /** The sections, in order. A new one is its own class with a {@link MarkdownSection} method, added here. */
    static final List<MarkdownSection> SECTIONS = List.of(
            MarkdownReport::heading,
            RepositoriesSection::write,
            CiSections::baselineChanges,
            MarkdownReport::collectionErrors,
            CheckSections::overview,
            CheckSections::findings,
            CiSections::acceptedRisks,
            CiSections::suppressionsToReview,
            MarkdownReport::savings,
            MarkdownReport::byHand,
            CheckSections::okDetails,
            MarkdownReport::footer);

    private final MarkdownBudget budget;

    /** The whole report, however long. */
    public MarkdownReport() {
        this(MarkdownBudget.UNLIMITED);
    }

    /** The report cut to fit {@code budget} ({@code --max-md-bytes}). */
    public MarkdownReport(MarkdownBudget budget) {
        this.budget = budget;
    }

    public String render(AuditReport report) {
        return render(JsonReport.tree(report));
    }

    /** The report as one text, as {@link #write} writes it: for tests; the CLI writes to its destination. */
    public String render(Map<String, Object> report) {
        return ReportWriting.text(out -> write(report, out));
    }

    /**
     * The report written to {@code out} as its sections produce it, so that no text of the whole document is held
     * (a large account's Markdown is several MB); with a byte budget, the sizes are counted first (see
     * {@link MarkdownBudget}).
     */
    public void write(Map<String, Object> report, Writer out) throws IOException {
        try {
            MarkdownOut markdown = new MarkdownOut(out);
            if (AccountReports.isMultiAccount(report)) {
                // An overview, then each account as one report; a byte budget is shared between the accounts.
                List<Map<String, Object>> accounts = AccountReports.accounts(report);
                MarkdownReport each = budget.maxBytes() <= 0 ? this : new MarkdownReport(new MarkdownBudget(
                        Math.max(1, budget.maxBytes() / Math.max(1, accounts.size()) - 1024), budget.fullReport()));
                AccountReports.markdown(report, each::writeOne, markdown);
            } else {
                writeOne(report, markdown);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause(); // the destination's, carried out of the sections
        }
    }

    private void writeOne(Map<String, Object> report, MarkdownOut out) {
        MarkdownDocument doc = new MarkdownDocument(report,
                MarkdownDocument.Cuts.none(budget.maxBytes(), budget.fullReport()));
        budget.write(doc, out);
    }

    static void write(MarkdownDocument doc, MarkdownOut out) {
        for (MarkdownSection section : SECTIONS) {
            section.write(doc, out);
        }
    }

    /** One rendering as text: only for the budget's last resort, a cut at a line of a document still too long. */
    static String render(MarkdownDocument doc) {
        return ReportWriting.text(out -> write(doc, new MarkdownOut(out)));
    }

    static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Title, when and by what, the one-line verdict, the counts, and what a byte budget cut. */
    static void heading(MarkdownDocument doc, MarkdownOut out) {
        Map<String, Object> summary = doc.summary();
        out.append("# Launch-readiness audit — ").append(doc.accounts()).append("\n\n");
        @SuppressWarnings("unchecked")
        List<String> regions = (List<String>) doc.report().getOrDefault("regions", List.of());
        out.append(regions.isEmpty() ? "" : "Regions: " + String.join(", ", regions) + " · ").append("Generated ")
                .append(doc.report().get("generatedAt")).append(" by ").append(doc.tool().get("name")).append(' ')
                .append(doc.tool().get("version")).append("\n\n");
        out.append("**").append(Verdict.of(doc.report())).append("**\n\n");
        int accepted = ((Number) summary.getOrDefault("suppressed", 0)).intValue();
        out.append("**Summary:** ❌ ").append(summary.get("nok")).append(" NOK · ⚠️ ").append(summary.get("todo"))
                .append(" TODO · ✅ ").append(summary.get("ok")).append(" OK · Estimated savings: **")
                .append(usd(((Number) summary.get("estimatedMonthlySavingsUsd")).doubleValue())).append("/month**")
                .append(accepted > 0 ? " · Accepted risks: " + accepted : "").append("\n\n");
        MarkdownDocument.Cuts cuts = doc.cuts();
        if (cuts.any()) {
            List<String> what = new ArrayList<>();
            if (cuts.okDetails()) {
                what.add("the list of OK findings");
            }
            if (cuts.evidence()) {
                what.add("the Evidence columns");
            }
            List<String> shortened = new ArrayList<>();
            List<String> emptied = new ArrayList<>();
            cuts.rowLimits().forEach((check, rows) -> (rows > 0 ? shortened : emptied).add(check));
            if (!shortened.isEmpty()) {
                what.add("the findings after the first " + MarkdownBudget.KEPT_ROWS + " of " + checks(shortened));
            }
            if (!emptied.isEmpty()) {
                what.add("the finding tables and commands of " + checks(emptied));
            }
            out.append("> ✂️ **Shortened to fit ").append(count(cuts.limit())).append(" bytes:** ")
                    .append(joinWords(what)).append(" were cut. The full report: ").append(cuts.fullReport())
                    .append(".\n\n");
        }
    }

    /** "`logs.retention`", or "3 checks (`a`, `b` and 1 more)". */
    private static String checks(List<String> ids) {
        List<String> quoted = ids.stream().map(id -> "`" + id + "`").toList();
        if (quoted.size() == 1) {
            return quoted.get(0);
        }
        return quoted.size() + " checks (" + (quoted.size() <= 3 ? joinWords(quoted)
                : String.join(", ", quoted.subList(0, 3)) + " and " + (quoted.size() - 3) + " more") + ")";
    }

    private static String joinWords(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** Denied actions in one place, so that an admin can fix the role in one go; then any other failed call. */
    @SuppressWarnings("unchecked")
    static void collectionErrors(MarkdownDocument doc, MarkdownOut out) {
        List<Map<String, Object>> errors = (List<Map<String, Object>>) doc.summary().getOrDefault(
                "collectionErrors", List.of());
        List<String> denied = errors.stream().filter(MarkdownReport::accessDenied)
                .map(e -> (String) e.get("operation")).distinct().sorted().toList();
        if (!denied.isEmpty()) {
            out.append("## Missing permissions\n\nThe audit role was denied these actions, so the checks that need"
                    + " them are TODO. Grant them (all are read-only) and run again:\n\n```json\n"
                    + "{\"Effect\": \"Allow\", \"Action\": [");
            out.append(String.join(", ", denied.stream().map(a -> "\"" + a + "\"").toList()));
            out.append("], \"Resource\": \"*\"}\n```\n\n");
        }
        List<String> other = errors.stream().filter(e -> !accessDenied(e))
                .map(e -> "- `" + e.get("operation") + "` in " + e.get("region") + ": " + e.get("error")).toList();
        if (!other.isEmpty()) {
            out.append("## Collection errors\n\n");
            other.forEach(line -> out.append(line).append('\n'));
            out.append('\n');
        }
    }

    /**
     * A collection error of a denied action: by its {@code kind}; a report written before collection errors had a
     * kind is read by the reason's words, as it was then.
     */
    private static boolean accessDenied(Map<String, Object> error) {
        Object kind = error.get("kind");
        if (kind != null) {
            return CollectionFailure.Kind.ACCESS_DENIED.id().equals(kind);
        }
        return String.valueOf(error.get("error")).startsWith("access denied");
    }

    /** Every finding with a saving, largest first, and the total. */
    static void savings(MarkdownDocument doc, MarkdownOut out) {
        out.append("## Savings\n\n");
        List<Map<String, Object>> saving = new ArrayList<>(doc.findings().stream()
                .filter(f -> ((Number) f.get("estimatedMonthlySavingsUsd")).doubleValue() > 0).toList());
        if (saving.isEmpty()) {
            out.append("No idle or orphaned resource with a cost was found.\n\n");
            return;
        }
        saving.sort(Comparator.comparingDouble((Map<String, Object> f) ->
                ((Number) f.get("estimatedMonthlySavingsUsd")).doubleValue()).reversed());
        header(out, "Resource", "Region", "Why", ":Est. $/month");
        for (Map<String, Object> f : saving) {
            row(out, cell(MarkdownText.resource(f)), cell(f.get("region")), cell(f.get("message")),
                    usd(((Number) f.get("estimatedMonthlySavingsUsd")).doubleValue()));
        }
        row(out, "**Total**", "", "", "**" + usd(((Number) doc.summary().get("estimatedMonthlySavingsUsd"))
                .doubleValue()) + "**");
        out.append('\n');
    }

    /** The TODO findings as a checklist, each with the read-only command that confirms it. */
    static void byHand(MarkdownDocument doc, MarkdownOut out) {
        out.append("## To verify by hand\n\n");
        List<Map<String, Object>> todo = doc.findings().stream().filter(f -> "TODO".equals(f.get("status")))
                .toList();
        if (todo.isEmpty()) {
            out.append("Nothing: every check could be verified through the API.\n\n");
            return;
        }
        for (Map<String, Object> f : todo) {
            Map<String, Object> check = doc.check((String) f.get("checkId"));
            Object title = check == null ? f.get("checkId") : check.get("title");
            out.append("- [ ] **").append(MarkdownText.oneLine(String.valueOf(title))).append("** (`")
                    .append(f.get("checkId")).append("`, ").append(MarkdownText.resource(f)).append(", ")
                    .append(f.get("region")).append("): ").append(CheckSections.note(f))
                    .append(MarkdownText.oneLine((String) f.get("message")));
            if (!CheckSections.Remediation.of((String) f.get("remediation")).steps().isEmpty()) {
                out.append(" Steps: in its section above.");
            }
            if (check != null && check.get("verifyCommand") instanceof String verify && !verify.isBlank()) {
                out.append("\n  Verify: `").append(MarkdownText.oneLine(verify)).append('`');
            }
            out.append('\n');
        }
        out.append('\n');
    }

    static void footer(MarkdownDocument doc, MarkdownOut out) {
        Object prices = doc.summary().get("priceTable");
        out.append("<sub>Estimates are on-demand list prices at 730 hours a month")
                .append(prices == null ? "" : ", from the " + prices + " (see PriceSource in each finding's evidence)")
                .append(". Read-only audit: ").append(doc.tool().get("name"))
                .append(" only calls Describe, List and Get operations.</sub>\n");
    }
}
