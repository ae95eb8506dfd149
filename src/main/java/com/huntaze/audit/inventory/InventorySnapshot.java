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
        parse(root, datasets).addTo(inventory);
        return inventory;
    }

    /** Adds a snapshot's {@code datasets} and {@code failures} (of audited regions) to {@code inventory}. */
    public static void readInto(Inventory inventory, String json, Function<String, Dataset<?>> datasets)
            throws IOException {
        parse(json, datasets).addTo(inventory);
    }

    /**
     * A snapshot's {@code datasets} and {@code failures}, read into records but not yet in an inventory: parts can be
     * read side by side (most of a read is Jackson learning each record type, the first time), then added in order.
     */
    public static Part parse(String json, Function<String, Dataset<?>> datasets) throws IOException {
        return parse(MAPPER.readTree(json), datasets);
    }

    private static Part parse(JsonNode root, Function<String, Dataset<?>> datasets) throws IOException {
        List<Part.Read> read = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("datasets").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> region = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ds = region.getValue().fields(); ds.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = ds.next();
                Dataset<?> dataset = datasets.apply(entry.getKey());
                read.add(new Part.Read(region.getKey(), dataset, MAPPER.readerFor(dataset.type())
                        .readValue(entry.getValue()), null));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("failures").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> region = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ds = region.getValue().fields(); ds.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = ds.next();
                read.add(new Part.Read(region.getKey(), datasets.apply(entry.getKey()), null,
                        MAPPER.treeToValue(entry.getValue(), CollectionFailure.class)));
            }
        }
        return new Part(read);
    }

    /** The datasets and failures of one snapshot file, in the file's order. */
    public static final class Part {
        private record Read(String region, Dataset<?> dataset, Object value, CollectionFailure failure) {
        }

        private final List<Read> read;

        private Part(List<Read> read) {
            this.read = read;
        }

        /** Puts them in {@code inventory}: its datasets first, then its failures, as the file lists them. */
        public void addTo(Inventory inventory) {
            for (Read r : read) {
                RegionInventory target = inventory.region(r.region());
                if (r.failure() == null) {
                    put(target, r.dataset(), r.value());
                } else {
                    target.fail(r.dataset(), r.failure());
                }
            }
        }

        @SuppressWarnings("unchecked")
        private static <T> void put(RegionInventory target, Dataset<T> dataset, Object value) {
            target.put(dataset, (T) value);
        }
    }
}
