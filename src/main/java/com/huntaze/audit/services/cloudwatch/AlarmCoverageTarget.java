package com.huntaze.audit.services.cloudwatch;

import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.services.AuditService.Contributions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A kind of resource {@code cloudwatch.alarm-coverage} judges, contributed by the service that owns the resource
 * (an {@link com.huntaze.audit.services.AuditService#contributions()} entry): so a new service adds a kind without
 * touching the coverage check. The kind's name is its key under the config file's {@code alarmCoverage.required}.
 *
 * <p>Most kinds read only their own service's datasets (the six-argument constructor). A kind that depends on what
 * other services contribute (SQS: a queue is a dead-letter queue when an EventBridge target or an SNS subscription
 * names it) takes the {@link Contributions} in {@link #requires} and {@link #resources}: the coverage check passes
 * them in.
 *
 * @param kind            the config key, e.g. {@code rdsInstance}
 * @param namespace       the CloudWatch namespace of its metrics, e.g. {@code AWS/RDS}
 * @param requires        the datasets {@link #resources} reads, given the contributions of all services
 * @param defaultRequired the metrics each resource needs an alarm on unless the config file says otherwise: each
 *                        requirement a list of alternatives, in preference order (the first is the one suggested)
 * @param templates       how to alarm on each metric, for the ready {@code put-metric-alarm} line of a NOK; a metric
 *                        without one gets a generic line whose threshold the user fills in
 * @param resources       the resources of this kind in a region, given the contributions of all services
 */
public record AlarmCoverageTarget(String kind, String namespace, Function<Contributions, Set<Dataset<?>>> requires,
                                  List<List<String>> defaultRequired, Map<String, AlarmTemplate> templates,
                                  BiFunction<CheckContext, Contributions, List<Resource>> resources) {

    public AlarmCoverageTarget {
        defaultRequired = defaultRequired.stream().map(List::copyOf).toList();
        templates = Map.copyOf(templates);
    }

    /** A kind whose resources come from its own datasets alone ({@code requires}), whatever other services contribute. */
    public AlarmCoverageTarget(String kind, String namespace, Set<Dataset<?>> requires,
                               List<List<String>> defaultRequired, Map<String, AlarmTemplate> templates,
                               Function<CheckContext, List<Resource>> resources) {
        this(kind, namespace, fixed(requires), defaultRequired, templates, (ctx, contributions) -> resources.apply(ctx));
    }

    private static Function<Contributions, Set<Dataset<?>>> fixed(Set<Dataset<?>> requires) {
        Set<Dataset<?>> copy = Set.copyOf(requires);
        return contributions -> copy;
    }

    /**
     * One resource to judge.
     *
     * @param dimensions the dimensions an alarm on the resource as a whole carries
     * @param parts      the nodes that, each with its own alarm, also cover it (a replication group's members);
     *                   empty when there are none
     * @param thresholds per-resource thresholds for the suggested alarms, by metric (FreeStorageSpace: a tenth of
     *                   the instance's storage), overriding the templates'
     */
    public record Resource(String resourceType, String id, String arn, Map<String, String> dimensions,
                           List<Part> parts, Map<String, String> thresholds) {

        public Resource {
            // in the order given: the suggested put-metric-alarm lines name them so
            dimensions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(dimensions));
            parts = List.copyOf(parts);
            thresholds = Map.copyOf(thresholds);
        }

        public static Resource of(String resourceType, String id, String arn, Map<String, String> dimensions) {
            return new Resource(resourceType, id, arn, dimensions, List.of(), Map.of());
        }
    }

    /** A node whose alarms together with its siblings' cover the resource. */
    public record Part(String id, Map<String, String> dimensions) {
    }

    /**
     * How to alarm on a metric: statistic ({@code --statistic Average} or {@code --extended-statistic p95}), period,
     * evaluation periods, threshold and direction, and whether missing data is the good case. Thresholds are starting
     * points a team tunes.
     */
    public record AlarmTemplate(String statistic, int period, int evaluationPeriods, String threshold,
                                String comparison, boolean missingIsOk) {

        public static final String ABOVE = "GreaterThanOrEqualToThreshold";
        public static final String BELOW = "LessThanOrEqualToThreshold";

        public static AlarmTemplate average(int period, int evaluationPeriods, String threshold, String comparison) {
            return new AlarmTemplate("--statistic Average", period, evaluationPeriods, threshold, comparison, false);
        }

        public static AlarmTemplate of(String statistic, int period, int evaluationPeriods, String threshold,
                                       String comparison) {
            return new AlarmTemplate(statistic, period, evaluationPeriods, threshold, comparison, false);
        }
    }
}
