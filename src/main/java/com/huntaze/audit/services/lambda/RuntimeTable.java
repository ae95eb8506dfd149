package com.huntaze.audit.services.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The managed runtimes of Lambda and their deprecation dates: AWS publishes them on a documentation page, not through
 * an API, so the table is shipped dated ({@code services/lambda/lambda-runtimes.json}) and {@code --runtimes FILE}
 * (same format) replaces it.
 *
 * <p>Format:
 * <pre>{"date": "2026-11-22", "source": "https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html",
 *  "runtimes": [{"runtime": "python3.8", "deprecation": "2024-10-14", "blockCreate": null, "blockUpdate": null,
 *                "source": "https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html"}]}</pre>
 * {@code deprecation}, {@code blockCreate} and {@code blockUpdate} are dates or null (not announced, or not recorded);
 * {@code source} on a runtime defaults to the table's.
 */
public final class RuntimeTable {

    /** The embedded table's resource. */
    public static final String RESOURCE = "/services/lambda/lambda-runtimes.json";

    private static final Set<String> TOP_FIELDS = Set.of("date", "source", "description", "runtimes");
    private static final Set<String> RUNTIME_FIELDS = Set.of("runtime", "deprecation", "blockCreate", "blockUpdate",
            "source", "note");
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    /**
     * One managed runtime.
     *
     * @param deprecation the date AWS deprecates it (stops applying security patches); null when none is announced
     * @param blockCreate the date from which no function can be created with it; null when not recorded
     * @param blockUpdate the date from which no function using it can be updated; null when not recorded
     */
    public record Runtime(String runtime, LocalDate deprecation, LocalDate blockCreate, LocalDate blockUpdate,
                          String source) {
    }

    /** What is wrong with a runtime table, as one line. */
    public static final class RuntimeTableException extends RuntimeException {
        public RuntimeTableException(String message) {
            super(message);
        }
    }

    private final LocalDate date;
    private final String origin;
    private final Map<String, Runtime> runtimes;

    private RuntimeTable(LocalDate date, String origin, Map<String, Runtime> runtimes) {
        this.date = date;
        this.origin = origin;
        this.runtimes = runtimes;
    }

    private static volatile RuntimeTable embedded;

    /** The table shipped in the jar. */
    public static RuntimeTable embedded() {
        RuntimeTable table = embedded;
        if (table == null) {
            try (InputStream in = RuntimeTable.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the jar");
                }
                table = parse(MAPPER.readTree(in), "embedded runtime table");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            embedded = table;
        }
        return table;
    }

    /** {@code --runtimes FILE}: the whole table, replacing the embedded one. */
    public static RuntimeTable read(Path file) {
        try {
            return parse(MAPPER.readTree(Files.readString(file)), file.toString());
        } catch (NoSuchFileException e) {
            throw new RuntimeTableException("no such file");
        } catch (JsonProcessingException e) {
            throw new RuntimeTableException("not JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        } catch (IOException e) {
            throw new RuntimeTableException("cannot be read: " + e.getMessage());
        }
    }

    /** A table from its JSON; {@code origin} names it in findings (the file, or the embedded table). */
    public static RuntimeTable parse(JsonNode root, String origin) {
        if (root == null || !root.isObject()) {
            throw new RuntimeTableException("expected an object with date, source and runtimes");
        }
        unknown(root, TOP_FIELDS, "");
        LocalDate date = date(root, "date", "", true);
        String source = text(root, "source", "");
        JsonNode list = root.get("runtimes");
        if (list == null || !list.isArray()) {
            throw new RuntimeTableException("runtimes: expected a list of {runtime, deprecation, blockCreate,"
                    + " blockUpdate, source}");
        }
        Map<String, Runtime> runtimes = new TreeMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String at = "runtimes[" + i + "].";
            if (!item.isObject()) {
                throw new RuntimeTableException(at.substring(0, at.length() - 1) + ": expected an object");
            }
            unknown(item, RUNTIME_FIELDS, at);
            String runtime = text(item, "runtime", at);
            if (runtime == null || runtime.isBlank()) {
                throw new RuntimeTableException(at + "runtime: missing");
            }
            String itemSource = text(item, "source", at);
            Runtime value = new Runtime(runtime, date(item, "deprecation", at, false),
                    date(item, "blockCreate", at, false), date(item, "blockUpdate", at, false),
                    itemSource == null ? source : itemSource);
            if (runtimes.put(runtime, value) != null) {
                throw new RuntimeTableException(at + "runtime: " + runtime + " is listed twice");
            }
        }
        return new RuntimeTable(date, origin, runtimes);
    }

    /** The date the table's figures were read from their source. */
    public LocalDate date() {
        return date;
    }

    /** Where the table comes from: {@code embedded runtime table} or the file given. */
    public String origin() {
        return origin;
    }

    public Optional<Runtime> find(String runtime) {
        return Optional.ofNullable(runtime == null ? null : runtimes.get(runtime));
    }

    public int size() {
        return runtimes.size();
    }

    private static void unknown(JsonNode node, Set<String> known, String at) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new RuntimeTableException(at + name + ": unknown field; known: " + new java.util.TreeSet<>(known));
            }
        }
    }

    private static String text(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new RuntimeTableException(at + field + ": expected a string");
        }
        return value.asText();
    }

    private static LocalDate date(JsonNode node, String field, String at, boolean required) {
        String text = text(node, field, at);
        if (text == null) {
            if (required) {
                throw new RuntimeTableException(at + field + ": missing (YYYY-MM-DD)");
            }
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new RuntimeTableException(at + field + ": '" + text + "' is not a date (YYYY-MM-DD)");
        }
    }
}
