package com.huntaze.audit.services.elasticache;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huntaze.audit.engine.CatalogException;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The support lifecycle of ElastiCache engine major versions: a dated table with a source for each entry, shipped as
 * {@code services/elasticache/engine-lifecycle.json} (like the price table: AWS has no API that says it). A version
 * the table does not list has no announced end of standard support.
 *
 * @param date        the day the table was compiled
 * @param description what it holds
 */
public record ElastiCacheEngineLifecycle(String date, String description, List<Version> versions) {

    static final String RESOURCE = "services/elasticache/engine-lifecycle.json";

    private static volatile ElastiCacheEngineLifecycle embedded;

    public ElastiCacheEngineLifecycle {
        versions = versions == null ? List.of() : List.copyOf(versions);
    }

    /**
     * One major version's dates, each the day as AWS announced it.
     *
     * @param engine                 {@code redis} (Redis OSS), {@code valkey} or {@code memcached}, as DescribeCacheClusters
     *                               names the engine
     * @param majorVersion           {@code 5}; a version is of this major when it is it or starts with it and a dot
     * @param endOfStandardSupport   the last day of standard support
     * @param startOfExtendedSupport the first day Extended Support is billed
     * @param endOfExtendedSupport   the last day of Extended Support (then ElastiCache upgrades the cache); may be null
     * @param source                 where the dates come from (an https URL)
     */
    public record Version(String engine, String majorVersion, String endOfStandardSupport,
                          String startOfExtendedSupport, String endOfExtendedSupport, String source) {

        public LocalDate standardSupportEnds() {
            return LocalDate.parse(endOfStandardSupport);
        }

        public LocalDate extendedSupportStarts() {
            return LocalDate.parse(startOfExtendedSupport);
        }

        /** The last day of Extended Support, or null when the table does not say. */
        public LocalDate extendedSupportEnds() {
            return endOfExtendedSupport == null ? null : LocalDate.parse(endOfExtendedSupport);
        }

        boolean covers(String engineName, String version) {
            return engine.equals(engineName) && (version.equals(majorVersion) || version.startsWith(majorVersion + "."));
        }
    }

    /** The entry for {@code engine}'s {@code version} ({@code 5.0.6} is major {@code 5}), if the table lists it. */
    public Optional<Version> find(String engine, String version) {
        if (engine == null || version == null) {
            return Optional.empty();
        }
        return versions.stream().filter(v -> v.covers(engine, version))
                .max(java.util.Comparator.comparingInt(v -> v.majorVersion().length()));
    }

    /** The table shipped in the jar, read and validated once. @throws CatalogException when it is invalid */
    public static ElastiCacheEngineLifecycle embedded() {
        ElastiCacheEngineLifecycle table = embedded;
        if (table == null) {
            try (InputStream in = ElastiCacheEngineLifecycle.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new CatalogException(RESOURCE + " is missing from the jar");
                }
                table = parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new CatalogException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
            }
            embedded = table;
        }
        return table;
    }

    /** A table from its JSON text, validated. @throws CatalogException naming what is wrong */
    static ElastiCacheEngineLifecycle parse(String json) {
        ElastiCacheEngineLifecycle table;
        try {
            table = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(json, ElastiCacheEngineLifecycle.class);
        } catch (IOException e) {
            throw new CatalogException(RESOURCE + " is not a valid lifecycle table: " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        if (!isDate(table.date())) {
            problems.add("date must be YYYY-MM-DD, not " + table.date());
        }
        for (Version v : table.versions()) {
            String name = v.engine() + " " + v.majorVersion();
            if (v.engine() == null || v.majorVersion() == null || v.majorVersion().isBlank()) {
                problems.add("an entry lacks its engine or majorVersion");
            }
            if (!isDate(v.endOfStandardSupport()) || !isDate(v.startOfExtendedSupport())
                    || (v.endOfExtendedSupport() != null && !isDate(v.endOfExtendedSupport()))) {
                problems.add(name + ": its dates must be YYYY-MM-DD");
            } else if (!v.extendedSupportStarts().isAfter(v.standardSupportEnds())) {
                problems.add(name + ": Extended Support must start after standard support ends");
            }
            if (v.source() == null || !v.source().startsWith("https://")) {
                problems.add(name + ": source must be an https URL");
            }
        }
        if (!problems.isEmpty()) {
            throw new CatalogException(RESOURCE + " is not a valid lifecycle table: " + String.join("; ", problems));
        }
        return table;
    }

    private static boolean isDate(String text) {
        try {
            return text != null && LocalDate.parse(text) != null;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
