package com.huntaze.audit.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Writes the JSON report (the source of truth: Markdown is rendered from the same tree). */
public final class JsonReport {
    private JsonReport() {
    }

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static String render(AuditReport report) {
        try {
            return MAPPER.writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report as the generic tree a JSON reader would see. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> tree(AuditReport report) {
        return MAPPER.convertValue(report, Map.class);
    }
}
