package com.huntaze.audit.config;

import java.util.List;
import java.util.Map;

/**
 * The config file as written, bound by Jackson (an unknown key, a wrong type or a YAML error fails the binding
 * with its line); {@link ConfigLoader} then checks what Jackson cannot (threshold keys, check ids, dates). A new
 * section is a new component here, a validation in the loader and a paragraph in huntaze-audit.example.yml.
 *
 * @param thresholds   threshold key → value; the keys are those the registered checks declare
 * @param attestations by-hand checks a person has done
 * @param alarmCoverage which resources cloudwatch.alarm-coverage judges and the metrics it requires alarms on
 * @param suppressions accepted risks: findings that keep their status but do not fail the run
 */
record ConfigFile(
        Map<String, Integer> thresholds,
        List<AttestationEntry> attestations,
        AlarmCoverageEntry alarmCoverage,
        List<SuppressionEntry> suppressions) {

    /** One {@code attestations:} entry; the date stays text so that a bad one gets our own message. */
    record AttestationEntry(String check, String by, String date, String note) {
    }

    /**
     * The {@code alarmCoverage:} section. A requirement is written as a metric name or as a list of alternative
     * names, so it binds as Object and the loader checks it.
     */
    record AlarmCoverageEntry(List<String> include, List<String> exclude, Map<String, List<Object>> required) {
    }

    /** One {@code suppressions:} entry; the expiry date stays text so that a bad one gets our own message. */
    record SuppressionEntry(String check, String resource, String region, String reason, String by, String expires) {
    }
}
