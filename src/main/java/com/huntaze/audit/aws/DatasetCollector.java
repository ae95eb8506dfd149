package com.huntaze.audit.aws;

import com.huntaze.audit.inventory.Dataset;
import java.util.List;

/** Fetches one dataset for one region from AWS, into the inventory's own records. */
public interface DatasetCollector<T> {

    Dataset<T> dataset();

    /** Datasets that must be collected first (in the same region); their data is in the context. */
    default List<Dataset<?>> dependsOn() {
        return List.of();
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
