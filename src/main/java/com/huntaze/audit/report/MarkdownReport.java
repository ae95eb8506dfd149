package com.huntaze.audit.report;

import com.huntaze.audit.engine.Domain;
import com.huntaze.audit.inventory.CollectionFailure;
import com.huntaze.audit.util.Background;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Renders the Markdown report with {@code templates/report.md.ftl}. It reads the report as its JSON tree, so a
 * report read back from JSON renders exactly like a fresh one. This class only arranges rows and escapes cells:
 * statuses and numbers come from the report.
 */
public final class MarkdownReport {
    private static final List<String> STATUS_ORDER = List.of("NOK", "TODO", "OK");
    /** A numbered how-to-verify step of a remediation ("1. Restore ..."), one per line. */
    private static final Pattern STEP = Pattern.compile("^\\s*\\d+[.)]\\s+(.*)$");

    /**
     * Everything the Markdown shows comes from the report: the by-hand commands from its {@code checks}, the price
     * table from its {@code summary}, so {@code render REPORT.json} gives the same text as the run did.
     */
    public MarkdownReport() {
    }

    public String render(AuditReport report) {
        return render(JsonReport.tree(report));
    }

    public String render(Map<String, Object> report) {
        if (AccountReports.isMultiAccount(report)) {
            return AccountReports.markdown(report, this::render); // an overview, then each account as one report
        }
        try {
            StringWriter out = new StringWriter();
            template().process(view(report), out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TemplateException e) {
            throw new IllegalStateException("report template failed: " + e.getMessage(), e);
        }
    }

    private static CompletableFuture<Template> template;

    /**
     * Starts loading FreeMarker and parsing the template on a background thread, so that a CLI run that will
     * render Markdown does it while it collects (a sixth of {@code check --demo}'s start-up otherwise).
     */
    public static void prepare() {
        loading(true);
    }

    private static synchronized CompletableFuture<Template> loading(boolean inBackground) {
        if (template == null) {
            template = inBackground
                    ? Background.start("report-template", MarkdownReport::loadTemplate)
                    : CompletableFuture.completedFuture(loadTemplate());
        }
        return template;
    }

    /** The parsed template, shared: a FreeMarker template is safe to process from several threads at once. */
    private static Template template() {
        return Background.join(loading(false));
    }

    private static Template loadTemplate() {
        Configuration config = new Configuration(Configuration.VERSION_2_3_34);
        config.setClassForTemplateLoading(MarkdownReport.class, "/templates");
        config.setDefaultEncoding("UTF-8");
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        config.setNumberFormat("computer");
        try {
            return config.getTemplate("report.md.ftl");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> view(Map<String, Object> report) {
        List<Map<String, Object>> checks = (List<Map<String, Object>>) report.get("checks");
        List<Map<String, Object>> findings = (List<Map<String, Object>>) report.get("findings");
        Map<String, Map<String, Object>> checksById = checks.stream()
                .collect(Collectors.toMap(c -> (String) c.get("id"), c -> c, (a, b) -> a, LinkedHashMap::new));
        Map<String, List<Map<String, Object>>> findingsByCheck = findings.stream()
                .collect(Collectors.groupingBy(f -> (String) f.get("checkId"), LinkedHashMap::new, Collectors.toList()));

        List<Map<String, Object>> sections = new ArrayList<>();
        for (Domain domain : Domain.values()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Map<String, Object> check : checks) {
                if (!domain.id().equals(check.get("domain"))) {
                    continue;
                }
                List<Map<String, Object>> ofCheck = findingsByCheck.getOrDefault((String) check.get("id"), List.of());
                if (ofCheck.isEmpty()) {
                    rows.add(row("OK", (String) check.get("id"), "(no resources found)", "", "", ""));
                }
                for (Map<String, Object> f : ofCheck) {
                    String status = (String) f.get("status");
                    rows.add(row(status, (String) f.get("checkId"), resource(f), (String) f.get("region"),
                            evidence(f.get("evidence")), "OK".equals(status) ? "" : CiSections.note(f) + action(f)));
                }
            }
            if (rows.isEmpty()) {
                continue;
            }
            // NOK first, then TODO, then OK; stable, so the report's own order holds within a status.
            rows.sort(Comparator.comparingInt(r -> STATUS_ORDER.indexOf((String) r.get("status"))));
            sections.add(Map.of("title", capitalize(domain.id()), "rows", rows));
        }

        List<Map<String, Object>> savings = new ArrayList<>();
        for (Map<String, Object> f : findings) {
            double usd = ((Number) f.get("estimatedMonthlySavingsUsd")).doubleValue();
            if (usd > 0) {
                savings.add(Map.of("resource", cell(resource(f)), "region", cell((String) f.get("region")),
                        "why", cell((String) f.get("message")), "usd", usd, "amount", usd(usd)));
            }
        }
        savings.sort(Comparator.comparingDouble((Map<String, Object> s) -> (Double) s.get("usd")).reversed());

        List<Map<String, Object>> byHand = new ArrayList<>();
        for (Map<String, Object> f : findings) {
            if (!"TODO".equals(f.get("status"))) {
                continue;
            }
            String checkId = (String) f.get("checkId");
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("check", checkId);
            item.put("title", String.valueOf(checksById.getOrDefault(checkId, Map.of()).getOrDefault("title", checkId)));
            item.put("resource", resource(f));
            item.put("region", f.get("region"));
            item.put("message", oneLine((String) f.get("message")));
            Steps remediation = Steps.of((String) f.get("remediation"));
            item.put("action", remediation.intro());
            item.put("verify", oneLine((String) checksById.getOrDefault(checkId, Map.of()).get("verifyCommand")));
            item.put("accepted", Boolean.TRUE.equals(f.get("suppressed")) ? "Accepted risk until " + f.get("expires")
                    + ": see Accepted risks." : "");
            item.put("steps", remediation.numbered());
            byHand.add(item);
        }

        Map<String, Object> summary = (Map<String, Object>) report.get("summary");
        List<Map<String, Object>> collectionErrors =
                (List<Map<String, Object>>) summary.getOrDefault("collectionErrors", List.of());
        // Denied actions in one place, so that an admin can fix the role in one go.
        List<String> missingPermissions = collectionErrors.stream()
                .filter(MarkdownReport::accessDenied)
                .map(e -> (String) e.get("operation")).distinct().sorted().toList();
        List<String> otherErrors = collectionErrors.stream()
                .filter(e -> !accessDenied(e))
                .map(e -> "`" + e.get("operation") + "` in " + e.get("region") + ": " + e.get("error"))
                .toList();
        Map<String, Object> tool = (Map<String, Object>) report.get("tool");
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("account", report.get("account"));
        view.put("regions", String.join(", ", (List<String>) report.get("regions")));
        view.put("generatedAt", report.get("generatedAt"));
        view.put("toolName", tool.get("name"));
        view.put("toolVersion", tool.get("version"));
        view.put("ok", summary.get("ok"));
        view.put("nok", summary.get("nok"));
        view.put("todo", summary.get("todo"));
        view.put("totalSavings", usd(((Number) summary.get("estimatedMonthlySavingsUsd")).doubleValue()));
        view.put("sections", sections);
        view.put("savings", savings);
        view.put("byHand", byHand);
        view.put("missingPermissions", missingPermissions);
        view.put("otherErrors", otherErrors);
        Object prices = summary.get("priceTable");
        view.put("prices", prices == null ? "" : prices);
        view.put("accepted", ((Number) summary.getOrDefault("suppressed", 0)).intValue());
        CiSections.addTo(view, report, findings);
        return view;
    }

    /**
     * A collection error of a denied action: by its {@code kind}; a report written before collection errors had a
     * kind is read by the reason's words, as it was then.
     */
    private static boolean accessDenied(Map<String, Object> error) {
        Object kind = error.get("kind");
        if (kind != null) {
            return CollectionFailure.Kind.ACCESS_DENIED.id().equals(kind);
        }
        return String.valueOf(error.get("error")).startsWith("access denied");
    }

    static Map<String, Object> row(String status, String check, String resource, String region,
                                           String evidence, String action) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("status", status);
        row.put("badge", switch (status) {
            case "NOK" -> "❌ NOK";
            case "TODO" -> "⚠️ TODO";
            default -> "✅ OK";
        });
        row.put("check", cell(check));
        row.put("resource", cell(resource));
        row.put("region", cell(region));
        row.put("evidence", cell(evidence));
        row.put("action", cell(action));
        return row;
    }

    static String resource(Map<String, Object> f) {
        String id = (String) f.get("resourceId");
        return id == null || id.isEmpty() ? "(account)" : id;
    }

    static String action(Map<String, Object> f) {
        String message = (String) f.get("message");
        String remediation = (String) f.get("remediation");
        Steps steps = Steps.of(remediation);
        if ("TODO".equals(f.get("status")) && !steps.numbered().isEmpty()) {
            // The by-hand list shows the steps one a line; a table cell would run them together.
            return message + (steps.intro().isEmpty() ? "" : " " + steps.intro()) + " Steps: see To verify by hand.";
        }
        return remediation == null || remediation.isBlank() ? message : message + " " + remediation;
    }

    /**
     * A remediation split into its free text and its numbered steps (lines starting "1. ", "2. "...), so that
     * the by-hand list can show the steps as a list; a line that is not a step continues the step before it.
     */
    private record Steps(String intro, List<String> numbered) {
        static Steps of(String remediation) {
            if (remediation == null) {
                return new Steps("", List.of());
            }
            StringBuilder intro = new StringBuilder();
            List<StringBuilder> steps = new ArrayList<>();
            for (String line : remediation.split("\\R")) {
                Matcher step = STEP.matcher(line);
                if (step.matches()) {
                    steps.add(new StringBuilder(step.group(1).strip()));
                } else if (!line.isBlank()) {
                    (steps.isEmpty() ? intro : steps.get(steps.size() - 1)).append(' ').append(line.strip());
                }
            }
            List<String> numbered = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                numbered.add((i + 1) + ". " + steps.get(i).toString().strip());
            }
            return new Steps(oneLine(intro.toString()), numbered);
        }
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

    private static String value(Object value) {
        if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                return "none";
            }
            return list.stream().map(MarkdownReport::value).collect(Collectors.joining("; "));
        }
        if (value instanceof Map<?, ?> map) {
            return "{" + evidence(map) + "}";
        }
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(value);
    }

    /** A table cell: one line, pipes escaped. */
    static String cell(String text) {
        return text == null ? "" : oneLine(text).replace("|", "\\|");
    }

    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    static String usd(double amount) {
        return "$" + new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(amount);
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
