package com.huntaze.audit.report;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The small pieces every Markdown section writes: table cells, badges, amounts, evidence in words. */
final class MarkdownText {
    private MarkdownText() {
    }

    /** The longest a table cell gets: a longer text is cut at a word and ends with "…" (the JSON has it whole). */
    static final int MAX_CELL = 300;
    /** Evidence is a hint beside the message, kept short. */
    static final int MAX_EVIDENCE = 120;

    static String badge(Object status) {
        return switch (String.valueOf(status)) {
            case "NOK" -> "❌ NOK";
            case "TODO" -> "⚠️ TODO";
            default -> "✅ OK";
        };
    }

    /** A table cell: one line, pipes escaped, at most {@link #MAX_CELL} characters. */
    static String cell(Object text) {
        return cell(text, MAX_CELL);
    }

    static String cell(Object text, int max) {
        return shorten(oneLine(text == null ? "" : String.valueOf(text)), max).replace("|", "\\|");
    }

    /** A row of a Markdown table. */
    static void row(MarkdownOut out, String... cells) {
        out.append('|');
        for (String c : cells) {
            out.append(c.isEmpty() ? " |" : " " + c + " |");
        }
        out.append('\n');
    }

    /** A table's header and separator lines; a column named with a leading ":" is right-aligned. */
    static void header(MarkdownOut out, String... columns) {
        out.append('|');
        for (String c : columns) {
            out.append(' ').append(c.startsWith(":") ? c.substring(1) : c).append(" |");
        }
        out.append("\n|");
        for (String c : columns) {
            out.append(c.startsWith(":") ? "---:|" : "---|");
        }
        out.append('\n');
    }

    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /** At most {@code max} characters, cut after a word, "…" marking the cut. */
    static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max - 1);
        return text.substring(0, cut < max / 2 ? max - 1 : cut).stripTrailing() + "…";
    }

    static String resource(Map<String, Object> f) {
        String id = (String) f.get("resourceId");
        return id == null || id.isEmpty() ? "(account)" : id;
    }

    static String usd(double amount) {
        return "$" + new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(amount);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String plural(long n, String one, String many) {
        return count(n) + " " + (n == 1 ? one : many);
    }

    /** {@code Key: value, Key: value}; lists joined with "; ", nested objects inline. */
    @SuppressWarnings("unchecked")
    static String evidence(Object evidence) {
        if (!(evidence instanceof Map<?, ?> map) || map.isEmpty()) {
            return "";
        }
        return ((Map<String, Object>) map).entrySet().stream()
                .map(e -> e.getKey() + ": " + value(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    static String value(Object value) {
        if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                return "none";
            }
            return list.stream().map(MarkdownText::value).collect(Collectors.joining("; "));
        }
        if (value instanceof Map<?, ?> map) {
            return "{" + evidence(map) + "}";
        }
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(value);
    }
}
