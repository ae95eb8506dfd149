package com.huntaze.audit.services.ecs;

import com.huntaze.audit.services.Idle;
import com.huntaze.audit.engine.Check;
import com.huntaze.audit.engine.CheckContext;
import com.huntaze.audit.engine.Evidence;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Threshold;
import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.inventory.MetricSpec;
import com.huntaze.audit.inventory.MetricSpec.Statistic;
import com.huntaze.audit.inventory.MetricData;
import com.huntaze.audit.inventory.MetricSeries;
import com.huntaze.audit.pricing.Price;
import com.huntaze.audit.pricing.PriceTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * ecs.service-rightsizing: a Fargate service running more than one task whose average CPUUtilization and
 * MemoryUtilization over the last {@code rightsizingDays} (14) days both stayed under
 * {@code rightsizingUtilizationPercent} (20%) pays for tasks it does not need: NOK, saving (desiredCount − 1) × the
 * task's monthly Fargate cost (its vCPU and GB × the Fargate prices × 730). Either metric without any datapoint: TODO.
 * Services on EC2 capacity are not judged (their cost is the instances').
 */
public final class EcsServiceRightsizingCheck implements Check {

    /** 1 to 455: a lookback of daily datapoints, at most as far back as CloudWatch keeps them. */
    public static final Threshold RIGHTSIZING_DAYS = new Threshold("rightsizingDays", 14, "days", 1,
            MetricSpec.MAX_LOOKBACK_DAYS, null,
            "Days of ECS CPU and memory utilization ecs.service-rightsizing averages");
    /** 1 to 100: a utilization is a percentage; under 0 nothing is, and under more than 100 everything is. */
    public static final Threshold UTILIZATION_PERCENT = new Threshold("rightsizingUtilizationPercent", 20, "percent",
            1, 100, null,
            "A Fargate service whose average CPU and memory utilization both stay under this percentage is oversized");

    public static final MetricSpec<EcsService> CPU = utilization("ecs.service-cpu.avg", "CPUUtilization");
    public static final MetricSpec<EcsService> MEMORY = utilization("ecs.service-memory.avg", "MemoryUtilization");

    private static MetricSpec<EcsService> utilization(String id, String metric) {
        return MetricSpec.of(id, EcsDatasets.SERVICES, EcsService::qualifiedName)
                .metric("AWS/ECS", metric)
                .dimensions(EcsService::metricDimensions)
                .statistic(Statistic.Average)
                .lookback(RIGHTSIZING_DAYS)
                .when(s -> judged(s) && s.desiredCount() > 1)
                .build();
    }

    @Override
    public String id() {
        return "ecs.service-rightsizing";
    }

    @Override
    public Set<Dataset<?>> requires() {
        return Set.of(EcsDatasets.SERVICES, EcsDatasets.TASK_DEFINITIONS, MetricData.DATASET);
    }

    @Override
    public List<Threshold> thresholds() {
        return List.of(RIGHTSIZING_DAYS, UTILIZATION_PERCENT);
    }

    @Override
    public List<MetricSpec<?>> metrics() {
        return List.of(CPU, MEMORY);
    }

    /** An active service on Fargate (launch type, or a FARGATE / FARGATE_SPOT capacity provider). */
    static boolean judged(EcsService s) {
        return "ACTIVE".equals(s.status()) && ("FARGATE".equals(s.launchType())
                || s.capacityProviders().stream().anyMatch(p -> p.equals("FARGATE") || p.equals("FARGATE_SPOT")));
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        List<EcsService> services = ctx.get(EcsDatasets.SERVICES);
        Map<String, EcsTaskDefinition> taskDefinitions = ctx.get(EcsDatasets.TASK_DEFINITIONS).stream()
                .collect(Collectors.toMap(EcsTaskDefinition::arn, Function.identity(), (a, b) -> a));
        MetricData metrics = ctx.get(MetricData.DATASET);
        int days = ctx.threshold(RIGHTSIZING_DAYS);
        int percent = ctx.threshold(UTILIZATION_PERCENT);
        List<Finding> findings = new ArrayList<>();
        for (EcsService s : services) {
            if (!judged(s)) {
                continue;
            }
            String id = s.qualifiedName();
            if (s.desiredCount() <= 1) {
                findings.add(ctx.ok(id, s.arn(), "Runs " + s.desiredCount() + " task" + (s.desiredCount() == 1 ? ""
                        : "s") + ": none to remove.", Evidence.of("DesiredCount", s.desiredCount())));
                continue;
            }
            MetricSeries cpu = metrics.series(CPU, id);
            MetricSeries memory = metrics.series(MEMORY, id);
            if (cpu.isEmpty() || memory.isEmpty()) {
                String missing = cpu.isEmpty() && memory.isEmpty() ? "CPUUtilization and MemoryUtilization"
                        : cpu.isEmpty() ? "CPUUtilization" : "MemoryUtilization";
                findings.add(ctx.todo(id, s.arn(), "No " + missing + " datapoint in the last " + days
                                + " days: whether it is oversized is unknown (no metrics).",
                        Evidence.of("DesiredCount", s.desiredCount(), "CpuDatapoints", cpu.size(),
                                "MemoryDatapoints", memory.size(), "LookbackDays", days, "Metric", CPU.describe()))
                        .withRemediation("Look at the service's CPUUtilization and MemoryUtilization (AWS/ECS,"
                                + " ClusterName and ServiceName) in the CloudWatch console: a service just created or"
                                + " whose tasks never started has none. Run the audit again once it has metrics."));
                continue;
            }
            double cpuAverage = cpu.average();
            double memoryAverage = memory.average();
            Map<String, Object> evidence = new LinkedHashMap<>(Evidence.of(
                    "DesiredCount", s.desiredCount(), "AverageCpuPercent", round(cpuAverage),
                    "AverageMemoryPercent", round(memoryAverage), "Datapoints", Math.min(cpu.size(), memory.size()),
                    "LookbackDays", days, "UtilizationPercent", percent, "Metric", CPU.describe() + ", "
                            + MEMORY.describe()));
            String usage = "Average CPU " + percent(cpuAverage) + " and memory " + percent(memoryAverage)
                    + " over the last " + days + " days";
            if (cpuAverage >= percent || memoryAverage >= percent) {
                findings.add(ctx.ok(id, s.arn(), usage + " with " + s.desiredCount() + " tasks.", evidence));
                continue;
            }
            double savings = estimate(ctx, s, taskDefinitions.get(s.taskDefinitionArn()), evidence);
            findings.add(ctx.nok(id, s.arn(), usage + ", both under " + percent + "%, with " + s.desiredCount()
                    + " tasks: it pays for tasks it does not use.", evidence).withSavings(savings));
        }
        return findings;
    }

    /**
     * (desiredCount − 1) × (vCPU × vCPU-hour + GB × GB-hour) × 730: what running one task instead of all would save,
     * the most that scaling in can save. Fargate Linux/x86 on-demand prices: Spot, ARM64 and Windows differ, and the
     * evidence says so.
     */
    private static double estimate(CheckContext ctx, EcsService s, EcsTaskDefinition task,
                                   Map<String, Object> evidence) {
        Double vcpus = task == null ? null : task.vcpus();
        Double gb = task == null ? null : task.memoryGb();
        if (task != null) {
            evidence.put("TaskDefinition", task.name());
        }
        if (vcpus == null || gb == null) {
            evidence.put("TaskSize", task == null ? "unknown: task definition " + s.taskDefinitionArn()
                    + " could not be described" : "unknown: the task definition sets no task-level cpu and memory");
            return 0;
        }
        evidence.put("TaskCpu", number(vcpus) + " vCPU");
        evidence.put("TaskMemory", number(gb) + " GB");
        Optional<Price> vcpuHour = ctx.prices().price(ctx.region(), EcsAuditService.FARGATE_VCPU_HOUR);
        Optional<Price> gbHour = ctx.prices().price(ctx.region(), EcsAuditService.FARGATE_GB_HOUR);
        if (vcpuHour.isEmpty() || gbHour.isEmpty()) {
            evidence.put("Price", PriceTable.unknownNote(vcpuHour.isEmpty() ? EcsAuditService.FARGATE_VCPU_HOUR
                    : EcsAuditService.FARGATE_GB_HOUR, null));
            return 0;
        }
        int spare = s.desiredCount() - 1;
        double taskHour = vcpus * vcpuHour.get().usd() + gb * gbHour.get().usd();
        double total = spare * taskHour * PriceTable.HOURS_PER_MONTH;
        evidence.put("Estimate", "(" + s.desiredCount() + " − 1) tasks × (" + number(vcpus) + " vCPU × "
                + Idle.usd(vcpuHour.get().usd()) + "/h + " + number(gb) + " GB × " + Idle.usd(gbHour.get().usd())
                + "/h) × " + PriceTable.HOURS_PER_MONTH + " h = " + Idle.monthly(total));
        List<String> notes = new ArrayList<>();
        if (s.capacityProviders().contains("FARGATE_SPOT")) {
            notes.add("runs on Fargate Spot, up to 70% cheaper than these on-demand prices");
        }
        if (task.cpuArchitecture() != null && !"X86_64".equals(task.cpuArchitecture())) {
            notes.add(task.cpuArchitecture() + " tasks cost about 20% less than these x86 prices");
        }
        if (task.operatingSystemFamily() != null && !"LINUX".equals(task.operatingSystemFamily())) {
            notes.add(task.operatingSystemFamily() + " tasks cost more than these Linux prices, plus a license fee");
        }
        if (!notes.isEmpty()) {
            evidence.put("PriceNote", String.join("; ", notes));
        }
        Idle.priceNotes(evidence, List.of(vcpuHour.get(), gbHour.get()));
        return total;
    }

    private static double round(double percent) {
        return Math.round(percent * 10) / 10.0;
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f%%", value);
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
