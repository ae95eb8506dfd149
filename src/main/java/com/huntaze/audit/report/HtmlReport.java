package com.huntaze.audit.report;

import com.huntaze.audit.engine.CheckMetadata;
import com.huntaze.audit.engine.CheckRegistry;
import com.huntaze.audit.engine.Domain;
import com.huntaze.audit.engine.RegisteredCheck;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Renders the HTML report with {@code templates/report.html.ftlh}: one self-contained file (its styles, inline SVG
 * charts and a few lines of script are in it; it loads nothing), rendered from the report's JSON tree like every
 * format. The template's {@code .ftlh} extension turns on FreeMarker's HTML auto-escaping: every value, text or
 * attribute, is escaped, since resource names and tags are whatever the account's users typed. The findings table
 * is plain HTML (it prints and reads without script); the script only filters its rows, reading {@code data-*}
 * attributes and never writing markup, so no report value is ever placed in a script.
 */
public final class HtmlReport {
    private static final List<String> STATUS_ORDER = List.of("NOK", "TODO", "OK");
    /** Evidence is cut here in tables: the JSON report holds it whole. */
    private static final int EVIDENCE_CHARS = 160;
    /** Resources in the savings chart; the rest are summed on one line. */
    private static final int SAVINGS_BARS = 15;
    private static final int CHART_LABEL_WIDTH = 150;
    private static final int CHART_BAR_WIDTH = 430;
    private static final int CHART_ROW_HEIGHT = 22;

    private final Function<String, String> rationaleOfCatalog;

    /** Rationales from the catalog of this version (a check's metadata), for the checks the report names. */
    public HtmlReport() {
        this(new CatalogRationales());
    }

    /** @param rationaleOfCatalog a check id's rationale, or null when the catalog does not know it */
    HtmlReport(Function<String, String> rationaleOfCatalog) {
        this.rationaleOfCatalog = rationaleOfCatalog;
    }

    /** The report as one text, as {@link #write} writes it: for tests; the CLI writes to its destination. */
    public String render(Map<String, Object> report) {
        return ReportWriting.text(out -> write(report, out));
    }

    /** The report written to {@code out} as FreeMarker produces it (no text of the whole page is held). */
    public void write(Map<String, Object> report, Writer out) throws IOException {
        try {
            TEMPLATE.process(view(report), out);
        } catch (TemplateException e) {
            throw new IllegalStateException("HTML report template failed: " + e.getMessage(), e);
        }
    }

    private static final Template TEMPLATE = loadTemplate();

    private static Template loadTemplate() {
        Configuration config = new Configuration(Configuration.VERSION_2_3_34);
        config.setClassForTemplateLoading(HtmlReport.class, "/templates");
        config.setDefaultEncoding("UTF-8");
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        config.setNumberFormat("computer");
        try {
            return config.getTemplate("report.html.ftlh"); // .ftlh: HTMLOutputFormat, auto-escaping on
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
        Map<String, Object> summary = (Map<String, Object>) report.get("summary");
        Map<String, Object> tool = (Map<String, Object>) report.get("tool");

        // NOK first, then TODO, then OK; stable, so the report's own order (domain, check, region) holds.
        List<Map<String, Object>> byStatus = new ArrayList<>(findings);
        byStatus.sort(Comparator.comparingInt(f -> STATUS_ORDER.indexOf((String) f.get("status"))));
        // Each row made from its finding when the template (or a chart) reaches it, and dropped after: the rows of a
        // large account's 20,000 findings are never all held next to the report's tree.
        List<Map<String, Object>> rows = new AbstractList<>() {
            @Override
            public Map<String, Object> get(int index) {
                Map<String, Object> f = byStatus.get(index);
                return row(f, checksById.getOrDefault((String) f.get("checkId"), Map.of()));
            }

            @Override
            public int size() {
                return byStatus.size();
            }
        };

        RowSummary summed = new RowSummary(rows);
        Set<String> accounts = summed.accounts;

        Map<String, Object> view = new LinkedHashMap<>();
        view.put("accountLine", accountLine(report, accounts));
        view.put("regions", String.join(", ", (List<String>) report.get("regions")));
        view.put("generatedAt", report.get("generatedAt"));
        view.put("toolName", tool.get("name"));
        view.put("toolVersion", tool.get("version"));
        view.put("verdict", Verdict.of(report));
        view.put("ready", Verdict.ready(report));
        view.put("ok", summary.get("ok"));
        view.put("nok", summary.get("nok"));
        view.put("todo", summary.get("todo"));
        view.put("accepted", ((Number) summary.getOrDefault("suppressed", 0)).intValue());
        view.put("totalSavings", MarkdownText.usd(((Number) summary.get("estimatedMonthlySavingsUsd")).doubleValue()));
        Object prices = summary.get("priceTable");
        view.put("prices", prices == null ? "" : prices);
        view.put("collectionErrors", collectionErrors(summary));
        view.put("domainChart", domainChart(summed.countsByDomain));
        view.put("savingsChart", savingsChart(findings));
        view.put("sections", sections(checks, summed.openByCheck, findings, (String) report.get("account")));
        view.put("rows", rows);
        view.put("showAccount", accounts.size() > 1);
        view.put("filterStatuses", List.copyOf(summed.statuses));
        view.put("filterDomains", List.copyOf(summed.domains));
        view.put("filterRegions", List.copyOf(summed.regions));
        view.put("filterAccounts", List.copyOf(accounts));
        view.put("filterChecks", checks.stream().map(c -> (String) c.get("id")).toList());
        return view;
    }

    /**
     * What the page shows of all the rows besides the table (the accounts, the domain chart's counts, the filters'
     * values, the NOK and TODO rows of each check's section), gathered in one pass over them: each row is made once
     * here (kept only when open) and once more as the table is written.
     */
    private static final class RowSummary {
        final Set<String> accounts = new LinkedHashSet<>();
        /** Per domain (every domain, in order, then any other a row names), the rows' count per status. */
        final Map<String, Map<String, Integer>> countsByDomain = new LinkedHashMap<>();
        /** The filters' values: distinct, not empty, sorted. */
        final Set<String> statuses = new TreeSet<>();
        final Set<String> domains = new TreeSet<>();
        final Set<String> regions = new TreeSet<>();
        final Map<String, List<Map<String, Object>>> openByCheck = new LinkedHashMap<>();

        RowSummary(List<Map<String, Object>> rows) {
            for (Domain domain : Domain.values()) {
                countsByDomain.put(domain.id(), new LinkedHashMap<>());
            }
            for (Map<String, Object> r : rows) {
                String status = (String) r.get("status");
                addIfPresent(accounts, (String) r.get("account"));
                countsByDomain.computeIfAbsent((String) r.get("domain"), d -> new LinkedHashMap<>())
                        .merge(status, 1, Integer::sum);
                addIfPresent(statuses, status);
                addIfPresent(domains, (String) r.get("domain"));
                addIfPresent(regions, (String) r.get("region"));
                if (!"OK".equals(status)) {
                    openByCheck.computeIfAbsent((String) r.get("check"), c -> new ArrayList<>()).add(r);
                }
            }
        }

        private static void addIfPresent(Set<String> values, String value) {
            if (!value.isEmpty()) {
                values.add(value);
            }
        }
    }

    /** A single account; the list of a multi-account report ({@code account: null}); or none (a repository audit). */
    @SuppressWarnings("unchecked")
    private static String accountLine(Map<String, Object> report, Set<String> ofFindings) {
        Object account = report.get("account");
        if (account != null) {
            return "Account " + account;
        }
        List<String> names = new ArrayList<>();
        Object listed = report.get("accounts");
        if (listed instanceof List<?> list) {
            for (Object a : list) {
                names.add(a instanceof Map<?, ?> m ? String.valueOf(((Map<String, Object>) m).getOrDefault("id",
                        ((Map<String, Object>) m).get("account"))) : String.valueOf(a));
            }
        } else {
            names.addAll(ofFindings);
        }
        return names.isEmpty() ? "No AWS account" : (names.size() == 1 ? "Account " : "Accounts ")
                + String.join(", ", names);
    }

    private static Map<String, Object> row(Map<String, Object> f, Map<String, Object> check) {
        Map<String, Object> row = new LinkedHashMap<>();
        String status = (String) f.get("status");
        row.put("status", status);
        row.put("domain", String.valueOf(check.getOrDefault("domain", "")));
        row.put("check", f.get("checkId"));
        row.put("region", String.valueOf(f.get("region")));
        row.put("account", f.get("account") == null ? "" : String.valueOf(f.get("account")));
        row.put("resource", MarkdownText.resource(f));
        row.put("location", location(f.get("location")));
        row.put("message", MarkdownText.oneLine((String) f.get("message")));
        row.put("evidence", cut(MarkdownText.evidence(f.get("evidence")), EVIDENCE_CHARS));
        row.put("note", CheckSections.note(f).strip());
        row.put("remediation", f.get("remediation") == null ? "" : ((String) f.get("remediation")).strip());
        row.put("failsGate", Boolean.TRUE.equals(f.get("failsGate")));
        double usd = ((Number) f.getOrDefault("estimatedMonthlySavingsUsd", 0)).doubleValue();
        row.put("savings", usd > 0 ? MarkdownText.usd(usd) : "");
        return row;
    }

    /** {@code repository: path:line} of a repository finding; empty for an account's. */
    private static String location(Object location) {
        if (!(location instanceof Map<?, ?> where)) {
            return "";
        }
        Object line = where.get("line");
        return where.get("repository") + ": " + where.get("path") + (line == null ? "" : ":" + line);
    }

    /**
     * One section per check with NOK or TODO findings (NOK checks first): its rationale, its NOK and TODO rows, and
     * each distinct remediation once, then the ready fix commands of its NOK findings.
     */
    private List<Map<String, Object>> sections(List<Map<String, Object>> checks,
                                               Map<String, List<Map<String, Object>>> open,
                                               List<Map<String, Object>> findings, String reportAccount) {
        List<Map<String, Object>> sections = new ArrayList<>();
        for (Map<String, Object> check : checks) {
            List<Map<String, Object>> ofCheck = open.get((String) check.get("id"));
            if (ofCheck == null) {
                continue;
            }
            String id = (String) check.get("id");
            Map<String, Object> section = new LinkedHashMap<>();
            section.put("id", id);
            section.put("title", String.valueOf(check.getOrDefault("title", id)));
            section.put("severity", String.valueOf(check.getOrDefault("severity", "")));
            section.put("status", ofCheck.stream().anyMatch(r -> "NOK".equals(r.get("status"))) ? "NOK" : "TODO");
            Object rationale = check.get("rationale");
            String fromCatalog = rationale == null ? rationaleOfCatalog.apply(id) : null;
            section.put("rationale", rationale != null ? rationale : fromCatalog == null ? "" : fromCatalog);
            section.put("rows", ofCheck);
            section.put("fixes", ofCheck.stream().map(r -> (String) r.get("remediation")).filter(s -> !s.isEmpty())
                    .distinct().toList());
            // The ready commands, with each NOK finding's identifiers filled in, as in the Markdown's "How to fix".
            section.put("commands", findings.stream().filter(f -> id.equals(f.get("checkId")))
                    .flatMap(f -> FixCommands.of(check, f, reportAccount).stream()).distinct().toList());
            section.put("verifyCommand", String.valueOf(check.getOrDefault("verifyCommand", "")));
            sections.add(section);
        }
        sections.sort(Comparator.comparingInt(s -> STATUS_ORDER.indexOf((String) s.get("status"))));
        return sections;
    }

    /** Stacked bars, one per domain: NOK, TODO and OK counts, scaled to the largest domain. */
    private static Map<String, Object> domainChart(Map<String, Map<String, Integer>> counts) {
        List<Map<String, Object>> bars = new ArrayList<>();
        int largest = counts.values().stream().mapToInt(c -> c.values().stream().mapToInt(i -> i).sum()).max()
                .orElse(0);
        int y = 0;
        for (Map.Entry<String, Map<String, Integer>> domain : counts.entrySet()) {
            int total = domain.getValue().values().stream().mapToInt(i -> i).sum();
            if (total == 0) {
                continue;
            }
            List<Map<String, Object>> segments = new ArrayList<>();
            double x = CHART_LABEL_WIDTH;
            for (String status : STATUS_ORDER) {
                int n = domain.getValue().getOrDefault(status, 0);
                if (n == 0) {
                    continue;
                }
                double width = (double) CHART_BAR_WIDTH * n / largest;
                segments.add(Map.of("status", status, "count", n, "x", round(x), "width", round(width)));
                x += width;
            }
            String summary = STATUS_ORDER.stream().filter(s -> domain.getValue().containsKey(s))
                    .map(s -> domain.getValue().get(s) + " " + s).collect(Collectors.joining(", "));
            bars.add(Map.of("label", domain.getKey(), "y", y, "segments", segments, "summary", summary,
                    "end", round(x + 6)));
            y += CHART_ROW_HEIGHT;
        }
        return Map.of("bars", bars, "height", y, "width", CHART_LABEL_WIDTH + CHART_BAR_WIDTH + 150);
    }

    /** One bar per resource with estimated savings, largest first; beyond {@link #SAVINGS_BARS}, one summed line. */
    private static Map<String, Object> savingsChart(List<Map<String, Object>> findings) {
        List<Map<String, Object>> saving = findings.stream()
                .filter(f -> ((Number) f.getOrDefault("estimatedMonthlySavingsUsd", 0)).doubleValue() > 0)
                .sorted(Comparator.comparingDouble((Map<String, Object> f) ->
                        ((Number) f.get("estimatedMonthlySavingsUsd")).doubleValue()).reversed())
                .toList();
        List<Map<String, Object>> bars = new ArrayList<>();
        double largest = saving.isEmpty() ? 0 : ((Number) saving.get(0).get("estimatedMonthlySavingsUsd")).doubleValue();
        int y = 0;
        for (Map<String, Object> f : saving.subList(0, Math.min(SAVINGS_BARS, saving.size()))) {
            double usd = ((Number) f.get("estimatedMonthlySavingsUsd")).doubleValue();
            double width = Math.max(1, CHART_BAR_WIDTH * usd / largest);
            bars.add(Map.of("label", cut(MarkdownText.resource(f), 21), "title", MarkdownText.resource(f) + " ("
                    + f.get("checkId") + ", " + f.get("region") + ")", "y", y, "width", round(width),
                    "amount", MarkdownText.usd(usd), "end", round(CHART_LABEL_WIDTH + width + 6)));
            y += CHART_ROW_HEIGHT;
        }
        double rest = saving.stream().skip(SAVINGS_BARS)
                .mapToDouble(f -> ((Number) f.get("estimatedMonthlySavingsUsd")).doubleValue()).sum();
        int more = Math.max(0, saving.size() - SAVINGS_BARS);
        return Map.of("bars", bars, "height", y, "width", CHART_LABEL_WIDTH + CHART_BAR_WIDTH + 100,
                "more", more == 0 ? "" : "and " + more + " more resources: " + MarkdownText.usd(rest) + "/month");
    }

    @SuppressWarnings("unchecked")
    private static List<String> collectionErrors(Map<String, Object> summary) {
        return ((List<Map<String, Object>>) summary.getOrDefault("collectionErrors", List.of())).stream()
                .map(e -> e.get("operation") + " in " + e.get("region") + ": " + e.get("error")).toList();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Two decimals, always with a dot: SVG coordinates must not follow the locale. */
    private static String round(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** The rationale of each check in this version's catalog, loaded on the first question. */
    private static final class CatalogRationales implements Function<String, String> {
        private Map<String, CheckMetadata> metadata;

        @Override
        public synchronized String apply(String checkId) {
            if (metadata == null) {
                metadata = CheckRegistry.load().checks().stream()
                        .collect(Collectors.toMap(RegisteredCheck::id, RegisteredCheck::metadata, (a, b) -> a));
            }
            CheckMetadata found = metadata.get(checkId);
            return found == null ? null : found.rationale();
        }
    }
}
