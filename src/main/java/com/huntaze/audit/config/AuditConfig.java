package com.huntaze.audit.config;

import com.huntaze.audit.engine.Attestation;
import com.huntaze.audit.engine.Settings;
import com.huntaze.audit.engine.Thresholds;
import com.huntaze.audit.gate.Suppression;
import java.util.List;

/**
 * A validated config: what the audit uses from the file.
 *
 * @param source       where it came from (the path as given, or a description), for messages; null for none
 * @param thresholds   the file's thresholds over the defaults (command-line flags are applied on top)
 * @param attestations the attestations of by-hand checks, in the file's order
 * @param settings     the sections checks declare (e.g. {@code alarmCoverage:}), each as its binder read it
 * @param suppressions  the accepted risks, in the file's order
 */
public record AuditConfig(String source, Thresholds thresholds, List<Attestation> attestations,
                          Settings settings, List<Suppression> suppressions) {

    public AuditConfig {
        attestations = List.copyOf(attestations);
        settings = settings == null ? Settings.NONE : settings;
        suppressions = List.copyOf(suppressions);
    }

    /** Without any check's section. */
    public AuditConfig(String source, Thresholds thresholds, List<Attestation> attestations,
                       List<Suppression> suppressions) {
        this(source, thresholds, attestations, Settings.NONE, suppressions);
    }

    /** Without any check's section or {@code suppressions:}. */
    public AuditConfig(String source, Thresholds thresholds, List<Attestation> attestations) {
        this(source, thresholds, attestations, Settings.NONE, List.of());
    }

    /** No config file: defaults everywhere, nothing attested. */
    public static AuditConfig none() {
        return new AuditConfig(null, Thresholds.defaults(), List.of());
    }
}
