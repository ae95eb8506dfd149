package com.huntaze.audit.report;

import com.huntaze.audit.engine.CheckMetadata;
import com.huntaze.audit.engine.CheckRegistry;
import com.huntaze.audit.engine.RegisteredCheck;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders the report as SARIF 2.1.0 for GitHub code scanning (and any other SARIF reader): one run, one rule per
 * check of the report, one result per NOK (level {@code error}) and per TODO ({@code note}) finding. OK findings are
 * not results: code scanning lists problems, and an alert closes when its result stops appearing.
 *
 * <p>Locations. A repository finding points at its file and line ({@code location.path}, relative to the repository:
 * run the audit with {@code --repo} at the root of the checkout for GitHub to link it). GitHub rejects the whole file
 * when a result has no physical location (a logical location alone is refused, {@code locationFromSarifResult:
 * expected artifact location}), so an account finding gets a synthetic one, {@code aws/<account>/<region>/<resource>},
 * which code scanning lists as a path outside the repository, beside its logical location (the ARN, else
 * {@code region/resourceId}).
 *
 * <p>Alert identity: {@code partialFingerprints} hashes (account, check, region, resource), so GitHub keeps one alert
 * per resource across runs, whatever its message or line says that night. Rule texts come from the check's metadata in
 * this version's catalog (the report's own {@code checks} entry when the catalog lacks it), so {@code render} of a
 * saved JSON gives the same bytes as the run.
 */
public final class SarifReport {
    private SarifReport() {
    }

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String INFORMATION_URI = "https://github.com/huntaze/huntaze-audit";
    /** The key of {@code partialFingerprints}: versioned, so that a change of what is hashed starts new alerts. */
    static final String FINGERPRINT = "huntazeAuditFinding/v1";

    /**
     * GitHub's {@code security-severity} (0.0-10.0; over 9.0 is shown critical, 7.0-8.9 high, 4.0-6.9 medium,
     * 0.1-3.9 low) of a check's severity.
     */
    static String securitySeverity(String severity) {
        return switch (severity == null ? "" : severity) {
            case "critical" -> "9.5";
            case "high" -> "7.5";
            case "medium" -> "5.0";
            default -> "3.0";
        };
    }

    /** The report as one text, as {@link #write} writes it: for tests; the CLI writes to its destination. */
    public static String render(Map<String, Object> report) {
        return ReportWriting.text(out -> write(report, out));
    }

    /**
     * The report written to {@code out} by Jackson's generator as a stream: each result is made from its finding
     * as the generator reaches it and dropped once written, so neither the results nor the text are held.
     */
    @SuppressWarnings("unchecked")
    public static void write(Map<String, Object> report, Writer out) throws IOException {
        List<Map<String, Object>> checks = (List<Map<String, Object>>) report.get("checks");
        List<Map<String, Object>> findings = (List<Map<String, Object>>) report.get("findings");
        Map<String, CheckMetadata> catalog = CheckRegistry.load().checks().stream()
                .collect(Collectors.toMap(RegisteredCheck::id, RegisteredCheck::metadata));

        List<Object> rules = new ArrayList<>();
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        for (Map<String, Object> check : checks) {
            String id = text(check.get("id"));
            ruleIndex.put(id, rules.size());
            rules.add(rule(check, catalog.get(id)));
        }

        // An Iterable, not a List: Jackson writes it as the same array, taking each result as it goes.
        Iterable<Object> results = () -> findings.stream()
                .filter(f -> text(f.get("status")).equals("NOK") || text(f.get("status")).equals("TODO"))
                .map(f -> (Object) result(f, ruleIndex, text(report.get("account")))).iterator();

        Map<String, Object> tool = (Map<String, Object>) report.get("tool");
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", text(tool.get("name")));
        driver.put("version", text(tool.get("version")));
        driver.put("informationUri", INFORMATION_URI);
        driver.put("rules", rules);

        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("results", results);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("generatedAt", report.get("generatedAt"));
        properties.put("account", report.get("account"));
        properties.put("regions", report.get("regions"));
        run.put("properties", properties);

        Map<String, Object> sarif = new LinkedHashMap<>();
        sarif.put("$schema", SCHEMA);
        sarif.put("version", "2.1.0");
        sarif.put("runs", List.of(run));
        JsonReport.write(sarif, out);
    }

    private static Map<String, Object> rule(Map<String, Object> check, CheckMetadata metadata) {
        String id = text(check.get("id"));
        String title = metadata != null ? metadata.title() : text(check.get("title"));
        String rationale = metadata != null ? metadata.rationale().strip() : text(check.get("rationale")).strip();
        String remediation = metadata != null ? metadata.remediation().strip()
                : text(check.get("remediation")).strip();
        String verify = text(check.get("verifyCommand")).strip();

        List<String> plain = new ArrayList<>();
        List<String> markdown = new ArrayList<>();
        if (!rationale.isEmpty()) {
            plain.add(rationale);
            markdown.add("**Why it matters.** " + rationale);
        }
        if (!remediation.isEmpty()) {
            plain.add("How to fix: " + remediation);
            markdown.add("**How to fix.** " + remediation);
        }
        if (!verify.isEmpty()) {
            plain.add("Verify: " + verify);
            markdown.add("Verify:\n\n```sh\n" + verify + "\n```");
        }
        String full = plain.isEmpty() ? title : String.join("\n\n", plain);

        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("id", id);
        rule.put("name", ruleName(id));
        rule.put("shortDescription", Map.of("text", title));
        rule.put("fullDescription", Map.of("text", rationale.isEmpty() ? title : rationale));
        Map<String, Object> help = new LinkedHashMap<>(); // (Map.of's order changes from one JVM to the next)
        help.put("text", full);
        help.put("markdown", markdown.isEmpty() ? title : String.join("\n\n", markdown));
        rule.put("help", help);
        rule.put("defaultConfiguration", Map.of("level", "error"));
        Map<String, Object> properties = new LinkedHashMap<>();
        String severity = metadata != null ? metadata.severity().id() : text(check.get("severity"));
        String domain = metadata != null ? metadata.domain().id() : text(check.get("domain"));
        properties.put("security-severity", securitySeverity(severity));
        properties.put("severity", severity);
        properties.put("tags", domain.isEmpty() ? List.of() : List.of(domain));
        rule.put("properties", properties);
        return rule;
    }

    /** {@code rds.multi-az} → {@code RdsMultiAz}: SARIF's rule name is an identifier (the check class's name). */
    static String ruleName(String id) {
        StringBuilder name = new StringBuilder();
        for (String part : id.split("[.\\-_]+")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return name.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> result(Map<String, Object> f, Map<String, Integer> ruleIndex,
                                              String reportAccount) {
        String checkId = text(f.get("checkId"));
        String region = text(f.get("region"));
        String resourceId = text(f.get("resourceId"));
        String account = f.get("account") != null ? text(f.get("account")) : reportAccount;
        Map<String, Object> location = f.get("location") instanceof Map<?, ?> l ? (Map<String, Object>) l : null;

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ruleId", checkId);
        Integer index = ruleIndex.get(checkId);
        if (index != null) {
            result.put("ruleIndex", index);
        }
        result.put("level", "NOK".equals(f.get("status")) ? "error" : "note");
        result.put("message", Map.of("text", messageText(f)));
        result.put("locations", List.of(location != null ? repositoryLocation(location)
                : accountLocation(f, account, region, resourceId)));
        result.put("partialFingerprints", Map.of(FINGERPRINT, fingerprint(location != null
                ? text(location.get("repository")) : account, checkId, region, resourceId)));
        Object change = f.get("change");
        if (ReportedFinding.NEW.equals(change) || "unchanged".equals(change)) {
            result.put("baselineState", change);
        }
        if (Boolean.TRUE.equals(f.get("suppressed"))) {
            Map<String, Object> suppression = new LinkedHashMap<>();
            suppression.put("kind", "external");
            suppression.put("justification", justification(f));
            result.put("suppressions", List.of(suppression));
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        if (location == null && !account.isEmpty()) {
            properties.put("account", account);
        }
        if (location != null) {
            properties.put("repository", text(location.get("repository")));
        }
        properties.put("status", f.get("status"));
        properties.put("region", region);
        properties.put("resourceType", f.get("resourceType"));
        properties.put("resourceId", resourceId);
        if (f.get("resourceArn") != null) {
            properties.put("resourceArn", f.get("resourceArn"));
        }
        if (f.get("failsGate") != null) {
            properties.put("failsGate", f.get("failsGate"));
        }
        result.put("properties", properties);
        return result;
    }

    /** The finding's message (its check id when it has none: SARIF requires a text). */
    private static String messageText(Map<String, Object> f) {
        String message = text(f.get("message")).strip();
        return message.isEmpty() ? text(f.get("checkId")) : message;
    }

    private static String justification(Map<String, Object> f) {
        StringBuilder why = new StringBuilder(text(f.get("reason")).strip());
        if (f.get("by") != null) {
            why.append(" (accepted by ").append(text(f.get("by"))).append(')');
        }
        if (f.get("expires") != null) {
            why.append(" until ").append(text(f.get("expires")));
        }
        return why.toString().strip();
    }

    private static Map<String, Object> repositoryLocation(Map<String, Object> location) {
        Map<String, Object> physical = new LinkedHashMap<>();
        physical.put("artifactLocation", Map.of("uri", uri(text(location.get("path")))));
        if (location.get("line") instanceof Number line && line.intValue() >= 1) {
            physical.put("region", Map.of("startLine", line.intValue()));
        }
        return Map.of("physicalLocation", physical);
    }

    private static Map<String, Object> accountLocation(Map<String, Object> f, String account, String region,
                                                       String resourceId) {
        String path = "aws/" + (account.isEmpty() ? "account" : account) + "/" + region
                + (resourceId.isEmpty() ? "" : "/" + resourceId);
        Map<String, Object> physical = new LinkedHashMap<>();
        physical.put("artifactLocation", Map.of("uri", uri(path)));
        physical.put("region", Map.of("startLine", 1));
        String name = f.get("resourceArn") != null ? text(f.get("resourceArn"))
                : region + "/" + (resourceId.isEmpty() ? "(account)" : resourceId);
        Map<String, Object> logical = new LinkedHashMap<>();
        logical.put("fullyQualifiedName", name);
        logical.put("kind", "resource");
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("physicalLocation", physical);
        location.put("logicalLocations", List.of(logical));
        return location;
    }

    /**
     * A relative URI reference for a {@code /}-separated path: unreserved characters, sub-delimiters, {@code @} and
     * {@code /} kept, every other byte of its UTF-8 percent-encoded (a colon too, so that no first segment reads as a
     * scheme).
     */
    static String uri(String path) {
        StringBuilder uri = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~!$&'()*+,;=@/".indexOf(c) >= 0) {
                uri.append(c);
            } else {
                uri.append('%').append(String.format(java.util.Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return uri.toString();
    }

    /** Stable across runs and versions: what identifies the finding, never its message or line. */
    static String fingerprint(String scope, String checkId, String region, String resourceId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(String.join("\u0000", scope, checkId, region,
                    resourceId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
