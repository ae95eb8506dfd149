package com.huntaze.audit.config;

import java.util.List;
import java.util.Map;

/**
 * The config file's own sections as written, bound by Jackson (an unknown key, a wrong type or a YAML error fails
 * the binding with its line); {@link ConfigLoader} then checks what Jackson cannot (threshold keys and ranges, check
 * ids, dates). The other top-level sections are those checks declare
 * ({@link com.huntaze.audit.engine.SettingsSection}): the loader hands them to their binders. A new section of a check is a declaration in that check and a paragraph in
 * huntaze-audit.example.yml; a new section of the loader's own is a new component here and a validation in the loader.
 *
 * @param thresholds   threshold key → value; the keys are those the registered checks declare
 * @param attestations by-hand checks a person has done
 * @param suppressions accepted risks: findings that keep their status but do not fail the run
 */
record ConfigFile(
        Map<String, Integer> thresholds,
        List<AttestationEntry> attestations,
        List<SuppressionEntry> suppressions) {

    /** One {@code attestations:} entry; the date stays text so that a bad one gets our own message. */
    record AttestationEntry(String check, String by, String date, String note, String account) {
    }

    /** One {@code suppressions:} entry; the expiry date stays text so that a bad one gets our own message. */
    record SuppressionEntry(String check, String resource, String region, String reason, String by, String expires,
                            String account) {
    }
}
