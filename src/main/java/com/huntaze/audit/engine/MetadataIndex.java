package com.huntaze.audit.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Every shipped check's metadata in one JSON resource, made at build time ({@link #main}, the pom's
 * {@code process-classes} step) from the YAML files, which stay the one place the metadata is written. Reading 72
 * YAML files costs every command about 60–90 ms of a fresh JVM (SnakeYAML is slow to warm up); one JSON document of
 * the same trees costs about 10. Each entry keeps the CRC-32 of the file it was made from: the registry uses an entry
 * only while its file is unchanged (an IDE that copies the YAML but does not run the build step), and otherwise reads
 * the file itself — the index can make a start faster, never its metadata different.
 */
public final class MetadataIndex {
    /** The index, at the root of the class path. */
    public static final String RESOURCE = "check-metadata-index.json";

    private final Map<String, Entry> entries;

    private MetadataIndex(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /** One metadata file: the CRC-32 of its bytes, its content as a JSON tree. */
    record Entry(long crc32, JsonNode metadata) {
    }

    /**
     * The index on {@code loader}'s class path, parsed with {@code json} (the registry's reader: no mapper of its
     * own to make at start-up); an empty one when there is none (the files are then read).
     */
    static MetadataIndex on(ClassLoader loader, ObjectMapper json) {
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return new MetadataIndex(Map.of());
            }
            Map<String, Entry> entries = new TreeMap<>();
            json.readTree(in).path("checks").fields().forEachRemaining(field -> entries.put(field.getKey(),
                    new Entry(field.getValue().path("crc32").asLong(), field.getValue().path("metadata"))));
            return new MetadataIndex(entries);
        } catch (IOException e) {
            return new MetadataIndex(Map.of()); // unreadable: every file is read instead, as without an index
        }
    }

    /** The tree of {@code resource}'s metadata, when the index holds it and the file is still what it was made from. */
    Optional<JsonNode> metadata(String resource, byte[] file) {
        Entry entry = entries.get(resource);
        return entry != null && entry.crc32() == crc32(file) ? Optional.of(entry.metadata()) : Optional.empty();
    }

    static long crc32(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    /** Writes the index of the metadata files under {@code args[0]} (the build's classes folder) into that folder. */
    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        Path services = classes.resolve("services");
        ObjectMapper json = new ObjectMapper();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ObjectNode checks = json.createObjectNode();
        List<Path> files;
        try (Stream<Path> walk = Files.isDirectory(services) ? Files.walk(services) : Stream.empty()) {
            files = walk.filter(p -> p.getParent().getFileName().toString().equals("checks"))
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path file : files) {
            String resource = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
            byte[] bytes = Files.readAllBytes(file);
            JsonNode tree;
            try {
                tree = (resource.endsWith(".yaml") ? yaml : json).readTree(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("check metadata " + resource + " does not parse: " + e.getMessage(), e);
            }
            ObjectNode entry = checks.putObject(resource);
            entry.put("crc32", crc32(bytes));
            entry.set("metadata", tree);
        }
        ObjectNode index = json.createObjectNode();
        index.put("about", "made at build time from the files it names (MetadataIndex); edit those, not this");
        index.set("checks", checks);
        Files.write(classes.resolve(RESOURCE), json.writeValueAsBytes(index));
        System.out.println("check metadata index: " + files.size() + " files → " + classes.resolve(RESOURCE));
    }
}
