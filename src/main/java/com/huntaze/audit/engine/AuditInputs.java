package com.huntaze.audit.engine;

import com.huntaze.audit.services.ServiceCatalog;
import com.huntaze.audit.pricing.PriceTable;
import java.time.Instant;
import java.util.List;

/**
 * Everything besides the inventory that checks judge with, the same for every check of an audit.
 *
 * @param attestations the config file's attestations of by-hand checks
 * @param prices       what savings are estimated with (the embedded table, extended by {@code --prices})
 * @param now          the audit's reference time: ages are measured from it, never from the clock
 * @param settings     the config file's sections that checks declare (e.g. {@code alarmCoverage:})
 */
public record AuditInputs(Thresholds thresholds, List<Attestation> attestations, PriceTable prices, Instant now,
                          Settings settings) {

    public AuditInputs {
        attestations = List.copyOf(attestations);
        settings = settings == null ? Settings.NONE : settings;
    }

    /** Without any check's config section. */
    public AuditInputs(Thresholds thresholds, List<Attestation> attestations, PriceTable prices, Instant now) {
        this(thresholds, attestations, prices, now, Settings.NONE);
    }

    /** Default thresholds, no attestation, the embedded prices. */
    public static AuditInputs defaults(Instant now) {
        return new AuditInputs(Thresholds.defaults(), List.of(), ServiceCatalog.current().prices(), now);
    }
}
