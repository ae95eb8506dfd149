package com.huntaze.audit.inventory;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An inventory saved as JSON: the demo account shipped in the jar is one (split into one file per service). Layout:
 * <pre>{"account": "...", "regions": ["us-east-1"],
 *  "datasets": {"us-east-1": {"rds.dbInstances": [...]}, "global": {...}},
 *  "failures": {"us-east-1": {"ses.account": {"action": "ses:GetAccount", "kind": "ACCESS_DENIED", ...}}}}</pre>
 */
public final class InventorySnapshot {
    private InventorySnapshot() {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // datasets hold dates as Instants, written in snapshots as ISO-8601 strings
            .registerModule(new JavaTimeModule());

    /** A whole snapshot: account, regions and datasets; {@code datasets} names each dataset id. */
    public static Inventory read(String json, Function<String, Dataset<?>> datasets) throws IOException {
        JsonNode root = MAPPER.readTree(json);
        List<String> regions = new ArrayList<>();
        root.path("regions").forEach(r -> regions.add(r.asText()));
        Inventory inventory = new Inventory(root.path("account").asText(), regions);
        readInto(inventory, root, datasets);
        return inventory;
    }

    /** Adds a snapshot's {@code datasets} and {@code failures} (of audited regions) to {@code inventory}. */
    public static void readInto(Inventory inventory, String json, Function<String, Dataset<?>> datasets)
            throws IOException {
        readInto(inventory, MAPPER.readTree(json), datasets);
    }

    private static void readInto(Inventory inventory, JsonNode root, Function<String, Dataset<?>> datasets)
            throws IOException {
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("datasets").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> region = it.next();
            RegionInventory target = inventory.region(region.getKey());
            for (Iterator<Map.Entry<String, JsonNode>> ds = region.getValue().fields(); ds.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = ds.next();
                put(target, datasets.apply(entry.getKey()), entry.getValue());
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("failures").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> region = it.next();
            RegionInventory target = inventory.region(region.getKey());
            for (Iterator<Map.Entry<String, JsonNode>> ds = region.getValue().fields(); ds.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = ds.next();
                target.fail(datasets.apply(entry.getKey()), MAPPER.treeToValue(entry.getValue(),
                        CollectionFailure.class));
            }
        }
    }

    private static <T> void put(RegionInventory target, Dataset<T> dataset, JsonNode value) throws IOException {
        target.put(dataset, MAPPER.readerFor(dataset.type()).readValue(value));
    }
}
