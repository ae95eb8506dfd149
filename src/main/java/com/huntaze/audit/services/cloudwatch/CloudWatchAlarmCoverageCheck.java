package com.huntaze.audit.services.cloudwatch;


import com.huntaze.audit.engine.AlarmCoverageSettings;
import com.huntaze.audit.services.cloudwatch.AlarmCoverageTarget.AlarmTemplate;
import com.huntaze.audit.services.cloudwatch.AlarmCoverageTarget.Part;
import com.huntaze.audit.services.cloudwatch.AlarmCoverageTarget.Resource;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.SettingsSection;
import com.huntaze.audit.inventory.CollectionFailure;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.services.AuditService.Contributions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * cloudwatch.alarm-coverage: every production resource of the kinds the services contribute (see
 * {@link AlarmCoverageTarget}) has a metric alarm on each metric that warns before an outage, matched by namespace,
 * metric name and the resource's dimension (an alarm with more dimensions, or a metric-math alarm reading the metric,
 * counts too). Today's kinds and their defaults, each declared by its service:
 * <ul>
 *   <li>{@code ecsService} (ECS, ClusterName + ServiceName): CPUUtilization, MemoryUtilization;</li>
 *   <li>{@code rdsInstance} (RDS, DBInstanceIdentifier): CPUUtilization, FreeStorageSpace; {@code auroraInstance}: an
 *       Aurora instance has no FreeStorageSpace (the cluster volume grows by itself), so it needs FreeLocalStorage;</li>
 *   <li>{@code elasticache} (Redis OSS/Valkey replication group or standalone cluster): EngineCPUUtilization or
 *       CPUUtilization, and DatabaseMemoryUsagePercentage, on the group (ReplicationGroupId) or on every node
 *       (CacheClusterId): an alarm on the primary alone goes blind after a failover;</li>
 *   <li>{@code alb} (application load balancer, LoadBalancer = app/NAME/ID): HTTPCode_ELB_5XX_Count or
 *       HTTPCode_Target_5XX_Count, and TargetResponseTime;</li>
 *   <li>{@code sqsDeadLetterQueue} (SQS, QueueName): a queue that another queue's RedrivePolicy, an EventBridge
 *       target or an SNS subscription names as its dead-letter queue needs ApproximateNumberOfMessagesVisible;
 *       {@code sqsQueue}: any other queue, ApproximateAgeOfOldestMessage;</li>
 *   <li>{@code sesAccount} (SES, no dimension): each region with SES production access, Reputation.BounceRate and
 *       Reputation.ComplaintRate. Its finding is the region's account-level one (empty resource id), judged
 *       whatever the include and exclude globs say: they name resources.</li>
 *   <li>{@code cloudfrontDistribution} (enabled distribution, DistributionId + Region=Global): 5xxErrorRate, in
 *       us-east-1 only, where CloudFront's metrics are.</li>
 * </ul>
 * The config file's {@code alarmCoverage:} section narrows the resources (name globs) and changes the requirements
 * per kind. A NOK's remediation carries one ready {@code aws cloudwatch put-metric-alarm} line per missing alarm.
 */
public final class CloudWatchAlarmCoverageCheck implements Check {

    private final List<AlarmCoverageTarget> targets;
    private final Contributions contributions;

    /**
     * @param contributions what the services contribute: the kinds of resources judged (each
     *                      {@link AlarmCoverageTarget}), and what those kinds read of other contributions
     */
    public CloudWatchAlarmCoverageCheck(Contributions contributions) {
        this.targets = List.copyOf(contributions.all(AlarmCoverageTarget.class));
        this.contributions = contributions;
    }

    /** The config file's {@code alarmCoverage:} section; its {@code required:} takes the kinds of {@link #kinds()}. */
    private final SettingsSection<AlarmCoverageSettings> section = AlarmCoverageSettings.section(this::kinds);

    /** The kinds judged, as the config file's {@code alarmCoverage.required} names them. */
    public Set<String> kinds() {
        return targets.stream().map(AlarmCoverageTarget::kind).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    @Override
    public List<SettingsSection<?>> settings() {
        return List.of(section);
    }

    /** One resource to judge, with its kind. */
    private record Watched(AlarmCoverageTarget target, Resource resource) {
        String id() {
            return resource.id();
        }

        String namespace() {
            return target.namespace();
        }

        Map<String, String> whole() {
            return resource.dimensions();
        }

        List<Part> parts() {
            return resource.parts();
        }
    }

    @Override
    public String id() {
        return "cloudwatch.alarm-coverage";
    }

    @Override
    public Set<Dataset<?>> requires() {
        Set<Dataset<?>> all = new java.util.LinkedHashSet<>();
        all.add(CloudWatchDatasets.ALARMS);
        targets.forEach(t -> all.addAll(t.requires().apply(contributions)));
        return all;
    }

    /** A kind whose resources could not be read is TODO on its own; the other kinds are still judged. */
    @Override
    public Set<Dataset<?>> tolerates() {
        Set<Dataset<?>> all = new java.util.LinkedHashSet<>(requires());
        all.remove(CloudWatchDatasets.ALARMS);
        return all;
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        List<MetricAlarm> alarms = ctx.get(CloudWatchDatasets.ALARMS).metricAlarms();
        String topic = alertsTopic(alarms);
        AlarmCoverageSettings settings = ctx.settings(section);
        List<Finding> findings = new ArrayList<>();
        for (AlarmCoverageTarget target : targets) {
            List<List<String>> requirements = settings.requirements(target.kind()).orElse(target.defaultRequired());
            if (requirements.isEmpty()) {
                continue;
            }
            java.util.Optional<CollectionFailure> unread = target.requires().apply(contributions).stream()
                    .sorted(java.util.Comparator.comparing(Dataset::id))
                    .map(ctx::failure).flatMap(java.util.Optional::stream).findFirst();
            if (unread.isPresent()) {
                CollectionFailure failure = unread.get();
                findings.add(ctx.todo("", null, "Could not verify the alarms of " + target.kind() + " resources in "
                        + ctx.region() + ": " + failure.action() + " " + failure.reason() + ".",
                        Evidence.of("Kind", target.kind(), "action", failure.action(), "error", failure.error()))
                        .withRemediation(failure.advice()));
                continue;
            }
            for (Resource resource : target.resources().apply(ctx, contributions)) {
                // An account-level resource (empty id) is not named by any glob: always judged.
                if (resource.id().isEmpty() || settings.judges(resource.id())) {
                    findings.add(judge(ctx, new Watched(target, resource), requirements, alarms, topic));
                }
            }
        }
        return findings;
    }

    /** @param topic the SNS topic the ready commands notify ({@link #alertsTopic}, once per region) */
    private static Finding judge(CheckContext ctx, Watched w, List<List<String>> requirements,
                                 List<MetricAlarm> alarms, String topic) {
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
                commands.add(command(ctx.region(), w, w.id(), metrics.get(0), w.whole(), topic));
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
                commands.add(command(ctx.region(), w, part.id(), metrics.get(0), part.dimensions(), topic));
            }
        }
        Map<String, Object> evidence = new LinkedHashMap<>(Evidence.of("Namespace", w.namespace(),
                "Dimensions", dimensions(w), "Alarms", covered.isEmpty() ? null : covered,
                "Missing", missing.isEmpty() ? null : missing));
        Finding finding;
        if (missing.isEmpty()) {
            finding = ctx.ok(w.id(), w.resource().arn(), "An alarm on each required metric: " + requirements.stream()
                    .map(r -> String.join(" or ", r)).collect(Collectors.joining(", ")) + ".", evidence);
        } else {
            finding = ctx.nok(w.id(), w.resource().arn(), "No alarm on " + String.join(", nor on ", missing) + ": a problem there"
                            + " would reach customers before anyone is told.", evidence)
                    .withRemediation(ctx.metadata().remediation().strip() + "\n" + String.join("\n", commands));
        }
        return finding.withResourceType(w.resource().resourceType());
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
            return whole.isEmpty() ? null : whole; // an account-level kind (SES) has no dimension
        }
        return whole + ", or on every node: " + w.parts().stream().map(p -> format(p.dimensions()))
                .collect(Collectors.joining("; "));
    }

    private static String format(Map<String, String> dimensions) {
        return dimensions.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    // ---- the put-metric-alarm lines ----

    /** A metric its kind has no template for (named in the config file): the threshold is the user's to set. */
    private static final AlarmTemplate ANY_METRIC = AlarmTemplate.average(300, 3, "THRESHOLD", AlarmTemplate.ABOVE);

    /**
     * The SNS topic the region's alarms already notify (the one most of them name; the first by ARN on a tie): the
     * ready command sends the new alarm where the team's others go. Null when no alarm notifies a topic.
     */
    static String alertsTopic(List<MetricAlarm> alarms) {
        Map<String, Long> uses = alarms.stream().filter(MetricAlarm::actionsEnabled)
                .flatMap(a -> a.alarmActions().stream()).filter(action -> action.matches("arn:aws[a-z-]*:sns:.*"))
                .collect(Collectors.groupingBy(action -> action, java.util.TreeMap::new, Collectors.counting()));
        return uses.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(null);
    }

    /** @param topic the topic to notify ({@link #alertsTopic}); null: a placeholder ARN the user completes */
    private static String command(String region, Watched w, String alarmSubject, String metric,
                                  Map<String, String> dimensions, String topic) {
        AlarmTemplate t = w.target().templates().getOrDefault(metric, ANY_METRIC);
        String threshold = w.resource().thresholds().getOrDefault(metric, t.threshold());
        // An account-level resource (empty id) names its alarms after the namespace: AWS/SES -> ses-...
        String subject = alarmSubject.isEmpty()
                ? w.namespace().replaceFirst("^AWS/", "").toLowerCase(java.util.Locale.ROOT) : alarmSubject;
        return "aws cloudwatch put-metric-alarm --region " + region
                + " --alarm-name " + subject.replace('/', '-') + "-" + metric
                + " --namespace " + w.namespace() + " --metric-name " + metric
                + (dimensions.isEmpty() ? "" : " --dimensions " + dimensions.entrySet().stream()
                .map(e -> "Name=" + e.getKey() + ",Value=" + e.getValue()).collect(Collectors.joining(" ")))
                + " " + t.statistic() + " --period " + t.period() + " --evaluation-periods " + t.evaluationPeriods()
                + " --threshold " + threshold + " --comparison-operator " + t.comparison()
                + (t.missingIsOk() ? " --treat-missing-data notBreaching" : "")
                + " --alarm-actions " + (topic != null ? topic
                : "arn:aws:sns:" + region + ":" + account(w.resource().arn()) + ":YOUR-ALERTS-TOPIC");
    }

    /** The account id from the resource's ARN, for the SNS topic's placeholder ARN. */
    private static String account(String arn) {
        String[] parts = arn == null ? new String[0] : arn.split(":");
        return parts.length > 4 && !parts[4].isEmpty() ? parts[4] : "ACCOUNT_ID";
    }
}
