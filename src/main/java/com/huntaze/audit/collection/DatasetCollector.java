package com.huntaze.audit.collection;

import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.inventory.MetricRequest;
import java.util.List;

/**
 * Fetches one dataset for one region from AWS, into the inventory's own records. A collector declares everything
 * the engine needs to know about it: the dataset it fills, the datasets it reads first, and the exact IAM actions
 * it calls. The read-only guard lets through exactly the declared actions of all collectors, and the shipped IAM
 * policy is generated from the same declarations.
 */
public interface DatasetCollector<T> {

    Dataset<T> dataset();

    /**
     * The exact IAM actions ({@code service:Operation}) the collector calls, e.g. {@code rds:DescribeDBInstances}.
     * Each must be a read ({@code Describe*}, {@code List*}, {@code Get*}) that returns no secret value; the
     * catalog refuses any other when it loads.
     */
    List<String> actions();

    /** Datasets that must be collected first (in the same region); their data is in the context. */
    default List<Dataset<?>> dependsOn() {
        return List.of();
    }

    /** The dependencies for an audit that reads {@code metrics} (only the metrics collector's depend on them). */
    default List<Dataset<?>> dependsOn(MetricRequest metrics) {
        return dependsOn();
    }

    /**
     * Regions beyond the audited ones where this regional dataset is also collected, for an audit that collects the
     * datasets {@code audit}: ACM's certificates in us-east-1 when CloudFront's datasets are collected (CloudFront
     * takes its certificates from us-east-1 only), whichever regions are audited. A regional check that needs
     * nothing but such datasets is evaluated there too (and can tell with {@code CheckContext.audited()}); the
     * report's regions stay the audited ones. Empty for most collectors.
     */
    default java.util.Set<String> extraRegions(java.util.Set<Dataset<?>> audit) {
        return java.util.Set.of();
    }

    /**
     * Whether the collector runs only when all its dependencies were collected (the default: a failed dependency
     * fails this dataset with the same reason). A collector that can work with some of them says false, and finds
     * the collected ones in {@link CollectionContext#dependencies()}; it still fails when none was collected.
     */
    default boolean needsAllDependencies() {
        return true;
    }

    /** Fetches every page; wrap each AWS call in {@link AwsCalls#call} so a failure names its IAM action. */
    T collect(CollectionContext context);
}
