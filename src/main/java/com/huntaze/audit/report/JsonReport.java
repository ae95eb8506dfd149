package com.huntaze.audit.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the JSON report: the source of truth. Every other format is rendered from its tree (the JSON as a reader
 * sees it), so a report read back from its JSON renders exactly like the run that wrote it.
 *
 * <p>A large account gives 15,000 findings and more: the report is written as a stream (Jackson's generator, straight
 * from the records or the tree, to the destination), and the tree is built from the records' tokens, never from
 * the JSON text (see {@link AsParsedNumbers} for why it is the tree a reader of the text would get).
 */
public final class JsonReport {
    private JsonReport() {
    }

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Writes to a destination the caller owns and closes (an atomic temp file, standard output). */
    private static final ObjectWriter STREAMING = MAPPER.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private static final TypeReference<LinkedHashMap<String, Object>> TREE = new TypeReference<>() {
    };

    public static String render(AuditReport report) {
        return write(report);
    }

    /** A report tree (as {@link #parse} gives it) written back as the JSON report. */
    public static String render(Map<String, Object> tree) {
        return write(tree);
    }

    /** The JSON report of these records, as {@link #render(AuditReport)} gives it, written to {@code out}. */
    public static void write(AuditReport report, Writer out) throws IOException {
        stream(report, out);
    }

    /** A report tree written back as the JSON report, as {@link #render(Map)} gives it, to {@code out}. */
    public static void write(Map<String, Object> tree, Writer out) throws IOException {
        stream(tree, out);
    }

    private static void stream(Object value, Writer out) throws IOException {
        STREAMING.writeValue(out, value);
        out.write("\n");
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report as the generic tree a JSON reader would see, built without writing the JSON text. */
    public static Map<String, Object> tree(AuditReport report) {
        TokenBuffer tokens = new TokenBuffer(MAPPER, false);
        try {
            MAPPER.writeValue(new AsParsedNumbers(tokens), report);
            try (JsonParser parser = tokens.asParser(MAPPER)) {
                return MAPPER.readValue(parser, TREE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /**
     * JSON read incrementally from a stream → tree (no copy of the text is held); {@link JsonProcessingException}
     * when it is not JSON, another {@link IOException} when the stream cannot be read.
     */
    static Map<String, Object> parse(InputStream json) throws IOException {
        return MAPPER.readValue(json, TREE);
    }
}
