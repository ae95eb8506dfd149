package com.huntaze.audit.services.lambda;

import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.SettingsSection;
import com.huntaze.audit.engine.Threshold;
import com.huntaze.audit.inventory.Dataset;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * lambda.supported-runtime: no function runs on a managed runtime that AWS has deprecated, or deprecates within
 * {@code runtimeWarningDays}, by the dated {@link RuntimeTable} (the embedded one, or {@code --runtimes FILE}).
 */
public final class LambdaSupportedRuntimeCheck implements Check {

    public static final Threshold WARNING_DAYS = new Threshold("runtimeWarningDays", 120, "days", 0, 1095, null,
            "lambda.supported-runtime: a runtime deprecated within this many days is NOK already");

    /** OS-only runtimes: the language runtime is the function's own code, and AWS patches only the OS. */
    static final Set<String> OS_ONLY = Set.of("provided.al2", "provided.al2023");

    /**
     * The runtime table: the embedded one unless {@code --runtimes FILE} replaces it. It travels in the audit's
     * settings but is not a config file section (it is not returned from {@link #settings()}): the file is the only
     * way to give another table.
     */
    public static final SettingsSection<RuntimeTable> RUNTIMES = SettingsSection.withDefaultsFrom("lambdaRuntimes",
            RuntimeTable.class, RuntimeTable::embedded, (node, input) -> {
                try {
                    return RuntimeTable.parse(node, "config lambdaRuntimes");
                } catch (RuntimeTable.RuntimeTableException e) {
                    input.problem(List.of(), e.getMessage());
                    return null;
                }
            }, "lambda.supported-runtime: the runtime table (format of lambda-runtimes.json), from --runtimes FILE");

    @Override
    public String id() {
        return "lambda.supported-runtime";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(LambdaDatasets.FUNCTIONS);
    }

    @Override
    public List<Threshold> thresholds() {
        return List.of(WARNING_DAYS);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        RuntimeTable table = ctx.settings(RUNTIMES);
        int warningDays = ctx.threshold(WARNING_DAYS);
        LocalDate today = LocalDate.ofInstant(ctx.now(), ZoneOffset.UTC);
        List<Finding> findings = new ArrayList<>();
        for (LambdaFunction f : ctx.get(LambdaDatasets.FUNCTIONS)) {
            if (f.isImage()) {
                findings.add(ctx.ok(f.name(), f.arn(), "Container image: its runtime is built into the image, which"
                        + " AWS does not deprecate; keep the image's base up to date.",
                        Evidence.of("PackageType", f.packageType())));
                continue;
            }
            if (OS_ONLY.contains(f.runtime())) {
                findings.add(ctx.ok(f.name(), f.arn(), "OS-only runtime " + f.runtime() + ": AWS patches the"
                        + " operating system; the language runtime is the function's own code to keep current.",
                        Evidence.of("Runtime", f.runtime(), "PackageType", f.packageType())));
                continue;
            }
            var known = table.find(f.runtime());
            if (known.isEmpty()) {
                findings.add(ctx.todo(f.name(), f.arn(), "Runtime " + f.runtime() + " is not in the runtime table of "
                        + table.date() + " (" + table.origin() + "): check its deprecation date, or give a newer"
                        + " table with --runtimes FILE.", Evidence.of("Runtime", f.runtime(),
                        "RuntimeTableDate", table.date().toString())));
                continue;
            }
            RuntimeTable.Runtime r = known.get();
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("Runtime", f.runtime());
            putDate(evidence, "Deprecation", r.deprecation());
            putDate(evidence, "BlockFunctionCreate", r.blockCreate());
            putDate(evidence, "BlockFunctionUpdate", r.blockUpdate());
            evidence.put("RuntimeTableDate", table.date().toString());
            evidence.put("Source", r.source());
            if (r.deprecation() == null) {
                findings.add(ctx.ok(f.name(), f.arn(), "Runtime " + f.runtime() + " is supported: no deprecation date"
                        + " in the runtime table of " + table.date() + ".", evidence));
                continue;
            }
            long days = ChronoUnit.DAYS.between(today, r.deprecation());
            evidence.put("DaysUntilDeprecation", days);
            if (days <= 0) {
                findings.add(ctx.nok(f.name(), f.arn(), "Runtime " + f.runtime() + " was deprecated on "
                        + r.deprecation() + ": AWS no longer applies security patches to it"
                        + (r.blockUpdate() == null ? "" : ", and the function cannot be updated from "
                        + r.blockUpdate()) + ".", evidence));
            } else if (days <= warningDays) {
                findings.add(ctx.nok(f.name(), f.arn(), "Runtime " + f.runtime() + " is deprecated on "
                        + r.deprecation() + " (in " + days + " days).", evidence));
            } else {
                findings.add(ctx.ok(f.name(), f.arn(), "Runtime " + f.runtime() + " is supported until "
                        + r.deprecation() + ".", evidence));
            }
        }
        return findings;
    }

    private static void putDate(Map<String, Object> evidence, String key, LocalDate date) {
        if (date != null) {
            evidence.put(key, date.toString());
        }
    }
}
