package com.huntaze.audit.config;

import com.huntaze.audit.engine.AlarmCoverageSettings;
import com.huntaze.audit.engine.Attestation;
import com.huntaze.audit.engine.Thresholds;
import com.huntaze.audit.gate.Suppression;
import java.util.List;

/**
 * A validated config: what the audit uses from the file.
 *
 * @param source       where it came from (the path as given, or a description), for messages; null for none
 * @param thresholds   the file's thresholds over the defaults (command-line flags are applied on top)
 * @param attestations the attestations of by-hand checks, in the file's order
 * @param alarmCoverage which resources cloudwatch.alarm-coverage judges, and what it requires of them
 * @param suppressions  the accepted risks, in the file's order
 */
public record AuditConfig(String source, Thresholds thresholds, List<Attestation> attestations,
                          AlarmCoverageSettings alarmCoverage, List<Suppression> suppressions) {

    public AuditConfig {
        attestations = List.copyOf(attestations);
        alarmCoverage = alarmCoverage == null ? AlarmCoverageSettings.DEFAULTS : alarmCoverage;
        suppressions = List.copyOf(suppressions);
    }

    /** Without an {@code alarmCoverage:} section. */
    public AuditConfig(String source, Thresholds thresholds, List<Attestation> attestations,
                       List<Suppression> suppressions) {
        this(source, thresholds, attestations, AlarmCoverageSettings.DEFAULTS, suppressions);
    }

    /** Without {@code suppressions:}. */
    public AuditConfig(String source, Thresholds thresholds, List<Attestation> attestations,
                       AlarmCoverageSettings alarmCoverage) {
        this(source, thresholds, attestations, alarmCoverage, List.of());
    }

    /** Without an {@code alarmCoverage:} section or {@code suppressions:}. */
    public AuditConfig(String source, Thresholds thresholds, List<Attestation> attestations) {
        this(source, thresholds, attestations, AlarmCoverageSettings.DEFAULTS, List.of());
    }

    /** No config file: defaults everywhere, nothing attested. */
    public static AuditConfig none() {
        return new AuditConfig(null, Thresholds.defaults(), List.of());
    }
}
