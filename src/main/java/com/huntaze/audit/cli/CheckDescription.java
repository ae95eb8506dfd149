package com.huntaze.audit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckMetadata;
import com.huntaze.audit.engine.RegisteredCheck;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.engine.SettingsSection;
import com.huntaze.audit.engine.Threshold;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.services.ServiceCatalog;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything known about one check, as {@code explain} prints it and {@code list-checks --format json} lists it: its
 * metadata, what it verifies, its thresholds, config sections, the datasets it reads and the IAM actions collecting
 * them takes (its datasets' collectors and what they depend on, from the service catalog). Derived, never declared
 * here.
 */
final class CheckDescription {
    private CheckDescription() {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int WIDTH = 100;

    /** The fields, in order: the JSON object of {@code list-checks --format json}. */
    static Map<String, Object> of(RegisteredCheck registered, ServiceCatalog catalog) {
        Check check = registered.check();
        CheckMetadata m = registered.metadata();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", m.id());
        d.put("title", m.title());
        d.put("domain", m.domain().id());
        d.put("severity", m.severity().id());
        d.put("service", service(m.id()));
        d.put("scope", check.scope() == Scope.GLOBAL ? "global" : "regional");
        d.put("resourceType", m.resourceType());
        d.put("verifies", m.title() + " (each " + m.resourceType() + (check.scope() == Scope.GLOBAL
                ? ", once for the account)" : ", in every audited region)"));
        d.put("rationale", m.rationale().strip());
        d.put("remediation", m.remediation().strip());
        d.put("verifyCommand", m.verifyCommand().strip());
        List<Object> thresholds = new ArrayList<>();
        for (Threshold t : check.thresholds()) {
            Map<String, Object> threshold = new LinkedHashMap<>();
            threshold.put("key", t.key());
            threshold.put("default", t.defaultValue());
            threshold.put("unit", t.unit());
            threshold.put("min", t.min());
            threshold.put("max", t.max());
            threshold.put("flag", t.flag());
            threshold.put("description", t.description());
            thresholds.add(threshold);
        }
        d.put("thresholds", thresholds);
        List<Object> settings = new ArrayList<>();
        for (SettingsSection<?> s : check.settings()) {
            Map<String, Object> section = new LinkedHashMap<>();
            section.put("key", s.key());
            section.put("description", s.description());
            settings.add(section);
        }
        d.put("settings", settings);
        d.put("iamActions", List.copyOf(catalog.actionsFor(check.requires())));
        d.put("datasets", check.requires().stream().map(Dataset::id).sorted().toList());
        return d;
    }

    /** The service of a check: its id's first part. */
    static String service(String checkId) {
        int dot = checkId.indexOf('.');
        return dot < 0 ? checkId : checkId.substring(0, dot);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The description for a person at a terminal: headed paragraphs, wrapped. */
    @SuppressWarnings("unchecked")
    static void print(Map<String, Object> d, PrintWriter out) {
        out.println(d.get("id") + ": " + d.get("title"));
        out.println();
        out.println("Domain:    " + d.get("domain"));
        out.println("Severity:  " + d.get("severity"));
        out.println("Service:   " + d.get("service") + " (" + d.get("scope") + ")");
        paragraph(out, "What it verifies", String.valueOf(d.get("verifies")));
        paragraph(out, "Why it matters", String.valueOf(d.get("rationale")));
        paragraph(out, "How to fix", String.valueOf(d.get("remediation")));
        out.println();
        out.println("Verify by hand (read-only):");
        out.println("  " + d.get("verifyCommand"));
        out.println();
        List<Map<String, Object>> thresholds = (List<Map<String, Object>>) d.get("thresholds");
        out.println("Thresholds:" + (thresholds.isEmpty() ? " none" : ""));
        for (Map<String, Object> t : thresholds) {
            String flag = t.get("flag") != null ? t.get("flag") + " N, " : "";
            out.println("  " + t.get("key") + " = " + t.get("default") + " " + t.get("unit") + " (range " + t.get("min")
                    + "-" + t.get("max") + ")");
            wrap(out, t.get("description") + ". Set with " + flag + "--threshold " + t.get("key")
                    + "=N or the config file's thresholds: section.", "    ");
        }
        List<Map<String, Object>> settings = (List<Map<String, Object>>) d.get("settings");
        if (!settings.isEmpty()) {
            out.println("Config file sections:");
            for (Map<String, Object> s : settings) {
                out.println("  " + s.get("key") + ":");
                wrap(out, String.valueOf(s.get("description")), "    ");
            }
        }
        out.println();
        out.println("IAM actions it needs:");
        ((List<String>) d.get("iamActions")).forEach(a -> out.println("  " + a));
        out.println();
        out.println("Datasets it reads:");
        ((List<String>) d.get("datasets")).forEach(ds -> out.println("  " + ds));
    }

    private static void paragraph(PrintWriter out, String heading, String text) {
        out.println();
        out.println(heading + ":");
        wrap(out, text, "  ");
    }

    /** {@code text} in lines of at most {@value #WIDTH} characters (a longer word stands alone), each indented. */
    static void wrap(PrintWriter out, String text, String indent) {
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.strip().split("\\s+")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > WIDTH) {
                out.println(line);
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > indent.length()) {
            out.println(line);
        }
    }
}
