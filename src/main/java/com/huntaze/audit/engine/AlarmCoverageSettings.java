package com.huntaze.audit.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The config file's {@code alarmCoverage:} section: which resources {@code cloudwatch.alarm-coverage} judges, and
 * the metrics a resource kind needs alarms on when the file changes that kind's defaults (the defaults are the
 * check's own).
 *
 * @param include  globs on the resource id ({@code *} any characters, {@code ?} one): only matching resources are
 *                 judged; empty for all
 * @param exclude  globs of resources never judged (applied after {@code include})
 * @param required kind (one the check declares) → its requirements, each a list of alternative metric names (one
 *                 alarm on any of them covers it); an empty list of requirements: that kind is not judged
 */
public record AlarmCoverageSettings(List<String> include, List<String> exclude,
                                    Map<String, List<List<String>>> required) {


    /** The config file's key. */
    public static final String SECTION_KEY = "alarmCoverage";

    /** No section in the file: every resource, the default requirements. */
    public static final AlarmCoverageSettings DEFAULTS = new AlarmCoverageSettings(List.of(), List.of(), Map.of());

    public AlarmCoverageSettings {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        Map<String, List<List<String>>> copy = new LinkedHashMap<>();
        required.forEach((kind, requirements) -> copy.put(kind,
                requirements.stream().map(List::copyOf).toList()));
        required = java.util.Collections.unmodifiableMap(copy);
    }

    /** Whether the resource {@code resourceId} is judged. */
    public boolean judges(String resourceId) {
        boolean in = include.isEmpty() || include.stream().anyMatch(g -> matches(g, resourceId));
        return in && exclude.stream().noneMatch(g -> matches(g, resourceId));
    }

    /** The file's requirements for {@code kind}, or empty when it keeps the check's defaults. */
    public Optional<List<List<String>>> requirements(String kind) {
        return Optional.ofNullable(required.get(kind));
    }

    private static boolean matches(String glob, String resourceId) {
        Pattern pattern = CheckSelection.glob(glob);
        return pattern.matcher(resourceId).matches();
    }

    // ---- the config file's section ----

    /**
     * The {@code alarmCoverage:} section, as the config file declares it.
     *
     * @param kinds the resource kinds {@code required:} accepts: the check's, read when a file is bound
     */
    public static SettingsSection<AlarmCoverageSettings> section(Supplier<? extends Collection<String>> kinds) {
        return new SettingsSection<>(SECTION_KEY, AlarmCoverageSettings.class, DEFAULTS,
                (node, input) -> bind(node, input, kinds.get()),
                "Which resources cloudwatch.alarm-coverage judges (include/exclude globs) and the metrics each kind"
                        + " of resource needs alarms on (required)");
    }

    /**
     * The section as written. A requirement is written as a metric name or as a list of alternative names, so it
     * binds as Object and {@link #requirements} checks it.
     */
    record Written(List<String> include, List<String> exclude, Map<String, List<Object>> required) {
    }

    /** A CloudWatch metric name as AWS namespaces spell them: no spaces, at most 255 characters. */
    private static final Pattern METRIC_NAME = Pattern.compile("[^\\s]{1,255}");

    private static AlarmCoverageSettings bind(JsonNode node, SettingsSection.Input input, Collection<String> known) {
        Written entry = input.read(node, List.of(), Written.class);
        if (entry == null) {
            return DEFAULTS;
        }
        List<String> include = globs(entry.include(), List.of("include"), input);
        List<String> exclude = globs(entry.exclude(), List.of("exclude"), input);
        Map<String, List<List<String>>> required = new LinkedHashMap<>();
        if (entry.required() != null) {
            String kinds = known.isEmpty() ? "(none)" : String.join(", ", new TreeSet<>(known));
            for (Map.Entry<String, List<Object>> kind : entry.required().entrySet()) {
                List<Object> key = List.of("required", kind.getKey());
                if (!known.contains(kind.getKey())) {
                    input.problem(key, "unknown resource kind; known: " + kinds);
                } else if (kind.getValue() == null) {
                    input.problem(key, "needs a list of required metrics (each a metric name or a list of"
                            + " alternatives), or [] to not judge this kind");
                } else {
                    required.put(kind.getKey(), requirements(kind.getValue(), key, input));
                }
            }
        }
        return new AlarmCoverageSettings(include, exclude, required);
    }

    private static List<String> globs(List<String> globs, List<Object> key, SettingsSection.Input input) {
        List<String> valid = new ArrayList<>();
        if (globs == null) {
            return valid;
        }
        for (int i = 0; i < globs.size(); i++) {
            if (globs.get(i) == null || globs.get(i).isBlank()) {
                input.problem(child(key, i), "empty pattern: a resource id or a glob such as prod-* or prod/*");
            } else {
                valid.add(globs.get(i).strip());
            }
        }
        return valid;
    }

    /** Each requirement: a metric name, or a non-empty list of alternative metric names. */
    private static List<List<String>> requirements(List<Object> written, List<Object> key,
                                                   SettingsSection.Input input) {
        List<List<String>> requirements = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            Object requirement = written.get(i);
            List<?> names = requirement instanceof List<?> alternatives ? alternatives
                    : requirement == null ? List.of() : List.of(requirement);
            boolean valid = !names.isEmpty() && names.stream()
                    .allMatch(n -> n instanceof String name && METRIC_NAME.matcher(name.strip()).matches());
            if (valid) {
                requirements.add(names.stream().map(n -> ((String) n).strip()).toList());
            } else {
                input.problem(child(key, i), "expected a metric name (e.g. CPUUtilization) or a list of alternative"
                        + " metric names (e.g. [EngineCPUUtilization, CPUUtilization]), not "
                        + (requirement == null ? "nothing" : SettingsSection.quote(requirement)));
            }
        }
        return requirements;
    }

    private static List<Object> child(List<Object> key, Object name) {
        List<Object> child = new ArrayList<>(key);
        child.add(name);
        return child;
    }
}
