package com.huntaze.audit.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.huntaze.audit.collection.AwsSession;
import com.huntaze.audit.collection.InventoryCollector;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.inventory.Inventory;
import com.huntaze.audit.inventory.RegionInventory;
import com.huntaze.audit.services.ServiceCatalog;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every dataset of every collector of the catalog, collected from {@code endpoint} as an audit of every check would
 * read them, as JSON: the records a test searches for values the collectors must not keep.
 */
public final class CollectedRecords {
    private CollectedRecords() {
    }

    public static String ofEveryDataset(URI endpoint, String... regions) {
        ServiceCatalog catalog = ServiceCatalog.current();
        Set<Dataset<?>> all = new LinkedHashSet<>(catalog.collectors().keySet());
        Inventory inventory;
        AwsSession.Settings settings = new AwsSession.Settings(null, endpoint, false, 2, Duration.ofSeconds(20));
        try (AwsSession aws = new AwsSession(settings, 8, catalog.actions())) {
            inventory = new InventoryCollector(catalog.collectors(), aws, 8, (done, total) -> { })
                    .collect("123456789012", List.of(regions), all);
        }
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        StringBuilder records = new StringBuilder();
        try {
            for (RegionInventory region : inventory.all()) {
                records.append(json.writeValueAsString(region.data().values()));
            }
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return records.toString();
    }
}
