package com.huntaze.audit.inventory;

import com.huntaze.audit.engine.Threshold;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A CloudWatch metric a check needs for each resource of a dataset, e.g. "AWS/RDS DatabaseConnections, daily
 * Maximum, over the last idleDays days, for every DB instance". Checks declare their specs in
 * {@link com.huntaze.audit.engine.Check#metrics()}; the {@code cloudwatch.metrics} collector reads every spec of
 * the selected checks in one batched GetMetricData pass per region, and a check reads the answers back with
 * {@code ctx.get(MetricData.DATASET).series(SPEC, resourceKey)}.
 *
 * <p>The same id always means the same query: two checks that declare a spec with the same id share its data
 * (the registry rejects two different specs under one id).
 *
 * @param <R> the dataset's record type, e.g. {@code DbInstance}
 */
public final class MetricSpec<R> {

    /** CloudWatch statistics, named as the API spells them. */
    public enum Statistic { Average, Maximum, Minimum, Sum, SampleCount }

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*([.-][a-zA-Z0-9]+)*");
    private static final long DAY_SECONDS = Duration.ofDays(1).toSeconds();

    /**
     * The longest lookback there is data for: CloudWatch keeps hourly (and so daily) datapoints for 455 days. A
     * lookback threshold may not accept more.
     */
    public static final int MAX_LOOKBACK_DAYS = 455;

    /** The queries of one resource: its key and one dimension set per CloudWatch metric to read. */
    public record Target(String resourceKey, List<Map<String, String>> dimensionSets) {
    }

    private final String id;
    private final Dataset<List<R>> resources;
    private final Function<R, String> resourceKey;
    private final Predicate<R> appliesTo;
    private final String namespace;
    private final String metricName;
    private final Function<R, List<Map<String, String>>> dimensions;
    private final Statistic statistic;
    private final Duration period;
    private final Threshold lookbackDays;

    private MetricSpec(Builder<R> b) {
        this.id = b.id;
        this.resources = b.resources;
        this.resourceKey = b.resourceKey;
        this.appliesTo = b.appliesTo;
        this.namespace = Objects.requireNonNull(b.namespace, "metric namespace");
        this.metricName = Objects.requireNonNull(b.metricName, "metric name");
        this.dimensions = Objects.requireNonNull(b.dimensions, "dimensions");
        this.statistic = Objects.requireNonNull(b.statistic, "statistic");
        this.period = b.period;
        this.lookbackDays = Objects.requireNonNull(b.lookbackDays, "lookback threshold");
        if (lookbackDays.min() < 1 || lookbackDays.max() > MAX_LOOKBACK_DAYS) {
            throw new IllegalArgumentException("metric spec " + b.id + ": lookback threshold " + lookbackDays.key()
                    + " accepts " + lookbackDays.range() + " days; CloudWatch keeps 1-" + MAX_LOOKBACK_DAYS);
        }
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("metric spec id '" + id + "': lower-case words joined by . or -");
        }
        long seconds = period.toSeconds();
        if (seconds < 60 || seconds % 60 != 0 || DAY_SECONDS % seconds != 0) {
            // Whole minutes (CloudWatch's rule) that divide a day, so that every spec's day-based lookback starts
            // on a period boundary of the one shared GetMetricData time window.
            throw new IllegalArgumentException("metric spec " + id + ": period " + period
                    + " must be whole minutes that divide a day");
        }
    }

    /**
     * Starts a spec. {@code id} is stable and unique, e.g. {@code rds.database-connections.max}; {@code resourceKey}
     * names a resource in the answers (its id or name, as in findings).
     */
    public static <R> Builder<R> of(String id, Dataset<List<R>> resources, Function<R, String> resourceKey) {
        return new Builder<>(id, resources, resourceKey);
    }

    public static final class Builder<R> {
        private final String id;
        private final Dataset<List<R>> resources;
        private final Function<R, String> resourceKey;
        private Predicate<R> appliesTo = r -> true;
        private String namespace;
        private String metricName;
        private Function<R, List<Map<String, String>>> dimensions;
        private Statistic statistic;
        private Duration period = Duration.ofDays(1);
        private Threshold lookbackDays;

        private Builder(String id, Dataset<List<R>> resources, Function<R, String> resourceKey) {
            this.id = Objects.requireNonNull(id);
            this.resources = Objects.requireNonNull(resources);
            this.resourceKey = Objects.requireNonNull(resourceKey);
        }

        /** The metric, as AWS publishes it: {@code metric("AWS/RDS", "DatabaseConnections")}. */
        public Builder<R> metric(String namespace, String metricName) {
            this.namespace = namespace;
            this.metricName = metricName;
            return this;
        }

        /** The dimensions of the resource's one metric, in order: {@code Map.of("DBInstanceIdentifier", id)}. */
        public Builder<R> dimensions(Function<R, Map<String, String>> dimensions) {
            this.dimensions = r -> List.of(dimensions.apply(r));
            return this;
        }

        /**
         * Several metrics per resource, whose datapoints are merged into the resource's one series: e.g. one per
         * node ({@code CacheClusterId}) of an ElastiCache replication group. An empty list: nothing to read.
         */
        public Builder<R> dimensionSets(Function<R, List<Map<String, String>>> dimensionSets) {
            this.dimensions = dimensionSets;
            return this;
        }

        public Builder<R> statistic(Statistic statistic) {
            this.statistic = statistic;
            return this;
        }

        /** The datapoint period (default one day): whole minutes that divide a day. */
        public Builder<R> period(Duration period) {
            this.period = period;
            return this;
        }

        /** How many days back to read: the threshold's value in the audit (e.g. {@code idleDays}). */
        public Builder<R> lookback(Threshold days) {
            this.lookbackDays = days;
            return this;
        }

        /** Only the resources that need the metric (default: all of the dataset). */
        public Builder<R> when(Predicate<R> appliesTo) {
            this.appliesTo = appliesTo;
            return this;
        }

        public MetricSpec<R> build() {
            return new MetricSpec<>(this);
        }
    }

    public String id() {
        return id;
    }

    public Dataset<List<R>> resources() {
        return resources;
    }

    public String namespace() {
        return namespace;
    }

    public String metricName() {
        return metricName;
    }

    public Statistic statistic() {
        return statistic;
    }

    public Duration period() {
        return period;
    }

    public Threshold lookbackDays() {
        return lookbackDays;
    }

    /** {@code AWS/RDS DatabaseConnections (Maximum per 1 day)}, for evidence. */
    public String describe() {
        long seconds = period.toSeconds();
        String per = seconds % DAY_SECONDS == 0 ? seconds / DAY_SECONDS + " day"
                : seconds % 3600 == 0 ? seconds / 3600 + " h" : seconds / 60 + " min";
        return namespace + " " + metricName + " (" + statistic + " per " + per + ")";
    }

    /** The resources of {@code all} that need the metric, each with the dimension sets to query. */
    public List<Target> targets(List<R> all) {
        List<Target> targets = new ArrayList<>();
        for (R resource : all) {
            if (appliesTo.test(resource)) {
                List<Map<String, String>> sets = new ArrayList<>();
                for (Map<String, String> set : dimensions.apply(resource)) {
                    sets.add(new LinkedHashMap<>(set));
                }
                targets.add(new Target(resourceKey.apply(resource), List.copyOf(sets)));
            }
        }
        return targets;
    }

    /** Whether {@code other} asks for the same query (all but the resource functions, which cannot be compared). */
    public boolean sameQueryAs(MetricSpec<?> other) {
        return id.equals(other.id) && resources.equals(other.resources) && namespace.equals(other.namespace)
                && metricName.equals(other.metricName) && statistic == other.statistic
                && period.equals(other.period) && lookbackDays.key().equals(other.lookbackDays.key());
    }

    @Override
    public String toString() {
        return id + " = " + resources.id() + " → " + describe() + " over " + lookbackDays.key();
    }
}
