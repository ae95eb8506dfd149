package com.huntaze.audit.aws;

import com.huntaze.audit.inventory.Dataset;
import java.util.Map;

/** What a collector gets: the region, the session's clients, and the data of the datasets it depends on. */
public record CollectionContext(String region, AwsSession aws, Map<Dataset<?>, Object> dependencies) {

    @SuppressWarnings("unchecked")
    public <T> T dependency(Dataset<T> dataset) {
        Object value = dependencies.get(dataset);
        if (value == null) {
            throw new IllegalStateException("collector did not declare dependency " + dataset.id());
        }
        return (T) value;
    }
}
