package com.huntaze.audit.cli;

import com.huntaze.audit.engine.CheckMetadata;
import com.huntaze.audit.engine.CheckRegistry;
import com.huntaze.audit.engine.RegisteredCheck;
import com.huntaze.audit.engine.SettingsSection;
import com.huntaze.audit.engine.Threshold;
import com.huntaze.audit.services.ServiceCatalog;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code huntaze-audit list-checks}: the catalog, one check a line; with {@code --thresholds}, what tunes it. */
@Command(name = "list-checks", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the registered checks: id, domain, severity and title (--format json: every field of"
                + " explain); --domain and --service filter them.")
public final class ListChecksCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--thresholds",
            description = "List the thresholds instead (key, default, unit, range, flag, the checks that read it,"
                    + " description), then the config file sections checks declare.")
    boolean thresholds;

    /** Output formats of {@code list-checks}. */
    public enum ListFormat { text, json }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (a table) or json (an array of the checks with every field of explain)"
                    + " (default: ${DEFAULT-VALUE}).")
    ListFormat format;

    @Option(names = "--domain", paramLabel = "DOMAIN", completionCandidates = ListedChecks.Domains.class,
            description = "Only the checks of this domain: ${COMPLETION-CANDIDATES}.")
    String domain;

    @Option(names = "--service", paramLabel = "SERVICE", completionCandidates = ListedChecks.Services.class,
            description = "Only the checks of this service (the first part of their ids: rds, ecs, iam, ...).")
    String service;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        CheckRegistry registry = CheckRegistry.load();
        if (thresholds && (format == ListFormat.json || domain != null || service != null)) {
            throw new UsageException("--thresholds lists every threshold as text: it takes no --format json, --domain"
                    + " or --service");
        }
        if (thresholds) {
            printThresholds(registry, out);
        } else {
            var checks = ListedChecks.select(registry.checks(), domain, service, ServiceCatalog.current());
            if (format == ListFormat.json) {
                out.print(CheckDescription.json(checks.stream()
                        .map(c -> CheckDescription.of(c, ServiceCatalog.current())).toList()));
                out.flush();
                return ExitCode.OK;
            }
            int idWidth = checks.stream().mapToInt(c -> c.id().length()).max().orElse(2);
            String format = "%-" + idWidth + "s  %-13s  %-8s  %s%n";
            out.printf(format, "ID", "DOMAIN", "SEVERITY", "TITLE");
            for (RegisteredCheck check : checks) {
                CheckMetadata m = check.metadata();
                out.printf(format, m.id(), m.domain().id(), m.severity().id(), m.title());
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    /** One threshold a line, by key; then one config section a line. Columns aligned, the description last. */
    private static void printThresholds(CheckRegistry registry, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"KEY", "DEFAULT", "UNIT", "RANGE", "FLAG", "CHECKS", "DESCRIPTION"});
        for (Threshold t : registry.thresholds().values()) {
            rows.add(new String[] {t.key(), String.valueOf(t.defaultValue()), t.unit(), t.range(),
                    t.flag() == null ? "-" : t.flag(), readers(registry, t.key()), t.description()});
        }
        print(rows, out);
        if (!registry.settings().isEmpty()) {
            out.println();
            List<String[]> sections = new ArrayList<>();
            sections.add(new String[] {"CONFIG SECTION", "CHECKS", "DESCRIPTION"});
            for (SettingsSection<?> s : registry.settings().values()) {
                sections.add(new String[] {s.key() + ":", readers(registry, s.key()), s.description()});
            }
            print(sections, out);
        }
    }

    /** The checks that read {@code key}: their ids, or {@code manual.*} when every check of a service does. */
    private static String readers(CheckRegistry registry, String key) {
        List<String> readers = registry.readers(key);
        if (readers.size() > 1) {
            String service = readers.get(0).substring(0, readers.get(0).indexOf('.') + 1);
            List<String> all = registry.checks().stream().map(RegisteredCheck::id)
                    .filter(id -> id.startsWith(service)).toList();
            if (readers.stream().allMatch(id -> id.startsWith(service)) && readers.size() == all.size()) {
                return service + "*";
            }
        }
        return String.join(",", readers);
    }

    private static void print(List<String[]> rows, PrintWriter out) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns - 1; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns - 1; i++) {
                line.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + 2));
            }
            out.println(line.append(row[columns - 1]));
        }
    }
}
