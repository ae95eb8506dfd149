package com.huntaze.audit.inventory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything collected for one region (or for the account's global services, under the region name
 * {@code global}): each dataset holds either its data or the reason it could not be collected.
 */
public final class RegionInventory {
    private final String region;
    private final Map<Dataset<?>, Object> data = new LinkedHashMap<>();
    private final Map<Dataset<?>, CollectionFailure> failures = new LinkedHashMap<>();

    public RegionInventory(String region) {
        this.region = region;
    }

    public String region() {
        return region;
    }

    public <T> RegionInventory put(Dataset<T> dataset, T value) {
        failures.remove(dataset);
        data.put(dataset, value);
        return this;
    }

    public RegionInventory fail(Dataset<?> dataset, CollectionFailure failure) {
        data.remove(dataset);
        failures.put(dataset, failure);
        return this;
    }

    /**
     * The dataset's data.
     *
     * @throws CollectionFailedException when its collection failed (the engine reports it as a TODO)
     * @throws IllegalStateException     when it was never collected: the check did not declare it
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Dataset<T> dataset) {
        CollectionFailure failure = failures.get(dataset);
        if (failure != null) {
            throw new CollectionFailedException(dataset, failure);
        }
        if (!data.containsKey(dataset)) {
            throw new IllegalStateException("dataset " + dataset.id() + " was not collected for " + region
                    + ": the check must list it in requires()");
        }
        return (T) data.get(dataset);
    }

    public boolean has(Dataset<?> dataset) {
        return data.containsKey(dataset) || failures.containsKey(dataset);
    }

    public Optional<CollectionFailure> failure(Dataset<?> dataset) {
        return Optional.ofNullable(failures.get(dataset));
    }

    public Map<Dataset<?>, Object> data() {
        return Collections.unmodifiableMap(data);
    }

    public Map<Dataset<?>, CollectionFailure> failures() {
        return Collections.unmodifiableMap(failures);
    }
}
