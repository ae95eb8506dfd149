package com.huntaze.audit.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.huntaze.audit.collection.RegionNames;
import com.huntaze.audit.engine.Attestation;
import com.huntaze.audit.engine.CatalogException;
import com.huntaze.audit.engine.CheckSelection;
import com.huntaze.audit.engine.CheckRegistry;
import com.huntaze.audit.engine.RegisteredCheck;
import com.huntaze.audit.engine.Settings;
import com.huntaze.audit.engine.SettingsSection;
import com.huntaze.audit.engine.Threshold;
import com.huntaze.audit.engine.Thresholds;
import com.huntaze.audit.gate.NamePattern;
import com.huntaze.audit.gate.Suppression;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads and validates the config file ({@code huntaze-audit.yml}). Everything that can be wrong with it is a
 * {@link ConfigException} whose one-line message names the file, the line and the key. What is valid depends on
 * the catalog: the threshold keys and their ranges are those the registered checks declare; the top-level sections
 * besides the loader's own (thresholds, attestations, suppressions) are those the checks declare
 * ({@link SettingsSection}), each bound by its declaration; and only registered {@code manual.*} checks take
 * attestations.
 */
public final class ConfigLoader {

    /** The file read from the current directory when {@code --config} is not given. */
    public static final String DEFAULT_FILE_NAME = "huntaze-audit.yml";

    /** The id prefix of the by-hand checks, the only ones an attestation can name. */
    public static final String ATTESTABLE_PREFIX = "manual.";

    /** The sections the loader reads itself: {@link ConfigFile}'s components. */
    private static final Set<String> OWN_SECTIONS = Set.of("thresholds", "attestations", "suppressions");

    private static final YAMLFactory YAML_FACTORY = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final ObjectMapper YAML = new ObjectMapper(YAML_FACTORY)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT) // "thresholds:" with nothing under it
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private final Map<String, Threshold> thresholds;
    private final Map<String, SettingsSection<?>> sections;
    private final Set<String> checkIds;
    private final Set<String> attestable;
    private final LocalDate today;

    /** @param today the audit's date (UTC): attestations may not be dated after it */
    public ConfigLoader(CheckRegistry registry, LocalDate today) {
        this.thresholds = registry.thresholds();
        this.sections = registry.settings();
        for (String key : sections.keySet()) {
            if (OWN_SECTIONS.contains(key)) {
                throw new CatalogException("config section " + key + " is declared by a check, but the config loader"
                        + " reads it itself");
            }
        }
        this.checkIds = registry.checks().stream().map(RegisteredCheck::id)
                .collect(Collectors.toCollection(TreeSet::new));
        this.attestable = checkIds.stream().filter(id -> id.startsWith(ATTESTABLE_PREFIX))
                .collect(Collectors.toCollection(TreeSet::new));
        this.today = today;
    }

    /**
     * The config file an audit reads: {@code given} when set (it must then exist), else {@value #DEFAULT_FILE_NAME}
     * in {@code workingDirectory} when it is there, else none (null).
     */
    public static Path locate(Path given, Path workingDirectory) {
        if (given != null) {
            return given;
        }
        Path byDefault = workingDirectory.resolve(DEFAULT_FILE_NAME);
        return Files.isRegularFile(byDefault) ? byDefault : null;
    }

    /** Reads and validates {@code file}; named in messages as given. */
    public AuditConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": file not found");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read it ("
                    + (Files.isDirectory(file) ? "it is a directory" : e.getClass().getSimpleName()) + ")");
        }
        return parse(file.toString(), text);
    }

    /** Validates config text; {@code source} names it in messages (a file name, or e.g. "the demo config"). */
    public AuditConfig parse(String source, String text) {
        Map<String, JsonNode> written = new LinkedHashMap<>();
        ConfigFile raw = bind(source, text, written);
        if (raw == null) {
            return new AuditConfig(source, Thresholds.defaults(), List.of(), List.of());
        }
        Problems problems = new Problems(source, text);
        Thresholds values = thresholds(raw, problems);
        List<Attestation> attestations = attestations(raw, problems);
        Settings settings = Settings.NONE;
        for (Map.Entry<String, JsonNode> section : written.entrySet()) {
            settings = bound(settings, sections.get(section.getKey()), section.getValue(), problems);
        }
        List<Suppression> suppressions = suppressions(source, raw, problems);
        problems.throwIfAny();
        return new AuditConfig(source, values, attestations, settings, suppressions);
    }

    /**
     * Binds the file's own sections into a {@link ConfigFile}; the sections checks declare go to {@code sections},
     * as written, for their binders.
     */
    private ConfigFile bind(String source, String text, Map<String, JsonNode> sections) {
        try (JsonParser parser = YAML.createParser(text)) {
            if (parser.nextToken() == null) {
                return null; // empty, or only comments
            }
            return YAML.readerFor(ConfigFile.class).withHandler(new DeclaredSections(sections)).readValue(parser);
        } catch (JsonMappingException e) {
            if (isYamlSyntax(e)) {
                throw new ConfigException(syntaxError(source, text, e)); // met while binding, e.g. resource: *
            }
            List<Object> key = key(e);
            Integer line = new Problems(source, text).lineOf(key);
            throw new ConfigException(format(source, line != null ? line : line(e.getLocation()), key, problem(e)));
        } catch (JsonProcessingException e) {
            throw new ConfigException(syntaxError(source, text, e));
        } catch (IOException e) {
            throw new ConfigException(source + ": cannot read it (" + e.getMessage() + ")");
        }
    }

    private static boolean isYamlSyntax(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.yaml.snakeyaml.error.MarkedYAMLException) {
                return true;
            }
        }
        return false;
    }

    /**
     * A YAML syntax error (or a duplicated key): SnakeYAML knows the offending line better than the parser's
     * position, and the key is the one written on that line, since the parser's own path may end before it.
     */
    private static String syntaxError(String source, String text, JsonProcessingException e) {
        Integer line = line(e.getLocation());
        String problem = firstLine(e.getOriginalMessage());
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.yaml.snakeyaml.error.MarkedYAMLException yaml && yaml.getProblemMark() != null) {
                line = yaml.getProblemMark().getLine() + 1;
                problem = yaml.getProblem();
                break;
            }
        }
        Matcher duplicate = DUPLICATE.matcher(problem);
        if (duplicate.find()) {
            return format(source, line, List.of(duplicate.group(1)), "appears twice in the same mapping");
        }
        if (String.valueOf(context(e)).contains("alias")) {
            // "resource: *" reads as a YAML alias; the glob has to be quoted.
            problem = "a value starting with '*' must be quoted, e.g. \"*\" or \"*-db\"";
        } else {
            problem = "invalid YAML: " + problem + (problem.contains("block") ? " (check the indentation)" : "");
        }
        String[] lines = text.split("\\R", -1);
        List<Object> key = List.of();
        if (line != null && line <= lines.length) {
            Matcher written = KEY_ON_LINE.matcher(lines[line - 1]);
            if (written.find()) {
                key = List.of(written.group(1));
            }
        }
        return format(source, line, key, problem);
    }

    private static String context(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.yaml.snakeyaml.error.MarkedYAMLException yaml) {
                return yaml.getContext();
            }
        }
        return null;
    }

    /** Takes the top-level keys of the sections checks declare out of the binding, keeping their YAML. */
    private final class DeclaredSections extends DeserializationProblemHandler {
        private final Map<String, JsonNode> found;

        DeclaredSections(Map<String, JsonNode> found) {
            this.found = found;
        }

        @Override
        public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
                                             JsonDeserializer<?> deserializer, Object beanOrClass, String key)
                throws IOException {
            boolean topLevel = beanOrClass == ConfigFile.class || beanOrClass instanceof ConfigFile;
            if (!topLevel || !sections.containsKey(key)) {
                return false;
            }
            found.put(key, context.readTree(parser));
            return true;
        }
    }

    /** {@code settings} with {@code section} bound from the file's {@code node}; its defaults when it is empty. */
    private <T> Settings bound(Settings settings, SettingsSection<T> section, JsonNode node, Problems problems) {
        if (node == null || node.isNull() || node.isMissingNode() || (node.isTextual() && node.asText().isEmpty())) {
            return settings; // "alarmCoverage:" with nothing under it
        }
        List<Object> at = List.of(section.key());
        int before = problems.count();
        T value = section.binder().bind(node, new SettingsSection.Input() {
            @Override
            public <W> W read(JsonNode part, List<Object> path, Class<W> type) {
                try {
                    return YAML.treeToValue(part, type);
                } catch (JsonMappingException e) {
                    List<Object> key = child(at, path);
                    key.addAll(key(e));
                    problems.add(key, ConfigLoader.this.problem(e));
                } catch (JsonProcessingException e) {
                    problems.add(child(at, path), firstLine(e.getOriginalMessage()));
                }
                return null;
            }

            @Override
            public void problem(List<Object> path, String problem) {
                problems.add(child(at, path), problem);
            }
        });
        return problems.count() > before || value == null ? settings : settings.with(section, value);
    }

    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '([^']*)'");
    private static final Pattern KEY_ON_LINE = Pattern.compile("^\\s*(?:-\\s+)?([^\\s:#'\"{\\[][^:#]*?)\\s*:(?:\\s|$)");

    private Thresholds thresholds(ConfigFile raw, Problems problems) {
        Thresholds values = Thresholds.defaults();
        if (raw.thresholds() == null) {
            return values;
        }
        for (Map.Entry<String, Integer> entry : raw.thresholds().entrySet()) {
            List<Object> key = List.of("thresholds", entry.getKey());
            Threshold threshold = thresholds.get(entry.getKey());
            if (threshold == null) {
                problems.add(key, "unknown threshold; known: " + String.join(", ", thresholds.keySet()));
            } else if (entry.getValue() == null) {
                problems.add(key, "needs a value (a whole number, " + threshold.min() + " to " + threshold.max()
                        + " " + threshold.unit() + "; default " + threshold.defaultValue() + ")");
            } else if (threshold.problem(entry.getValue()) != null) {
                problems.add(key, threshold.problem(entry.getValue())); // word for word what the flag says
            } else {
                values = values.with(threshold, entry.getValue());
            }
        }
        return values;
    }

    private List<Attestation> attestations(ConfigFile raw, Problems problems) {
        List<Attestation> attestations = new ArrayList<>();
        if (raw.attestations() == null) {
            return attestations;
        }
        for (int i = 0; i < raw.attestations().size(); i++) {
            ConfigFile.AttestationEntry entry = raw.attestations().get(i);
            List<Object> at = List.of("attestations", i);
            if (entry == null) {
                problems.add(at, "empty entry: an attestation needs check, by and date (and a note)");
                continue;
            }
            int before = problems.count();
            if (isBlank(entry.check())) {
                problems.add(child(at, "check"), "missing: the by-hand check done, one of " + list(attestable));
            } else if (!attestable.contains(entry.check())) {
                problems.add(child(at, "check"), checkIds.contains(entry.check())
                        ? quote(entry.check()) + " is verified through the AWS API; only the by-hand checks ("
                        + ATTESTABLE_PREFIX + "*) take attestations"
                        : "unknown check " + quote(entry.check()) + "; attestations name one of " + list(attestable));
            }
            if (isBlank(entry.by())) {
                problems.add(child(at, "by"), "missing: who did it (a name or an email address)");
            }
            LocalDate date = date(entry.date(), child(at, "date"), problems);
            String account = account(entry.account(), child(at, "account"), problems);
            if (problems.count() == before) {
                attestations.add(new Attestation(entry.check(), entry.by().strip(), date,
                        entry.note() == null ? "" : entry.note().strip(), account));
            }
        }
        return attestations;
    }

    // ---- suppressions (accepted risks) ----

    private List<Suppression> suppressions(String source, ConfigFile raw, Problems problems) {
        List<Suppression> suppressions = new ArrayList<>();
        if (raw.suppressions() == null) {
            return suppressions;
        }
        for (int i = 0; i < raw.suppressions().size(); i++) {
            ConfigFile.SuppressionEntry entry = raw.suppressions().get(i);
            List<Object> at = List.of("suppressions", i);
            if (entry == null) {
                problems.add(at, "empty entry: a suppression needs check, resource, reason, by and expires");
                continue;
            }
            int before = problems.count();
            // YAML reads an unquoted *x as an alias, and the parser hands over "x": the glob would silently change.
            for (String field : List.of("check", "resource")) {
                if (problems.writtenAsAlias(child(at, field), field)) {
                    problems.add(child(at, field), "a value starting with '*' must be quoted, e.g. \"*\" or \"*-db\"");
                }
            }
            if (problems.count() > before) {
                continue;
            }
            if (isBlank(entry.check())) {
                problems.add(child(at, "check"), "missing: a check id or glob such as rds.*");
            } else if (checkIds.stream().noneMatch(id -> CheckSelection.glob(entry.check().strip()).matcher(id)
                    .matches())) {
                problems.add(child(at, "check"), "no check matches " + quote(entry.check())
                        + " (see huntaze-audit list-checks)");
            }
            NamePattern resource = null;
            if (isBlank(entry.resource())) {
                problems.add(child(at, "resource"), "missing: the resource id, a glob such as 'orders-*', "
                        + "'re:REGEX', or '*' for every resource of the check");
            } else {
                try {
                    resource = NamePattern.of(entry.resource().strip());
                } catch (IllegalArgumentException e) {
                    problems.add(child(at, "resource"), e.getMessage());
                }
            }
            String region = isBlank(entry.region()) ? null : entry.region().strip();
            if (region != null && !region.equals("global") && !RegionNames.isKnown(region)) {
                problems.add(child(at, "region"), "unknown region " + quote(region)
                        + " (e.g. us-east-1; 'global' for IAM)");
            }
            if (isBlank(entry.reason())) {
                problems.add(child(at, "reason"), "missing: why this risk is accepted");
            }
            if (isBlank(entry.by())) {
                problems.add(child(at, "by"), "missing: who accepted the risk (a name or an email address)");
            }
            LocalDate expires = null;
            if (isBlank(entry.expires())) {
                problems.add(child(at, "expires"), "missing: the last day the suppression applies, as YYYY-MM-DD");
            } else {
                try {
                    expires = LocalDate.parse(entry.expires().strip());
                } catch (DateTimeParseException e) {
                    problems.add(child(at, "expires"), "expected a date as YYYY-MM-DD, not " + quote(entry.expires()));
                }
            }
            String account = account(entry.account(), child(at, "account"), problems);
            if (problems.count() == before) {
                Integer line = problems.lineOf(at);
                suppressions.add(new Suppression(entry.check().strip(), resource, region, entry.reason().strip(),
                        entry.by().strip(), expires, source + (line != null ? ":" + line : ""),
                        account == null ? null : NamePattern.of(account)));
            }
        }
        return suppressions;
    }

    /**
     * An entry's optional {@code account:}: a 12-digit account id, or a glob of one ({@code 2222*}); null when
     * absent. Quoted or not: YAML reads an unquoted 12-digit id as a number, which the binding turns into text.
     */
    private static String account(String text, List<Object> key, Problems problems) {
        if (isBlank(text)) {
            return null;
        }
        String account = text.strip();
        if (!account.matches("[0-9*?]{1,12}") || (!account.contains("*") && !account.contains("?")
                && account.length() != 12)) {
            problems.add(key, "expected an account id (12 digits) or a glob of one such as '2222*', not "
                    + quote(account));
            return null;
        }
        return account;
    }

    private LocalDate date(String text, List<Object> key, Problems problems) {
        if (isBlank(text)) {
            problems.add(key, "missing: the day it was done, as YYYY-MM-DD");
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(key, "expected a date as YYYY-MM-DD, not " + quote(text));
            return null;
        }
        // A day of slack: "today" where the attester lives can be tomorrow in UTC.
        if (date.isAfter(today.plusDays(1))) {
            problems.add(key, date + " is in the future (today is " + today + ")");
            return null;
        }
        return date;
    }

    private static String list(Collection<String> values) {
        return values.isEmpty() ? "(none)" : String.join(", ", values);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static List<Object> child(List<Object> key, Object name) {
        List<Object> child = new ArrayList<>(key);
        child.add(name);
        return child;
    }

    private static List<Object> child(List<Object> key, List<Object> path) {
        List<Object> child = new ArrayList<>(key);
        child.addAll(path);
        return child;
    }

    // ---- messages ----

    static String format(String source, Integer line, List<Object> key, String problem) {
        String message = source + (line != null ? ":" + line : "") + ": " + (key.isEmpty() ? "" : display(key) + ": ")
                + problem;
        return message.replaceAll("\\s*\\R\\s*", " "); // one line, whatever the file contained
    }

    /** A value from the file, quoted for a message: one line, and not too long. */
    static String quote(Object value) {
        return SettingsSection.quote(value);
    }

    /** {@code attestations[0].date}. */
    static String display(List<Object> key) {
        StringBuilder text = new StringBuilder();
        for (Object part : key) {
            if (part instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                text.append(text.length() == 0 ? "" : ".").append(part);
            }
        }
        return text.toString();
    }

    private static List<Object> key(JsonMappingException e) {
        List<Object> key = new ArrayList<>();
        for (JsonMappingException.Reference ref : e.getPath()) {
            key.add(ref.getFieldName() != null ? ref.getFieldName() : (Object) ref.getIndex());
        }
        return key;
    }

    private static List<Object> key(JsonStreamContext context) {
        List<Object> key = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                key.add(0, c.getCurrentName());
            } else if (c.inArray() && c.getCurrentIndex() >= 0) {
                key.add(0, c.getCurrentIndex());
            }
        }
        return key;
    }

    private String problem(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            Set<String> known = unknown.getKnownPropertyIds().stream().map(String::valueOf)
                    .collect(Collectors.toCollection(TreeSet::new));
            if (unknown.getReferringClass() == ConfigFile.class) {
                known.addAll(sections.keySet());
            }
            return "unknown key '" + unknown.getPropertyName() + "'; expected " + String.join(", ", known);
        }
        if (e instanceof InvalidFormatException invalid) {
            return "expected " + describe(invalid.getTargetType()) + ", not " + quote(invalid.getValue());
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "expected " + describe(mismatched.getTargetType());
        }
        return firstLine(e.getOriginalMessage());
    }

    private String describe(Class<?> type) {
        if (type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type == String.class) {
            return "text";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list (entries starting with '- ')";
        }
        if (type == ConfigFile.class) {
            List<String> all = new ArrayList<>(List.of("thresholds", "attestations"));
            all.addAll(sections.keySet());
            all.add("suppressions");
            return "sections such as " + all.stream().map(k -> "'" + k + ":'").collect(Collectors.joining(", "))
                    .replaceFirst(", ([^,]*)$", " and $1");
        }
        return "a mapping ('key: value' lines)";
    }

    private static String firstLine(String message) {
        String line = message == null ? "" : message.strip();
        int end = line.indexOf('\n');
        return end < 0 ? line : line.substring(0, end).strip();
    }

    private static Integer line(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? null : location.getLineNr();
    }

    /** The semantic problems of one file; reported together as one line: the first one, and how many more. */
    private static final class Problems {
        private final String source;
        private final String text;
        private Map<String, Integer> lines;
        private final List<Problem> found = new ArrayList<>();

        private record Problem(Integer line, String message) {
        }

        Problems(String source, String text) {
            this.source = source;
            this.text = text;
        }

        void add(List<Object> key, String problem) {
            Integer line = lineOf(key);
            found.add(new Problem(line, format(source, line, key, problem)));
        }

        int count() {
            return found.size();
        }

        void throwIfAny() {
            if (found.isEmpty()) {
                return;
            }
            List<Problem> sorted = new ArrayList<>(found);
            sorted.sort(Comparator.comparing(p -> p.line() == null ? Integer.MAX_VALUE : p.line()));
            int more = sorted.size() - 1;
            throw new ConfigException(sorted.get(0).message() + (more == 0 ? ""
                    : " (and " + more + " more problem" + (more == 1 ? "" : "s") + ")"));
        }

        /** Whether the value of {@code key} is written {@code field: *...} (unquoted) on its line. */
        boolean writtenAsAlias(List<Object> key, String field) {
            if (lines == null) {
                lines = index(text);
            }
            Integer line = lines.get(display(key));
            String[] all = text.split("\\R", -1);
            return line != null && line <= all.length
                    && Pattern.compile("(^|[\\s{,])" + field + "\\s*:\\s*\\*").matcher(all[line - 1]).find();
        }

        /** The line of {@code key}, or of the nearest enclosing key the file has (a missing field: its entry). */
        Integer lineOf(List<Object> key) {
            if (lines == null) {
                lines = index(text);
            }
            for (int n = key.size(); n > 0; n--) {
                Integer line = lines.get(display(key.subList(0, n)));
                if (line != null) {
                    return line;
                }
            }
            return null;
        }

        /** Every key and list entry of the YAML text → its line. */
        private static Map<String, Integer> index(String text) {
            Map<String, Integer> lines = new HashMap<>();
            try (JsonParser parser = YAML_FACTORY.createParser(text)) {
                for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    JsonStreamContext context = parser.getParsingContext();
                    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                        context = context.getParent(); // the position this container is the value of
                    }
                    if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY || context == null) {
                        continue;
                    }
                    Integer line = line(parser.currentTokenLocation());
                    List<Object> key = key(context);
                    if (line != null && !key.isEmpty()) {
                        lines.putIfAbsent(display(key), line);
                    }
                }
            } catch (IOException e) {
                // Only called on text that parsed once already; without an index, messages just lack a line.
            }
            return lines;
        }
    }
}
