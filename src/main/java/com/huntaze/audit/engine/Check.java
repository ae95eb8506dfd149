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

    /**
     * The datasets of {@link #requires()} the check can judge without: it asks {@link CheckContext#failure} before
     * reading one, and says in its findings what it could not see (who uses a security group; one kind of resource
     * of the alarm coverage). The engine turns a failure of any other required dataset into the check's TODO for
     * that region before the check runs.
     */
    default Set<Dataset<?>> tolerates() {
        return Set.of();
    }

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

    /** The findings for one region (or for {@code global}); an empty list when there is nothing to judge. */
    List<Finding> evaluate(CheckContext context);
}
