package com.huntaze.audit.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code --max-md-bytes}: the most bytes (UTF-8) the Markdown may take, for a destination that holds no more
 * (GitHub's job summary holds 1 MiB). A report that would exceed it loses, in this order, until it fits: the OK
 * findings' list, the Evidence columns, then the findings of the longest check sections beyond their first
 * {@value #KEPT_ROWS} rows, and it says at its top what was cut and where the full report is.
 *
 * @param maxBytes   0 for no limit
 * @param fullReport where the full report is, in words: the JSON (and HTML) files of the run, or "the JSON report"
 */
public record MarkdownBudget(long maxBytes, String fullReport) {
    public static final MarkdownBudget UNLIMITED = new MarkdownBudget(0, "the JSON report");
    /** The NOK and TODO findings a cut check section still shows. */
    static final int KEPT_ROWS = 10;

    /**
     * Writes {@code full}, or the first cut of it that fits, to {@code out}. Without a budget the sections go straight
     * out; with one, each candidate's size is counted by rendering it into a byte count (nothing held), and only the
     * one that fits is rendered again, into {@code out}: one rendering more than the cuts take, never the document's
     * text.
     */
    void write(MarkdownDocument full, MarkdownOut out) {
        if (maxBytes <= 0) {
            MarkdownReport.write(full, out);
            return;
        }
        Sized fitted = fit(full);
        if (fitted.bytes() <= maxBytes) {
            MarkdownReport.write(fitted.doc(), out);
        } else {
            out.append(truncated(MarkdownReport.render(fitted.doc())));
        }
    }

    /** A rendering and its size in bytes (UTF-8). */
    private record Sized(MarkdownDocument doc, long bytes) {
        static Sized of(MarkdownDocument doc) {
            return new Sized(doc, MarkdownOut.bytes(out -> MarkdownReport.write(doc, out)));
        }
    }

    /** The first cut of {@code full} that fits, else the one with every cut made. */
    private Sized fit(MarkdownDocument full) {
        Sized text = Sized.of(full);
        if (text.bytes() <= maxBytes) {
            return text;
        }
        MarkdownDocument doc = full;
        // Each cut is made (and named) only where it takes something out.
        if (full.findings().stream().anyMatch(f -> "OK".equals(f.get("status")))) {
            doc = doc.with(doc.cuts().withoutOkDetails());
            text = Sized.of(doc);
            if (text.bytes() <= maxBytes) {
                return text;
            }
        }
        if (full.findings().stream().anyMatch(f -> !"OK".equals(f.get("status"))
                && f.get("evidence") instanceof Map<?, ?> evidence && !evidence.isEmpty())) {
            doc = doc.with(doc.cuts().withoutEvidence());
            text = Sized.of(doc);
        }
        for (int rows : new int[] {KEPT_ROWS, 0}) {
            for (String checkId : longestSections(doc, rows)) {
                if (text.bytes() <= maxBytes) {
                    return text;
                }
                doc = doc.with(doc.cuts().withRowLimit(checkId, rows));
                text = Sized.of(doc);
            }
        }
        return text;
    }

    /** The check sections with more than {@code rows} NOK and TODO findings, longest first. */
    private static List<String> longestSections(MarkdownDocument doc, int rows) {
        List<Map.Entry<String, Long>> sizes = new ArrayList<>();
        for (Map<String, Object> check : doc.checks()) {
            if (doc.findingsOf((String) check.get("id")).stream().filter(f -> !"OK".equals(f.get("status")))
                    .count() <= rows) {
                continue;
            }
            long section = MarkdownOut.bytes(out -> CheckSections.section(doc, check, out));
            if (section > 0) {
                sizes.add(Map.entry((String) check.get("id"), section));
            }
        }
        sizes.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()));
        return sizes.stream().map(Map.Entry::getKey).toList();
    }

    /** The last resort (a report whose sections alone exceed the budget): cut at a line, and say so. */
    private String truncated(String text) {
        String end = "\n\n*✂️ Cut here to fit " + MarkdownText.count(maxBytes) + " bytes: the rest is in "
                + fullReport + ".*\n";
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int room = (int) Math.max(0, maxBytes - MarkdownReport.bytes(end));
        String head = new String(bytes, 0, Math.min(room, bytes.length), java.nio.charset.StandardCharsets.UTF_8);
        int line = head.lastIndexOf('\n');
        head = line < 0 ? "" : head.substring(0, line);
        while (MarkdownReport.bytes(head) > room) {
            head = head.substring(0, Math.max(0, head.lastIndexOf('\n')));
        }
        return head + end;
    }
}
