package com.huntaze.audit.inventory;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * An inventory saved as JSON: the demo account shipped in the jar is one. Layout:
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

    public static Inventory read(InputStream in) throws IOException {
        JsonNode root = MAPPER.readTree(in);
        List<String> regions = new ArrayList<>();
        root.path("regions").forEach(r -> regions.add(r.asText()));
        Inventory inventory = new Inventory(root.path("account").asText(), regions);
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("datasets").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> region = it.next();
            RegionInventory target = inventory.region(region.getKey());
            for (Iterator<Map.Entry<String, JsonNode>> ds = region.getValue().fields(); ds.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = ds.next();
                put(target, Datasets.byId(entry.getKey()), entry.getValue());
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("failures").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> region = it.next();
            RegionInventory target = inventory.region(region.getKey());
            for (Iterator<Map.Entry<String, JsonNode>> ds = region.getValue().fields(); ds.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = ds.next();
                target.fail(Datasets.byId(entry.getKey()), MAPPER.treeToValue(entry.getValue(), CollectionFailure.class));
            }
        }
        return inventory;
    }

    private static <T> void put(RegionInventory target, Dataset<T> dataset, JsonNode value) throws IOException {
        target.put(dataset, MAPPER.readerFor(dataset.type()).readValue(value));
    }
}
