package com.huntaze.audit.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the report as CSV for spreadsheets and scripts: a header, then one row per finding (OK ones included), in
 * the report's order. RFC 4180: CRLF line ends, a field holding a comma, a quote or a line break quoted, quotes
 * doubled (Jackson's CSV module writes it). Domain and severity come from the report's {@code checks} entries.
 *
 * <p>A cell that starts with {@code =}, {@code +}, {@code -} or {@code @} gets a leading {@code '}: resource names and
 * tags are chosen by whoever can create resources, and a spreadsheet would run such a cell as a formula.
 */
public final class CsvReport {
    private CsvReport() {
    }

    /** The columns, in order: the header row. */
    static final List<String> COLUMNS = List.of("account", "region", "domain", "check", "severity", "status",
            "resource id", "ARN", "message", "savings", "suppressed", "change");

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
    private static final CsvSchema SCHEMA = schema();
    /**
     * Writes rows to a destination the caller owns and closes (an atomic temp file, standard output), flushing it
     * only at the end (not after every row).
     */
    private static final ObjectWriter ROWS = MAPPER.writer(SCHEMA)
            .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    private static CsvSchema schema() {
        CsvSchema.Builder builder = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
        COLUMNS.forEach(builder::addColumn);
        return builder.build();
    }

    /** The report as one text, as {@link #write} writes it: for tests; the CLI writes to its destination. */
    public static String render(Map<String, Object> report) {
        return ReportWriting.text(out -> write(report, out));
    }

    /** The report written to {@code out} a row at a time (Jackson's sequence writer): no text of it is held. */
    @SuppressWarnings("unchecked")
    public static void write(Map<String, Object> report, Writer out) throws IOException {
        Map<String, Map<String, Object>> checks = new LinkedHashMap<>();
        for (Map<String, Object> check : (List<Map<String, Object>>) report.get("checks")) {
            checks.put(text(check.get("id")), check);
        }
        try (SequenceWriter rows = ROWS.writeValues(out)) {
            for (Map<String, Object> f : (List<Map<String, Object>>) report.get("findings")) {
                Map<String, Object> check = checks.getOrDefault(text(f.get("checkId")), Map.of());
                List<String> values = List.of(
                        text(f.get("account") != null ? f.get("account") : report.get("account")),
                        text(f.get("region")),
                        text(check.get("domain")),
                        text(f.get("checkId")),
                        text(check.get("severity")),
                        text(f.get("status")),
                        text(f.get("resourceId")),
                        text(f.get("resourceArn")),
                        text(f.get("message")),
                        f.get("estimatedMonthlySavingsUsd") instanceof Number n
                                ? String.format(Locale.ROOT, "%.2f", n.doubleValue()) : "",
                        String.valueOf(Boolean.TRUE.equals(f.get("suppressed"))),
                        text(f.get("change")));
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < COLUMNS.size(); i++) {
                    row.put(COLUMNS.get(i), inert(values.get(i)));
                }
                rows.write(row);
            }
        }
    }

    /** A cell a spreadsheet will not evaluate (see the class comment). */
    static String inert(String cell) {
        return !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
