package com.huntaze.audit.engine;

import com.huntaze.audit.inventory.MetricData;

import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.inventory.MetricSpec;
import java.util.List;
import java.util.Set;

/**
 * One launch-readiness check: a pure function of the inventory. It never calls AWS, never prints and never
 * throws for a finding. Implementations are registered in
 * {@code META-INF/services/com.huntaze.audit.engine.Check}; their metadata lives in {@code checks/<id>.yaml}.
 */
public interface Check {

    /** The check's id, e.g. {@code rds.multi-az}: part of the report contract. */
    String id();

    /** The datasets {@link #evaluate} reads; only these are collected for it. */
    Set<Dataset<?>> requires();

    /** Regional checks run once per audited region, global ones once per audit. */
    default Scope scope() {
        return Scope.REGIONAL;
    }

    /**
     * The thresholds this check reads, so the config file, the command line and the docs know them. Several checks
     * may declare one threshold (the same declaration, e.g. {@code Idle.DAYS}).
     */
    default List<Threshold> thresholds() {
        return List.of();
    }

    /**
     * The config file sections this check reads, for settings that are more than numbers (e.g. {@code alarmCoverage:});
     * the check reads each bound value with {@link CheckContext#settings(SettingsSection)}.
     */
    default List<SettingsSection<?>> settings() {
        return List.of();
    }

    /**
     * The CloudWatch metrics this check reads, per resource of a dataset. A check with metrics also lists
     * {@code MetricData.DATASET} and each spec's resource dataset in {@link #requires()} (the registry
     * enforces it); all specs of all selected checks are read in one batched GetMetricData pass per region.
     */
    default List<MetricSpec<?>> metrics() {
        return List.of();
    }

    /**
     * Whether the check is judged only when every dataset it requires was collected (the default: one whose input
     * failed is one TODO naming the failed call, see {@code AuditRunner}). A check that can still say something
     * without them (a by-hand item whose attestation counts whatever the account shows) says false; reading a failed
     * dataset still throws {@link com.huntaze.audit.inventory.CollectionFailedException}, which it may turn into
     * its own TODO.
     */
    default boolean needsAllInputs() {
        return true;
    }

    /** The findings for one region (or for {@code global}); an empty list when there is nothing to judge. */
    List<Finding> evaluate(CheckContext context);
}
