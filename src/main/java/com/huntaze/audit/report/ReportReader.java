package com.huntaze.audit.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON report written earlier ({@code render}, {@code --baseline}) and checks that it is one this version
 * understands: a huntaze-audit report of schemaVersion {@value AuditReport#SCHEMA_VERSION} with the fields every
 * renderer needs. What it returns is the report's tree, as {@link JsonReport#tree} gives it for a fresh run.
 */
public final class ReportReader {
    private ReportReader() {
    }

    /** Not a report this version can read; the message is one line naming the file and the reason. */
    public static final class UnreadableReportException extends RuntimeException {
        public UnreadableReportException(String message) {
            super(message);
        }
    }

    /** Read incrementally from the file (a large report's text is never held whole next to its tree). */
    public static Map<String, Object> read(Path file) {
        Map<String, Object> tree;
        try (InputStream in = Files.newInputStream(file)) {
            tree = JsonReport.parse(in);
        } catch (JsonProcessingException e) {
            throw notJson(file.toString(), e);
        } catch (NoSuchFileException e) {
            throw new UnreadableReportException(file + ": file not found");
        } catch (IOException e) {
            throw new UnreadableReportException(file + ": cannot read it ("
                    + (Files.isDirectory(file) ? "it is a directory" : e.getClass().getSimpleName()) + ")");
        }
        return validated(file.toString(), tree);
    }

    /** @param source names the report in messages */
    public static Map<String, Object> parse(String source, String text) {
        Map<String, Object> tree;
        try {
            tree = JsonReport.parse(text);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof JsonProcessingException json) {
                throw notJson(source, json);
            }
            throw notJson(source, e.getMessage());
        }
        return validated(source, tree);
    }

    private static UnreadableReportException notJson(String source, JsonProcessingException e) {
        return notJson(source, e.getOriginalMessage());
    }

    private static UnreadableReportException notJson(String source, String reason) {
        return new UnreadableReportException(source + ": not a huntaze-audit JSON report (cannot read it as a JSON object: "
                + firstLine(reason) + ")");
    }

    private static Map<String, Object> validated(String source, Map<String, Object> tree) {
        if (tree == null || !(tree.get("tool") instanceof Map<?, ?> tool) || !"huntaze-audit".equals(tool.get("name"))
                || !tree.containsKey("schemaVersion")) {
            throw new UnreadableReportException(source + ": not a huntaze-audit JSON report (it has no"
                    + " schemaVersion and tool huntaze-audit)");
        }
        Object version = tree.get("schemaVersion");
        if (!(version instanceof Integer v) || v != AuditReport.SCHEMA_VERSION) {
            throw new UnreadableReportException(source + ": schemaVersion " + version + " is not supported: this"
                    + " version of huntaze-audit reads schemaVersion " + AuditReport.SCHEMA_VERSION);
        }
        require(source, tree, "generatedAt", String.class);
        if (tree.get("accounts") instanceof List) {
            // a report of several accounts: top-level account null, each finding names its own
            if (tree.get("account") != null) {
                throw new UnreadableReportException(source + ": a report of several accounts ('accounts') has"
                        + " account null");
            }
        } else if (!tree.containsKey("account") || tree.get("account") != null) { // null: a run without AWS
            require(source, tree, "account", String.class);
        }
        require(source, tree, "regions", List.class);
        require(source, tree, "summary", Map.class);
        require(source, tree, "checks", List.class);
        require(source, tree, "findings", List.class);
        for (Object finding : (List<?>) tree.get("findings")) {
            if (!(finding instanceof Map<?, ?> f) || !(f.get("checkId") instanceof String)
                    || !(f.get("status") instanceof String status) || !List.of("OK", "TODO", "NOK").contains(status)
                    || !(f.get("region") instanceof String) || !(f.get("resourceId") instanceof String)) {
                throw new UnreadableReportException(source + ": a finding lacks checkId, status (OK, TODO or NOK),"
                        + " region or resourceId: " + firstLine(String.valueOf(finding)));
            }
            if (f.containsKey("failsGate") && !(f.get("failsGate") instanceof Boolean)) {
                throw new UnreadableReportException(source + ": a finding's failsGate is not true or false: "
                        + firstLine(String.valueOf(finding)));
            }
        }
        return tree;
    }

    private static void require(String source, Map<String, Object> tree, String field, Class<?> type) {
        if (!type.isInstance(tree.get(field))) {
            throw new UnreadableReportException(source + ": not a complete huntaze-audit report: '" + field
                    + "' is missing or not " + (type == String.class ? "text" : type == List.class ? "a list"
                    : "an object"));
        }
    }

    private static String firstLine(String text) {
        String line = text == null ? "" : text.strip();
        int end = line.indexOf('\n');
        line = end < 0 ? line : line.substring(0, end).strip();
        return line.length() > 120 ? line.substring(0, 117) + "..." : line;
    }
}
