package com.huntaze.audit.pricing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * On-demand list prices, per region where known, each figure with its source and date. The table shipped in the
 * jar ({@code prices/aws-prices.json}) is dated; {@code --prices FILE} (same format) extends or replaces it. A
 * region without a figure uses {@code us-east-1}'s, and the {@link Price} found says so.
 *
 * <p>Format:
 * <pre>{"date": "2026-11-22", "description": "...", "replacesEmbedded": false,
 *  "regions": {"us-east-1": {
 *     "vpc.public-ipv4-hour":      {"source": "https://aws.amazon.com/vpc/pricing/", "usd": 0.005},
 *     "rds.postgres.instance-hour": {"source": "...", "date": "2026-12-01", "usd": {"db.t3.micro": 0.018}}}}}</pre>
 * Items with one figure take a number as {@code usd}; items priced by type take an object of type → number.
 * {@code date} on an item overrides the table's date for its figures.
 */
public final class PriceTable {

    /** Hours in the month the estimates assume (365 × 24 / 12). */
    public static final int HOURS_PER_MONTH = 730;
    /** The region whose figures stand in for a region the table does not know. */
    public static final String FALLBACK_REGION = "us-east-1";

    private static final Pattern REGION = Pattern.compile("[a-z]{2,}(-[a-z]+)+-\\d+");
    private static final Set<String> TOP_FIELDS = Set.of("date", "description", "replacesEmbedded", "regions");
    private static final Set<String> ITEM_FIELDS = Set.of("source", "date", "note", "usd");

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private record Figure(double usd, String source, String date) {
    }

    private static final String SINGLE = "";

    private final String date;
    private final String origin;
    private final boolean replacesEmbedded;
    /** region → item → type ("" for single-figure items) → figure */
    private final Map<String, Map<String, Map<String, Figure>>> figures;

    private PriceTable(String date, String origin, boolean replacesEmbedded,
                       Map<String, Map<String, Map<String, Figure>>> figures) {
        this.date = date;
        this.origin = origin;
        this.replacesEmbedded = replacesEmbedded;
        this.figures = figures;
    }

    /** A table without any figure: every price is unknown. */
    public static PriceTable empty(String origin) {
        return new PriceTable("1970-01-01", origin, false, new TreeMap<>());
    }

    /**
     * The embedded table: the services' {@code prices.json} files merged, dated by the newest of them. Built by the
     * service catalog from what the services ship and declare.
     */
    public static PriceTable embedded(List<PriceTable> parts) {
        PriceTable merged = empty("embedded price table");
        for (PriceTable part : parts) {
            merged = merged.extendedBy(part);
        }
        return new PriceTable(merged.date, "embedded price table of " + merged.date, false, merged.figures);
    }

    /** Reads a user's price table. @throws PriceTableException naming the problem, when it is not valid */
    public static PriceTable read(Path file, List<PriceItem> known) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new PriceTableException("no such file");
        } catch (IOException e) {
            throw new PriceTableException("cannot read it: " + e.getMessage(), e);
        }
        return parse(text, file.getFileName().toString(), known);
    }

    /**
     * Parses a table in the format above. @param name what to call it in reports ({@code prices.json}), or null
     * @throws PriceTableException naming the problem
     */
    public static PriceTable parse(String json, String name, List<PriceItem> known) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new PriceTableException("not valid JSON (" + e.getOriginalMessage() + ", line "
                    + e.getLocation().getLineNr() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new PriceTableException("not a price table: expected a JSON object with \"date\" and \"regions\"");
        }
        unknownFields(root, TOP_FIELDS, "the table");
        String date = date(root.get("date"), "\"date\"");
        if (date == null) {
            throw new PriceTableException("\"date\" is missing: a price table says when its figures were known");
        }
        JsonNode replaces = root.get("replacesEmbedded");
        if (replaces != null && !replaces.isBoolean()) {
            throw new PriceTableException("\"replacesEmbedded\" must be true or false");
        }
        JsonNode regions = root.get("regions");
        if (regions == null || !regions.isObject()) {
            throw new PriceTableException("\"regions\" is missing or not an object of region → items");
        }
        Map<String, Map<String, Map<String, Figure>>> figures = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = regions.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> region = it.next();
            if (!REGION.matcher(region.getKey()).matches()) {
                throw new PriceTableException("\"" + region.getKey() + "\" is not a region name (e.g. us-east-1)");
            }
            if (!region.getValue().isObject()) {
                throw new PriceTableException(region.getKey() + " must be an object of price items");
            }
            Map<String, Map<String, Figure>> items = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> its = region.getValue().fields(); its.hasNext(); ) {
                Map.Entry<String, JsonNode> item = its.next();
                items.put(item.getKey(), item(region.getKey(), item.getKey(), item.getValue(), date, known));
            }
            figures.put(region.getKey(), items);
        }
        String origin = name == null ? "price table of " + date : name + " of " + date;
        return new PriceTable(date, origin, replaces != null && replaces.asBoolean(), figures);
    }

    private static Map<String, Figure> item(String region, String item, JsonNode node, String tableDate,
                                            List<PriceItem> known) {
        String where = "\"" + item + "\" in " + region;
        PriceItem declared = known.stream().filter(k -> k.matches(item)).findFirst().orElseThrow(() ->
                new PriceTableException("unknown price item \"" + item + "\" in " + region + " (known: "
                        + String.join(", ", new java.util.TreeSet<>(known.stream().map(PriceItem::name).toList()))
                        + ")"));
        boolean single = !declared.byType();
        if (!node.isObject()) {
            throw new PriceTableException(where + " must be an object with \"source\" and \"usd\"");
        }
        unknownFields(node, ITEM_FIELDS, where);
        JsonNode source = node.get("source");
        if (source == null || !source.isTextual() || source.asText().isBlank()) {
            throw new PriceTableException(where + " has no \"source\": say where its figures come from");
        }
        String date = date(node.get("date"), where + " \"date\"");
        Figure template = new Figure(0, source.asText().strip(), date == null ? tableDate : date);
        JsonNode usd = node.get("usd");
        Map<String, Figure> figures = new TreeMap<>();
        if (single) {
            figures.put(SINGLE, new Figure(amount(usd, where + " \"usd\""), template.source(), template.date()));
            return figures;
        }
        if (usd == null || !usd.isObject() || usd.isEmpty()) {
            throw new PriceTableException(where + " \"usd\" must be an object of type → price, e.g. {\"db.t3.micro\": 0.018}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = usd.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> type = it.next();
            figures.put(type.getKey(), new Figure(amount(type.getValue(), where + " price of " + type.getKey()),
                    template.source(), template.date()));
        }
        return figures;
    }

    private static double amount(JsonNode node, String what) {
        if (node == null || !node.isNumber() || node.asDouble() < 0 || !Double.isFinite(node.asDouble())) {
            throw new PriceTableException(what + " must be a number of US dollars >= 0"
                    + (node == null ? "" : ", not " + node));
        }
        return node.asDouble();
    }

    private static String date(JsonNode node, String what) {
        if (node == null) {
            return null;
        }
        try {
            return LocalDate.parse(node.asText()).toString();
        } catch (DateTimeParseException e) {
            throw new PriceTableException(what + " must be a date like 2026-11-22, not " + node);
        }
    }

    private static void unknownFields(JsonNode node, Set<String> known, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!known.contains(field)) {
                throw new PriceTableException("unknown field \"" + field + "\" in " + where + " (known: "
                        + String.join(", ", new java.util.TreeSet<>(known)) + ")");
            }
        }
    }

    /**
     * This table with {@code other}'s figures added or put in place of the same region, item and type; or
     * {@code other} alone when it says {@code "replacesEmbedded": true}.
     */
    public PriceTable extendedBy(PriceTable other) {
        if (other.replacesEmbedded) {
            return other;
        }
        Map<String, Map<String, Map<String, Figure>>> merged = new TreeMap<>();
        figures.forEach((region, items) -> {
            Map<String, Map<String, Figure>> copy = new TreeMap<>();
            items.forEach((item, types) -> copy.put(item, new TreeMap<>(types)));
            merged.put(region, copy);
        });
        other.figures.forEach((region, items) -> items.forEach((item, types) -> merged
                .computeIfAbsent(region, r -> new TreeMap<>())
                .computeIfAbsent(item, i -> new TreeMap<>())
                .putAll(types)));
        String latest = other.date.compareTo(date) > 0 ? other.date : date;
        return new PriceTable(latest, origin + ", extended by " + other.origin, false, merged);
    }

    /** The date of the table (of the newer one, once extended). */
    public String date() {
        return date;
    }

    /** What the figures come from, for the report: {@code embedded price table of 2026-11-22}. */
    public String origin() {
        return origin;
    }

    /** A single-figure item's price in {@code region}, or {@code us-east-1}'s; empty when neither is known. */
    public Optional<Price> price(String region, String item) {
        return price(region, item, SINGLE);
    }

    /** The price of {@code type} (an instance class, node type, ...) in {@code region}, or {@code us-east-1}'s. */
    public Optional<Price> price(String region, String item, String type) {
        String name = type == null ? "" : type;
        for (String where : List.of(region, FALLBACK_REGION)) {
            Figure figure = figures.getOrDefault(where, Map.of()).getOrDefault(item, Map.of()).get(name);
            if (figure != null) {
                return Optional.of(new Price(figure.usd(), item, name, where, region, figure.source(), figure.date()));
            }
        }
        return Optional.empty();
    }

    /** Evidence for a figure that is not in the table: what is missing and how to add it. */
    public static String unknownNote(String item, String type) {
        return "unknown: the price table has no figure for " + item + (type == null || type.isEmpty() ? "" : " " + type)
                + " (add one with --prices FILE)";
    }

    /** Rounds to cents, as the report shows money. */
    public static double cents(double usd) {
        return Math.round(usd * 100) / 100.0;
    }

    @Override
    public String toString() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        figures.forEach((region, items) -> counts.put(region, items.values().stream().mapToInt(Map::size).sum()));
        return origin + " " + counts;
    }
}
