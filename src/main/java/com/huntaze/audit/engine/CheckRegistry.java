package com.huntaze.audit.engine;

import com.huntaze.audit.inventory.MetricData;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.huntaze.audit.inventory.MetricSpec;
import com.huntaze.audit.services.ServiceCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.WeakHashMap;

/**
 * The checks of the services on the class path (see {@link ServiceCatalog}), each paired with its metadata
 * resource {@code services/<service>/checks/<id>.yaml} (or {@code .json}). Validated on load: a check without
 * metadata, metadata that names another id, missing fields or a duplicated id stop the tool.
 */
public final class CheckRegistry {
    private final List<RegisteredCheck> checks;

    private CheckRegistry(List<RegisteredCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    /** The registry of each catalog loaded ({@link #load}): its metadata is read once per run, not per reader. */
    private static final Map<ServiceCatalog, CheckRegistry> LOADED =
            Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * The checks of every service the catalog finds, with their metadata: read once per catalog (a run's check,
     * SARIF and HTML share it) and by one thread at a time (a second caller waits for the first's registry). A load
     * that fails stores nothing: the next caller reads again, and fails as the first did.
     */
    public static CheckRegistry load() {
        ServiceCatalog catalog = ServiceCatalog.current();
        return LOADED.computeIfAbsent(catalog, loaded -> of(loaded.checks()));
    }

    /** A registry of the given checks, each with the metadata found on the class path. */
    public static CheckRegistry of(List<? extends Check> checks) {
        Set<String> ids = new HashSet<>();
        Map<String, MetricSpec<?>> specs = new HashMap<>();
        Map<ClassLoader, MetadataIndex> indexes = new HashMap<>();
        List<RegisteredCheck> registered = new ArrayList<>();
        for (Check check : checks) {
            if (!ids.add(check.id())) {
                throw new CatalogException("duplicate check id " + check.id());
            }
            validateMetrics(check, specs);
            ClassLoader loader = check.getClass().getClassLoader();
            CheckMetadata metadata = readMetadata(check, loader, indexes.computeIfAbsent(loader, l -> MetadataIndex.on(l, Readers.JSON)));
            registered.add(new RegisteredCheck(check, metadata));
        }
        registered.sort(Comparator.comparing((RegisteredCheck c) -> c.metadata().domain())
                .thenComparing(RegisteredCheck::id));
        return new CheckRegistry(registered);
    }

    /** The strict readers of metadata files, made on first use (the YAML one only when a file is not indexed). */
    private static final class Readers {
        static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        /** A YAML file's tree from the index is read with the YAML reader's features. */
        static final ObjectReader YAML_TREE = JSON.readerFor(CheckMetadata.class)
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

        private static final class Yaml {
            static final ObjectMapper INSTANCE = new ObjectMapper(new YAMLFactory())
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        }
    }

    private static CheckMetadata readMetadata(Check check, ClassLoader loader, MetadataIndex index) {
        for (String extension : List.of("yaml", "json")) {
            String resource = metadataResource(check.id(), extension);
            boolean yaml = extension.equals("yaml");
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    continue;
                }
                byte[] file = in.readAllBytes();
                Optional<JsonNode> indexed = index.metadata(resource, file);
                CheckMetadata metadata = indexed.isEmpty()
                        ? (yaml ? Readers.Yaml.INSTANCE : Readers.JSON).readValue(file, CheckMetadata.class)
                        : yaml ? Readers.YAML_TREE.readValue(indexed.get())
                        : Readers.JSON.treeToValue(indexed.get(), CheckMetadata.class);
                validate(check, resource, metadata);
                return metadata;
            } catch (IOException e) {
                throw new CatalogException("cannot read " + resource + ": " + e.getMessage(), e);
            }
        }
        throw new CatalogException("check " + check.id() + " (" + check.getClass().getName()
                + ") has no metadata: add " + metadataResource(check.id(), "yaml"));
    }

    /**
     * Where a check's metadata lives: in its service's resource folder, {@code services/<service>/checks/<id>.yaml}
     * (the service is the id's first part).
     */
    public static String metadataResource(String checkId, String extension) {
        int dot = checkId.indexOf('.');
        String service = dot < 0 ? checkId : checkId.substring(0, dot);
        return "services/" + service + "/checks/" + checkId + "." + extension;
    }

    private static void validate(Check check, String resource, CheckMetadata m) {
        if (!check.id().equals(m.id())) {
            throw new CatalogException(resource + " declares id '" + m.id() + "', expected '" + check.id() + "'");
        }
        List<String> missing = new ArrayList<>();
        if (isBlank(m.title())) missing.add("title");
        if (m.domain() == null) missing.add("domain");
        if (m.severity() == null) missing.add("severity");
        if (isBlank(m.resourceType())) missing.add("resourceType");
        if (isBlank(m.rationale())) missing.add("rationale");
        if (isBlank(m.remediation())) missing.add("remediation");
        if (isBlank(m.verifyCommand())) missing.add("verifyCommand");
        if (!missing.isEmpty()) {
            throw new CatalogException(resource + " lacks " + String.join(", ", missing));
        }
        validateFixCommand(resource, m);
        String[] words = m.verifyCommand().strip().split("\\s+");
        // a repository check (repo.*) verifies with a read-only git command instead
        boolean readOnlyGit = words.length >= 2 && words[0].equals("git")
                && words[1].matches("ls-files|grep|log|show");
        if (!readOnlyGit && (words.length < 3 || !words[0].equals("aws") || !words[2].matches("(describe|list|get)-.+")
                || words[2].equals("get-secret-value"))) {
            throw new CatalogException(resource + ": verifyCommand must be a read-only 'aws SERVICE describe-|list-|get-...'"
                    + " (or 'git ls-files|grep|log|show ...') command, not '" + m.verifyCommand().strip() + "'");
        }
    }

    /** A fix command, or the reason there is none; every parameter one that {@link FixCommandTemplate} knows. */
    private static void validateFixCommand(String resource, CheckMetadata m) {
        if (isBlank(m.fixCommand()) == isBlank(m.noFixCommand())) {
            throw new CatalogException(resource + " needs exactly one of fixCommand (the command that fixes a"
                    + " finding) and noFixCommand (why no command does)");
        }
        for (String key : m.fixCommandFor().keySet()) {
            int eq = key.indexOf('=');
            if (eq >= 0 && !FixCommandTemplate.isKnown(key.substring(0, eq))) {
                throw new CatalogException(resource + ": fixCommandFor key '" + key + "' is neither a resource type"
                        + " nor evidence.KEY=VALUE");
            }
        }
        List<String> templates = new ArrayList<>(m.fixCommandFor().values());
        if (!isBlank(m.fixCommand())) {
            templates.add(m.fixCommand());
        }
        for (String template : templates) {
            for (String parameter : FixCommandTemplate.parameters(template)) {
                if (!FixCommandTemplate.isKnown(parameter)) {
                    throw new CatalogException(resource + ": fixCommand names an unknown parameter {" + parameter
                            + "}: use resourceId, resourceId[N], resourceArn, region, account or evidence.KEY");
                }
            }
        }
    }

    /** A check reads its metrics' datasets, and one spec id means one query across the catalog. */
    private static void validateMetrics(Check check, Map<String, MetricSpec<?>> specs) {
        for (MetricSpec<?> spec : check.metrics()) {
            if (!check.requires().contains(MetricData.DATASET) || !check.requires().contains(spec.resources())) {
                throw new CatalogException("check " + check.id() + " reads metric " + spec.id() + ": it must require "
                        + MetricData.DATASET.id() + " and " + spec.resources().id());
            }
            MetricSpec<?> known = specs.putIfAbsent(spec.id(), spec);
            if (known != null && !known.sameQueryAs(spec)) {
                throw new CatalogException("metric spec id " + spec.id() + " names two different queries: " + known
                        + " and " + spec);
            }
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** All checks, in report order (domain, then id). */
    public List<RegisteredCheck> checks() {
        return checks;
    }

    /**
     * Every threshold the checks declare, by key (sorted): the keys the config file's {@code thresholds:} and
     * {@code --threshold KEY=VALUE} accept. See {@link #thresholdsOf}.
     */
    public Map<String, Threshold> thresholds() {
        return thresholdsOf(checks.stream().map(RegisteredCheck::check).toList());
    }

    /**
     * The thresholds {@code checks} declare, by key (sorted), without reading any metadata (the command line is
     * built from them). Several checks may share one threshold, but one key is one declaration (same default,
     * range, unit and flag), and one flag names one threshold.
     */
    public static Map<String, Threshold> thresholdsOf(Collection<? extends Check> checks) {
        Map<String, Threshold> byKey = new TreeMap<>();
        Map<String, String> flags = new HashMap<>();
        for (Check check : checks) {
            for (Threshold threshold : check.thresholds()) {
                Threshold known = byKey.putIfAbsent(threshold.key(), threshold);
                if (known != null && !known.equals(threshold)) {
                    throw new CatalogException("threshold " + threshold.key() + " is declared twice, differently: "
                            + known + " and " + threshold);
                }
                if (threshold.flag() != null) {
                    String other = flags.putIfAbsent(threshold.flag(), threshold.key());
                    if (other != null && !other.equals(threshold.key())) {
                        throw new CatalogException("flag " + threshold.flag() + " is declared by two thresholds ("
                                + other + " and " + threshold.key() + ")");
                    }
                }
            }
        }
        return byKey;
    }

    /**
     * Every config file section the checks declare ({@link Check#settings()}), by key (sorted): the top-level keys
     * the config file accepts besides its own. One key is one section.
     */
    public Map<String, SettingsSection<?>> settings() {
        Map<String, SettingsSection<?>> byKey = new TreeMap<>();
        for (RegisteredCheck registered : checks) {
            for (SettingsSection<?> section : registered.check().settings()) {
                SettingsSection<?> known = byKey.putIfAbsent(section.key(), section);
                if (known != null && known != section) {
                    throw new CatalogException("config section " + section.key() + " is declared twice (by "
                            + String.join(" and ", readers(section.key())) + ")");
                }
            }
        }
        return byKey;
    }

    /** The ids of the checks that read the threshold or config section {@code key}, in report order. */
    public List<String> readers(String key) {
        return checks.stream()
                .filter(c -> c.check().thresholds().stream().anyMatch(t -> t.key().equals(key))
                        || c.check().settings().stream().anyMatch(s -> s.key().equals(key)))
                .map(RegisteredCheck::id)
                .toList();
    }
}
