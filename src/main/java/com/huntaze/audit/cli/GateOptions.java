package com.huntaze.audit.cli;

import com.huntaze.audit.engine.Severity;
import com.huntaze.audit.gate.Baseline;
import com.huntaze.audit.gate.GatePolicy;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The gate's options, the same for {@code check} and {@code merge} (a picocli mixin): when the run fails, and the
 * baseline it is compared with.
 */
final class GateOptions {

    @Option(names = "--fail-on", paramLabel = "STATUS", defaultValue = "nok",
            description = "Exit 1 when a finding at or above this status is not an accepted risk: nok, todo (NOK or "
                    + "TODO) or never (default: ${DEFAULT-VALUE}).")
    GatePolicy.FailOn failOn;

    @Option(names = "--min-severity", paramLabel = "SEVERITY", defaultValue = "low",
            converter = CheckCommand.SeverityConverter.class,
            description = "Only findings of checks at or above this severity can fail the run: low, medium, high, "
                    + "critical (default: ${DEFAULT-VALUE}). All findings stay in the report.")
    Severity minSeverity;

    @Option(names = "--baseline", paramLabel = "PREVIOUS.json",
            description = "An earlier JSON report of the same account (or accounts): mark each finding new or"
                    + " unchanged, and list what was resolved.")
    Path baselineFile;

    @Option(names = "--fail-on-new",
            description = "With --baseline: only findings new since the baseline can fail the run.")
    boolean failOnNew;

    /** The gate of these options, validated. */
    GatePolicy policy() {
        if (failOnNew && baselineFile == null) {
            throw new UsageException("--fail-on-new needs --baseline PREVIOUS.json (new since what?)");
        }
        if (failOnNew && failOn == GatePolicy.FailOn.never) {
            throw new UsageException("--fail-on never and --fail-on-new contradict each other");
        }
        return new GatePolicy(failOn, minSeverity, failOnNew);
    }

    /** Read before the audit: a baseline that is not a report of a known schemaVersion stops it at once. */
    Baseline baseline() {
        if (baselineFile == null) {
            return null;
        }
        try {
            return Baseline.read(baselineFile);
        } catch (Baseline.BaselineException e) {
            throw new UsageException("--baseline " + e.getMessage());
        }
    }
}
