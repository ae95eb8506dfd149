package com.huntaze.audit.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the JSON report: the source of truth. Every other format is rendered from its tree (the JSON as a reader
 * sees it), so a report read back from its JSON renders exactly like the run that wrote it.
 */
public final class JsonReport {
    private JsonReport() {
    }

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final TypeReference<LinkedHashMap<String, Object>> TREE = new TypeReference<>() {
    };

    public static String render(AuditReport report) {
        return write(report);
    }

    /** A report tree (as {@link #parse} gives it) written back as the JSON report. */
    public static String render(Map<String, Object> tree) {
        return write(tree);
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report as the generic tree a JSON reader would see. */
    public static Map<String, Object> tree(AuditReport report) {
        return parse(render(report));
    }

    /** A part of a report (a record, a list of them) as the report's JSON tree holds it. */
    public static Object toTree(Object value) {
        return MAPPER.convertValue(value, Object.class);
    }

    /** JSON text → tree, field order kept; throws {@link JsonProcessingException} wrapped when it is not JSON. */
    static Map<String, Object> parse(String json) {
        try {
            return MAPPER.readValue(json, TREE);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
