package com.huntaze.audit.services.cloudwatch;

import com.huntaze.audit.services.elbv2.Elbv2Datasets;
import com.huntaze.audit.services.ecs.EcsDatasets;
import com.huntaze.audit.services.elasticache.ElastiCacheDatasets;
import com.huntaze.audit.services.rds.RdsDatasets;

import com.huntaze.audit.engine.AlarmCoverageSettings;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.SettingsSection;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.services.elasticache.CacheCluster;
import com.huntaze.audit.services.elasticache.CacheReplicationGroup;
import com.huntaze.audit.services.rds.DbInstance;
import com.huntaze.audit.services.ecs.EcsService;
import com.huntaze.audit.services.elbv2.LoadBalancer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * cloudwatch.alarm-coverage: every production resource of the kinds below has a metric alarm on each metric that
 * warns before an outage, matched by namespace, metric name and the resource's dimension (an alarm with more
 * dimensions, or a metric-math alarm reading the metric, counts too):
 * <ul>
 *   <li>ECS service (ClusterName + ServiceName): CPUUtilization, MemoryUtilization;</li>
 *   <li>RDS instance (DBInstanceIdentifier): CPUUtilization, FreeStorageSpace; an Aurora instance has no
 *       FreeStorageSpace (the cluster volume grows by itself), so it needs FreeLocalStorage instead;</li>
 *   <li>ElastiCache Redis OSS/Valkey replication group or standalone cluster: EngineCPUUtilization or
 *       CPUUtilization, and DatabaseMemoryUsagePercentage, on the group (ReplicationGroupId) or on every node
 *       (CacheClusterId): an alarm on the primary alone goes blind after a failover;</li>
 *   <li>application load balancer (LoadBalancer = app/NAME/ID): HTTPCode_ELB_5XX_Count or
 *       HTTPCode_Target_5XX_Count, and TargetResponseTime.</li>
 * </ul>
 * The config file's {@code alarmCoverage:} section narrows the resources (name globs) and changes the requirements
 * per kind. A NOK's remediation carries one ready {@code aws cloudwatch put-metric-alarm} line per missing alarm.
 */
public final class CloudWatchAlarmCoverageCheck implements Check {

    /** What each kind needs alarms on unless the config file says otherwise; alternatives in preference order. */
    public static final Map<String, List<List<String>>> DEFAULT_REQUIRED = defaults();

    private static Map<String, List<List<String>>> defaults() {
        Map<String, List<List<String>>> required = new LinkedHashMap<>();
        required.put(AlarmCoverageSettings.ECS_SERVICE, List.of(List.of("CPUUtilization"), List.of("MemoryUtilization")));
        required.put(AlarmCoverageSettings.RDS_INSTANCE, List.of(List.of("CPUUtilization"), List.of("FreeStorageSpace")));
        required.put(AlarmCoverageSettings.AURORA_INSTANCE,
                List.of(List.of("CPUUtilization"), List.of("FreeLocalStorage")));
        required.put(AlarmCoverageSettings.ELASTICACHE, List.of(List.of("EngineCPUUtilization", "CPUUtilization"),
                List.of("DatabaseMemoryUsagePercentage")));
        required.put(AlarmCoverageSettings.ALB, List.of(List.of("HTTPCode_ELB_5XX_Count", "HTTPCode_Target_5XX_Count"),
                List.of("TargetResponseTime")));
        return java.util.Collections.unmodifiableMap(required);
    }

    /** The config file's {@code alarmCoverage:} section; its {@code required:} takes the kinds of {@link #kinds()}. */
    private final SettingsSection<AlarmCoverageSettings> section = AlarmCoverageSettings.section(this::kinds);

    /** The resource kinds this check judges, as the config file's {@code alarmCoverage.required} names them. */
    public Set<String> kinds() {
        return DEFAULT_REQUIRED.keySet();
    }

    @Override
    public List<SettingsSection<?>> settings() {
        return List.of(section);
    }

    /** A node whose alarms together with its siblings' cover the resource (a replication group's members). */
    private record Part(String id, Map<String, String> dimensions) {
    }

    /**
     * One resource to judge.
     *
     * @param whole the dimensions an alarm on the resource as a whole carries
     * @param parts the nodes that, each with its own alarm, also cover it; empty when there are none
     */
    private record Watched(String kind, String resourceType, String id, String arn, String namespace,
                           Map<String, String> whole, List<Part> parts, int allocatedStorageGb) {
    }

    @Override
    public String id() {
        return "cloudwatch.alarm-coverage";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(CloudWatchDatasets.ALARMS, EcsDatasets.SERVICES, RdsDatasets.DB_INSTANCES,
                ElastiCacheDatasets.REPLICATION_GROUPS, ElastiCacheDatasets.CACHE_CLUSTERS,
                Elbv2Datasets.LOAD_BALANCERS);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        List<MetricAlarm> alarms = ctx.get(CloudWatchDatasets.ALARMS).metricAlarms();
        AlarmCoverageSettings settings = ctx.settings(section);
        List<Finding> findings = new ArrayList<>();
        for (Watched w : watched(ctx)) {
            List<List<String>> requirements = settings.requirements(w.kind()).orElse(DEFAULT_REQUIRED.get(w.kind()));
            if (requirements.isEmpty() || !settings.judges(w.id())) {
                continue;
            }
            findings.add(judge(ctx, w, requirements, alarms));
        }
        return findings;
    }

    private static Finding judge(CheckContext ctx, Watched w, List<List<String>> requirements,
                                 List<MetricAlarm> alarms) {
        List<String> covered = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        for (List<String> metrics : requirements) {
            String label = String.join(" or ", metrics);
            List<String> onWhole = matching(alarms, w.namespace(), metrics, w.whole());
            if (!onWhole.isEmpty()) {
                covered.add(label + ": " + String.join(", ", onWhole));
                continue;
            }
            if (w.parts().isEmpty()) {
                missing.add(label);
                commands.add(command(ctx.region(), w, w.id(), metrics.get(0), w.whole()));
                continue;
            }
            Set<String> onParts = new java.util.LinkedHashSet<>();
            List<Part> uncovered = new ArrayList<>();
            for (Part part : w.parts()) {
                List<String> names = matching(alarms, w.namespace(), metrics, part.dimensions());
                if (names.isEmpty()) {
                    uncovered.add(part);
                }
                onParts.addAll(names);
            }
            if (uncovered.isEmpty()) {
                covered.add(label + ": " + String.join(", ", onParts));
                continue;
            }
            missing.add(label + (uncovered.size() == w.parts().size() ? ""
                    : " (no alarm on node" + (uncovered.size() == 1 ? " " : "s ")
                    + uncovered.stream().map(Part::id).collect(Collectors.joining(", ")) + ")"));
            for (Part part : uncovered) {
                commands.add(command(ctx.region(), w, part.id(), metrics.get(0), part.dimensions()));
            }
        }
        Map<String, Object> evidence = new LinkedHashMap<>(Evidence.of("Namespace", w.namespace(),
                "Dimensions", dimensions(w), "Alarms", covered.isEmpty() ? null : covered,
                "Missing", missing.isEmpty() ? null : missing));
        Finding finding;
        if (missing.isEmpty()) {
            finding = ctx.ok(w.id(), w.arn(), "An alarm on each required metric: " + requirements.stream()
                    .map(r -> String.join(" or ", r)).collect(Collectors.joining(", ")) + ".", evidence);
        } else {
            finding = ctx.nok(w.id(), w.arn(), "No alarm on " + String.join(", nor on ", missing) + ": a problem there"
                            + " would reach customers before anyone is told.", evidence)
                    .withRemediation(ctx.metadata().remediation().strip() + "\n" + String.join("\n", commands));
        }
        return finding.withResourceType(w.resourceType());
    }

    /** The names of the alarms that watch one of {@code metrics} of {@code namespace} with {@code dimensions}. */
    private static List<String> matching(List<MetricAlarm> alarms, String namespace, List<String> metrics,
                                         Map<String, String> dimensions) {
        return alarms.stream()
                .filter(a -> a.watchedMetrics().stream().anyMatch(m -> namespace.equals(m.namespace())
                        && metrics.contains(m.metricName())
                        && m.dimensions().entrySet().containsAll(dimensions.entrySet())))
                .map(MetricAlarm::name)
                .distinct()
                .toList();
    }

    private static String dimensions(Watched w) {
        String whole = format(w.whole());
        if (w.parts().isEmpty()) {
            return whole;
        }
        return whole + ", or on every node: " + w.parts().stream().map(p -> format(p.dimensions()))
                .collect(Collectors.joining("; "));
    }

    private static String format(Map<String, String> dimensions) {
        return dimensions.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    // ---- what is watched ----

    private static List<Watched> watched(CheckContext ctx) {
        List<Watched> all = new ArrayList<>();
        for (EcsService s : ctx.get(EcsDatasets.SERVICES)) {
            if (!"ACTIVE".equals(s.status())) {
                continue; // DRAINING or INACTIVE: being deleted
            }
            all.add(new Watched(AlarmCoverageSettings.ECS_SERVICE, "AWS::ECS::Service", s.qualifiedName(), s.arn(),
                    "AWS/ECS", s.metricDimensions(), List.of(), 0));
        }
        for (DbInstance db : ctx.get(RdsDatasets.DB_INSTANCES)) {
            boolean aurora = db.engine() != null && db.engine().startsWith("aurora");
            all.add(new Watched(aurora ? AlarmCoverageSettings.AURORA_INSTANCE : AlarmCoverageSettings.RDS_INSTANCE,
                    "AWS::RDS::DBInstance", db.id(), db.arn(), "AWS/RDS", Map.of("DBInstanceIdentifier", db.id()),
                    List.of(), db.allocatedStorageGb()));
        }
        Set<String> members = new HashSet<>();
        for (CacheReplicationGroup g : ctx.get(ElastiCacheDatasets.REPLICATION_GROUPS)) {
            members.addAll(g.memberClusterIds());
            all.add(new Watched(AlarmCoverageSettings.ELASTICACHE, "AWS::ElastiCache::ReplicationGroup", g.id(),
                    g.arn(), "AWS/ElastiCache", Map.of("ReplicationGroupId", g.id()), g.memberClusterIds().stream()
                    .map(node -> new Part(node, Map.of("CacheClusterId", node))).toList(), 0));
        }
        for (CacheCluster c : ctx.get(ElastiCacheDatasets.CACHE_CLUSTERS)) {
            // Memcached has no DatabaseMemoryUsagePercentage nor EngineCPUUtilization: these requirements are
            // Redis OSS/Valkey ones.
            if (c.isGroupMember(members) || !isRedisOrValkey(c.engine())) {
                continue;
            }
            all.add(new Watched(AlarmCoverageSettings.ELASTICACHE, "AWS::ElastiCache::CacheCluster", c.id(), c.arn(),
                    "AWS/ElastiCache", Map.of("CacheClusterId", c.id()), List.of(), 0));
        }
        for (LoadBalancer lb : ctx.get(Elbv2Datasets.LOAD_BALANCERS)) {
            if ("application".equals(lb.type())) {
                all.add(new Watched(AlarmCoverageSettings.ALB, "AWS::ElasticLoadBalancingV2::LoadBalancer", lb.name(),
                        lb.arn(), "AWS/ApplicationELB", Map.of("LoadBalancer", lb.metricDimension()), List.of(), 0));
            }
        }
        return all;
    }

    private static boolean isRedisOrValkey(String engine) {
        String name = engine == null ? "" : engine.toLowerCase(Locale.ROOT);
        return name.equals("redis") || name.equals("valkey");
    }

    // ---- the put-metric-alarm lines ----

    /**
     * How to alarm on a metric: statistic, period, evaluation periods, threshold and direction. Thresholds are
     * starting points a team tunes: 80% CPU or memory for 15 minutes, 10% storage left, ten 5XX in 5 minutes, a p95
     * response time of a second.
     */
    private record Template(String statistic, int period, int evaluationPeriods, String threshold, String comparison,
                            boolean missingIsOk) {
    }

    private static final String ABOVE = "GreaterThanOrEqualToThreshold";
    private static final String BELOW = "LessThanOrEqualToThreshold";
    private static final long GIB = 1024L * 1024 * 1024;

    private static final Map<String, Template> TEMPLATES = Map.ofEntries(
            Map.entry("AWS/ECS CPUUtilization", new Template("--statistic Average", 300, 3, "80", ABOVE, false)),
            Map.entry("AWS/ECS MemoryUtilization", new Template("--statistic Average", 300, 3, "80", ABOVE, false)),
            Map.entry("AWS/RDS CPUUtilization", new Template("--statistic Average", 300, 3, "80", ABOVE, false)),
            Map.entry("AWS/RDS FreeStorageSpace", new Template("--statistic Minimum", 300, 1, null, BELOW, false)),
            Map.entry("AWS/RDS FreeLocalStorage", new Template("--statistic Minimum", 300, 1,
                    Long.toString(5 * GIB), BELOW, false)),
            Map.entry("AWS/RDS FreeableMemory", new Template("--statistic Minimum", 300, 3,
                    Long.toString(256 * 1024 * 1024L), BELOW, false)),
            Map.entry("AWS/ElastiCache EngineCPUUtilization", new Template("--statistic Average", 300, 3, "80", ABOVE,
                    false)),
            Map.entry("AWS/ElastiCache CPUUtilization", new Template("--statistic Average", 300, 3, "90", ABOVE, false)),
            Map.entry("AWS/ElastiCache DatabaseMemoryUsagePercentage", new Template("--statistic Average", 300, 3, "80",
                    ABOVE, false)),
            // CloudWatch publishes no 5XX datapoint when there is none: missing data is the good case.
            Map.entry("AWS/ApplicationELB HTTPCode_ELB_5XX_Count", new Template("--statistic Sum", 300, 1, "10", ABOVE,
                    true)),
            Map.entry("AWS/ApplicationELB HTTPCode_Target_5XX_Count", new Template("--statistic Sum", 300, 1, "10",
                    ABOVE, true)),
            Map.entry("AWS/ApplicationELB TargetResponseTime", new Template("--extended-statistic p95", 300, 3, "1",
                    ABOVE, false)));

    /** A metric the tool has no template for (named in the config file): the threshold is the user's to set. */
    private static final Template ANY_METRIC = new Template("--statistic Average", 300, 3, "THRESHOLD", ABOVE, false);

    private static String command(String region, Watched w, String alarmSubject, String metric,
                                  Map<String, String> dimensions) {
        Template t = TEMPLATES.getOrDefault(w.namespace() + " " + metric, ANY_METRIC);
        String threshold = t.threshold();
        if (threshold == null) { // FreeStorageSpace: a tenth of the allocated storage, in bytes
            threshold = Long.toString(w.allocatedStorageGb() > 0 ? w.allocatedStorageGb() * GIB / 10 : 10 * GIB);
        }
        return "aws cloudwatch put-metric-alarm --region " + region
                + " --alarm-name " + alarmSubject.replace('/', '-') + "-" + metric
                + " --namespace " + w.namespace() + " --metric-name " + metric
                + " --dimensions " + dimensions.entrySet().stream().map(e -> "Name=" + e.getKey() + ",Value="
                + e.getValue()).collect(Collectors.joining(" "))
                + " " + t.statistic() + " --period " + t.period() + " --evaluation-periods " + t.evaluationPeriods()
                + " --threshold " + threshold + " --comparison-operator " + t.comparison()
                + (t.missingIsOk() ? " --treat-missing-data notBreaching" : "")
                + " --alarm-actions arn:aws:sns:" + region + ":" + account(w.arn()) + ":YOUR-ALERTS-TOPIC";
    }

    /** The account id from the resource's ARN, for the SNS topic's placeholder ARN. */
    private static String account(String arn) {
        String[] parts = arn == null ? new String[0] : arn.split(":");
        return parts.length > 4 && !parts[4].isEmpty() ? parts[4] : "ACCOUNT_ID";
    }
}
