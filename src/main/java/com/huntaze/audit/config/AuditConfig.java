package com.huntaze.audit.config;

import com.huntaze.audit.engine.AlarmCoverageSettings;
import com.huntaze.audit.engine.Attestation;
import com.huntaze.audit.engine.Thresholds;
import java.util.List;

/**
 * A validated config: what the audit uses from the file.
 *
 * @param source       where it came from (the path as given, or a description), for messages; null for none
 * @param thresholds   the file's thresholds over the defaults (command-line flags are applied on top)
 * @param attestations the attestations of by-hand checks, in the file's order
 * @param alarmCoverage which resources cloudwatch.alarm-coverage judges, and what it requires of them
 */
public record AuditConfig(String source, Thresholds thresholds, List<Attestation> attestations,
                          AlarmCoverageSettings alarmCoverage) {

    public AuditConfig {
        attestations = List.copyOf(attestations);
        alarmCoverage = alarmCoverage == null ? AlarmCoverageSettings.DEFAULTS : alarmCoverage;
    }

    /** Without an {@code alarmCoverage:} section. */
    public AuditConfig(String source, Thresholds thresholds, List<Attestation> attestations) {
        this(source, thresholds, attestations, AlarmCoverageSettings.DEFAULTS);
    }

    /** No config file: defaults everywhere, nothing attested. */
    public static AuditConfig none() {
        return new AuditConfig(null, Thresholds.defaults(), List.of());
    }
}
