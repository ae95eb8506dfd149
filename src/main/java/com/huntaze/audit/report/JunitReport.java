package com.huntaze.audit.report;

import com.huntaze.audit.engine.Domain;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the report as JUnit XML (the Ant/Surefire format that Jenkins, GitLab and the GitHub test reporters
 * read): one {@code testsuite} per domain (per account and domain in a report of several accounts), one
 * {@code testcase} per finding. The test report is red exactly when the
 * run fails: a finding whose {@code failsGate} is true is a {@code failure} (message and remediation); any other NOK
 * or TODO is {@code skipped}, its message the finding's {@code gateReason} (an accepted risk with its reason and
 * expiry, or the {@code --fail-on}, {@code --min-severity} or {@code --fail-on-new} that spares it); an OK passes.
 * This class decides nothing: it reads {@code failsGate}. The class name is the check id and the test name
 * {@code region/resource}, so reporters group the findings of a check together and a resource keeps its test name
 * from one night to the next.
 */
public final class JunitReport {
    private JunitReport() {
    }

    /** The report as one text, as {@link #write} writes it: for tests; the CLI writes to its destination. */
    public static String render(Map<String, Object> report) {
        return ReportWriting.text(out -> write(report, out));
    }

    /**
     * The report written to {@code out} as a stream: the suites' counts are taken first (a suite's header carries
     * them), then each test case is written as it is made, so no text of the whole report is held.
     */
    @SuppressWarnings("unchecked")
    public static void write(Map<String, Object> report, Writer xml) throws IOException {
        List<Map<String, Object>> checks = (List<Map<String, Object>>) report.get("checks");
        List<Map<String, Object>> findings = (List<Map<String, Object>>) report.get("findings");
        Map<String, Map<String, Object>> checksById = new LinkedHashMap<>();
        checks.forEach(c -> checksById.put((String) c.get("id"), c));

        // A report of several accounts: one suite per account and domain, "huntaze-audit <account> <domain>".
        List<String> accounts = AccountReports.isMultiAccount(report)
                ? AccountReports.accounts(report).stream().map(a -> (String) a.get("id")).toList()
                : java.util.Collections.singletonList(null);
        List<Suite> suites = new ArrayList<>();
        for (String inAccount : accounts) {
            for (Domain domain : Domain.values()) {
                if (checks.stream().noneMatch(c -> domain.id().equals(c.get("domain")))) {
                    continue;
                }
                Suite suite = new Suite(inAccount == null ? domain.id() : inAccount + " " + domain.id(), inAccount);
                for (Map<String, Object> f : findings) {
                    Map<String, Object> check = checksById.getOrDefault((String) f.get("checkId"), Map.of());
                    if (domain.id().equals(check.get("domain"))
                            && (inAccount == null || inAccount.equals(f.get("account")))) {
                        suite.add(f, check);
                    }
                }
                suites.add(suite);
            }
        }

        Map<String, Object> tool = (Map<String, Object>) report.get("tool");
        Map<String, Object> stats = (Map<String, Object>) report.getOrDefault("stats", Map.of());
        long durationMs = stats.get("durationMs") instanceof Number n ? n.longValue() : 0;
        String account = AuditedName.of(report);
        xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuites name=\"").append(attr("huntaze-audit " + account)).append('"')
                .append(" tests=\"").append(String.valueOf(suites.stream().mapToInt(s -> s.tests).sum())).append('"')
                .append(" failures=\"").append(String.valueOf(suites.stream().mapToInt(s -> s.failures).sum()))
                .append('"')
                .append(" errors=\"0\"")
                .append(" time=\"").append(String.format(Locale.ROOT, "%.3f", durationMs / 1000.0)).append("\">\n");
        for (Suite suite : suites) {
            xml.append("  <testsuite name=\"").append(attr("huntaze-audit " + suite.name)).append('"')
                    .append(" tests=\"").append(String.valueOf(suite.tests)).append('"')
                    .append(" failures=\"").append(String.valueOf(suite.failures)).append('"')
                    .append(" errors=\"0\"")
                    .append(" skipped=\"").append(String.valueOf(suite.skipped)).append('"')
                    .append(" time=\"0\"")
                    .append(" timestamp=\"").append(attr(String.valueOf(report.get("generatedAt")))).append("\">\n");
            xml.append("    <properties>\n");
            property(xml, "account", suite.account != null ? suite.account : account);
            property(xml, "regions", String.join(",", (List<String>) report.get("regions")));
            property(xml, "generatedAt", String.valueOf(report.get("generatedAt")));
            property(xml, "tool", tool.get("name") + " " + tool.get("version"));
            xml.append("    </properties>\n");
            suite.writeCases(xml);
            xml.append("  </testsuite>\n");
        }
        xml.append("</testsuites>\n");
    }

    private static void property(Writer xml, String name, String value) throws IOException {
        xml.append("      <property name=\"").append(attr(name)).append("\" value=\"").append(attr(value))
                .append("\"/>\n");
    }

    /** The test cases of one domain and their counts: counted as findings are added, written afterwards. */
    private static final class Suite {
        final String name;
        /** The suite's account in a report of several accounts; null otherwise. */
        final String account;
        final List<TestCase> cases = new ArrayList<>();
        int tests;
        int failures;
        int skipped;

        Suite(String name, String account) {
            this.name = name;
            this.account = account;
        }

        void add(Map<String, Object> f, Map<String, Object> check) {
            tests++;
            if (Boolean.TRUE.equals(f.get("failsGate"))) {
                failures++;
            } else if (!"OK".equals(f.get("status"))) {
                skipped++;
            }
            cases.add(new TestCase(f, check));
        }

        void writeCases(Writer xml) throws IOException {
            for (TestCase testCase : cases) {
                testCase.write(xml);
            }
        }
    }

    /** One finding's test case, and its check. */
    private record TestCase(Map<String, Object> finding, Map<String, Object> check) {
        void write(Writer cases) throws IOException {
            Map<String, Object> f = finding;
            String status = (String) f.get("status");
            String resource = text(f.get("resourceId")).isEmpty() ? "(account)" : text(f.get("resourceId"));
            cases.append("    <testcase classname=\"").append(attr(text(f.get("checkId"))))
                    .append("\" name=\"").append(attr(f.get("region") + "/" + resource)).append("\" time=\"0\"");
            boolean failsGate = Boolean.TRUE.equals(f.get("failsGate"));
            if (!failsGate && "OK".equals(status)) {
                cases.append("/>\n");
                return;
            }
            cases.append(">\n");
            String message = text(f.get("message"));
            String severity = text(check.get("severity"));
            if (failsGate) {
                cases.append("      <failure type=\"").append(attr(status)).append("\" message=\"")
                        .append(attr("[" + severity + "] " + message)).append("\">").append(body(message, f))
                        .append("</failure>\n");
            } else {
                String why = f.get("gateReason") != null ? text(f.get("gateReason")) : "Does not fail the run";
                cases.append("      <skipped message=\"").append(attr(why)).append("\">")
                        .append(body(status + " [" + severity + "]: " + message, f)).append("</skipped>\n");
            }
            cases.append("    </testcase>\n");
        }
    }

    /** The detail a CI reporter shows under the message: what to do, and what the decision rested on. */
    private static String body(String first, Map<String, Object> f) {
        List<String> lines = new ArrayList<>();
        lines.add(first);
        if (f.get("suppressionExpired") != null) {
            lines.add("Suppression expired on " + f.get("suppressionExpired") + ": it no longer applies.");
        }
        if (ReportedFinding.NEW.equals(f.get("change"))) {
            lines.add("New since the baseline.");
        }
        String remediation = text(f.get("remediation"));
        if (!remediation.isBlank()) {
            lines.add("Remediation: " + remediation.strip());
        }
        String evidence = MarkdownText.evidence(f.get("evidence"));
        if (!evidence.isEmpty()) {
            lines.add("Evidence: " + evidence);
        }
        if (f.get("resourceArn") != null) {
            lines.add("Resource: " + f.get("resourceArn"));
        }
        return content(String.join("\n", lines));
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    /** Element content: markup escaped, characters XML 1.0 cannot carry dropped. */
    static String content(String text) {
        return legal(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** An attribute value: as content, plus quotes and the whitespace an XML parser would otherwise normalize. */
    static String attr(String text) {
        return content(text).replace("\"", "&quot;").replace("\n", "&#10;").replace("\r", "&#13;")
                .replace("\t", "&#9;");
    }

    private static String legal(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                        || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF))
                .forEach(out::appendCodePoint);
        return out.toString();
    }
}
