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

    /** Fetches every page; wrap each AWS call in {@link AwsCalls#call} so a failure names its IAM action. */
    T collect(CollectionContext context);
}
