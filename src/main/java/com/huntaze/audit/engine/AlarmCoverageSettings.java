package com.huntaze.audit.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The config file's {@code alarmCoverage:} section: which resources {@code cloudwatch.alarm-coverage} judges, and
 * the metrics a resource kind needs alarms on when the file changes that kind's defaults (the defaults are the
 * check's own).
 *
 * @param include  globs on the resource id ({@code *} any characters, {@code ?} one): only matching resources are
 *                 judged; empty for all
 * @param exclude  globs of resources never judged (applied after {@code include})
 * @param required kind ({@link #KINDS}) → its requirements, each a list of alternative metric names (one alarm on any
 *                 of them covers it); an empty list of requirements: that kind is not judged
 */
public record AlarmCoverageSettings(List<String> include, List<String> exclude,
                                    Map<String, List<List<String>>> required) {

    /** The resource kinds, as the config file names them. */
    public static final String ECS_SERVICE = "ecsService";
    public static final String RDS_INSTANCE = "rdsInstance";
    public static final String AURORA_INSTANCE = "auroraInstance";
    public static final String ELASTICACHE = "elasticache";
    public static final String ALB = "alb";
    public static final String SQS_QUEUE = "sqsQueue";
    public static final String SQS_DEAD_LETTER_QUEUE = "sqsDeadLetterQueue";
    public static final String SES_ACCOUNT = "sesAccount";
    public static final Set<String> KINDS = Set.of(ECS_SERVICE, RDS_INSTANCE, AURORA_INSTANCE, ELASTICACHE, ALB,
            SQS_QUEUE, SQS_DEAD_LETTER_QUEUE, SES_ACCOUNT);

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
}
