package com.huntaze.audit.services.ecs;

import static com.huntaze.audit.services.ecs.EcsServiceRightsizingCheck.CPU;
import static com.huntaze.audit.services.ecs.EcsServiceRightsizingCheck.MEMORY;
import static com.huntaze.audit.testing.Fixtures.daily;
import static com.huntaze.audit.testing.Fixtures.ecsService;
import static com.huntaze.audit.testing.Fixtures.taskDefinition;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.inventory.MetricData;
import com.huntaze.audit.inventory.MetricSeries;
import com.huntaze.audit.testing.CheckHarness;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EcsServiceRightsizingCheckTest {

    /** Fixtures' Fargate services run task definition NAME:3. */
    private static final EcsTaskDefinition API_TASK = taskDefinition("api", 3, "512", "1024");

    private static CheckHarness audit(List<EcsService> services, List<EcsTaskDefinition> tasks,
                                      Map<String, MetricSeries> cpu, Map<String, MetricSeries> memory) {
        return CheckHarness.of(new EcsServiceRightsizingCheck())
                .with(EcsDatasets.SERVICES, services)
                .with(EcsDatasets.TASK_DEFINITIONS, tasks)
                .with(MetricData.DATASET, new MetricData(Map.of(CPU.id(), cpu, MEMORY.id(), memory)));
    }

    private static Finding judge(EcsService service, MetricSeries cpu, MetricSeries memory) {
        return audit(List.of(service), List.of(API_TASK), Map.of(service.qualifiedName(), cpu),
                Map.of(service.qualifiedName(), memory)).finding(service.qualifiedName());
    }

    /** An api service of the prod cluster on another capacity than the fixtures' plain FARGATE launch type. */
    private static EcsService onCapacity(String launchType, List<String> providers, int desired) {
        EcsService s = ecsService("prod", "api").tasks(desired, desired, 0).build();
        return new EcsService(s.name(), s.arn(), s.clusterName(), s.clusterArn(), s.status(), launchType, providers,
                s.desiredCount(), s.runningCount(), s.pendingCount(), s.taskDefinitionArn(), s.awsvpc(),
                s.assignPublicIp(), s.subnets(), s.createdAt(), s.securityGroups());
    }

    @Test
    void lowCpuAndMemoryWithSeveralTasksIsOversizedAndSavesAllButOneTask() {
        Finding f = judge(ecsService("prod", "api").tasks(4, 4, 0).build(), daily(8, 12, 10), daily(15, 14, 16));

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.resourceId()).isEqualTo("prod/api");
        assertThat(f.message()).isEqualTo("Average CPU 10.0% and memory 15.0% over the last 14 days, both under 20%,"
                + " with 4 tasks: it pays for tasks it does not use.");
        // (4 − 1) × (0.5 vCPU × $0.04048 + 1 GB × $0.004445) × 730 = 3 × 0.024685 × 730
        assertThat(f.estimatedMonthlySavingsUsd()).isEqualTo(54.06);
        assertThat(f.evidence()).containsEntry("TaskCpu", "0.5 vCPU").containsEntry("TaskMemory", "1 GB")
                .containsEntry("TaskDefinition", "api:3").containsEntry("AverageCpuPercent", 10.0)
                .containsEntry("Estimate", "(4 − 1) tasks × (0.5 vCPU × $0.04048/h + 1 GB × $0.004445/h) × 730 h"
                        + " = $54.06/month");
    }

    @Test
    void eitherAverageAtTheLimitIsInUse() {
        EcsService api = ecsService("prod", "api").tasks(4, 4, 0).build();
        assertThat(judge(api, daily(10, 10), daily(20, 20)).status()).isEqualTo(Status.OK);
        Finding busyCpu = judge(api, daily(45, 55), daily(5, 5));
        assertThat(busyCpu.status()).isEqualTo(Status.OK);
        assertThat(busyCpu.message()).isEqualTo("Average CPU 50.0% and memory 5.0% over the last 14 days with 4 tasks.");
    }

    @Test
    void aMissingMetricIsUnknownNotIdle() {
        EcsService api = ecsService("prod", "api").tasks(3, 3, 0).build();
        Finding f = judge(api, daily(5, 5), MetricSeries.EMPTY);

        assertThat(f.status()).isEqualTo(Status.TODO);
        assertThat(f.message()).isEqualTo("No MemoryUtilization datapoint in the last 14 days: whether it is oversized"
                + " is unknown (no metrics).");
        assertThat(audit(List.of(api), List.of(API_TASK), Map.of(), Map.of()).finding("prod/api").message())
                .startsWith("No CPUUtilization and MemoryUtilization datapoint");
    }

    @Test
    void aSingleTaskHasNothingToRemoveAndNeedsNoMetric() {
        EcsService single = ecsService("prod", "api").tasks(1, 1, 0).build();

        Finding f = audit(List.of(single), List.of(API_TASK), Map.of(), Map.of()).finding("prod/api");

        assertThat(f.status()).isEqualTo(Status.OK);
        assertThat(f.message()).isEqualTo("Runs 1 task: none to remove.");
        assertThat(CPU.targets(List.of(single))).isEmpty();
    }

    @Test
    void servicesOnEc2CapacityAreNotJudged() {
        EcsService ec2 = onCapacity("EC2", List.of(), 5);
        assertThat(audit(List.of(ec2), List.of(API_TASK), Map.of(), Map.of()).findings()).isEmpty();
        assertThat(CPU.targets(List.of(ec2))).isEmpty();
    }

    @Test
    void fargateSpotIsJudgedAndTheEstimateSaysOnDemandPricesOverstateIt() {
        EcsService spot = onCapacity(null, List.of("FARGATE_SPOT", "FARGATE"), 3);

        Finding f = judge(spot, daily(5), daily(5));

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat((String) f.evidence().get("PriceNote")).contains("Fargate Spot");
    }

    @Test
    void armTasksAndTaskSizesWrittenWithUnitsAreUnderstood() {
        EcsTaskDefinition arm = new EcsTaskDefinition(API_TASK.arn(), "api", 3, "1 vCPU", "2 GB", List.of("FARGATE"),
                "ARM64", "LINUX", List.of());
        EcsService api = ecsService("prod", "api").tasks(2, 2, 0).build();

        Finding f = audit(List.of(api), List.of(arm), Map.of("prod/api", daily(3)), Map.of("prod/api", daily(4)))
                .finding("prod/api");

        // (2 − 1) × (1 × 0.04048 + 2 × 0.004445) × 730
        assertThat(f.estimatedMonthlySavingsUsd()).isEqualTo(36.04);
        assertThat((String) f.evidence().get("PriceNote")).contains("ARM64");
    }

    @Test
    void aTaskDefinitionThatCouldNotBeDescribedStillShowsTheFindingWithoutSavings() {
        Finding f = audit(List.of(ecsService("prod", "api").tasks(3, 3, 0).build()), List.of(),
                Map.of("prod/api", daily(3)), Map.of("prod/api", daily(4))).finding("prod/api");

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.estimatedMonthlySavingsUsd()).isZero();
        assertThat((String) f.evidence().get("TaskSize")).startsWith("unknown: task definition");
    }

    @Test
    void theWindowAndTheLimitAreThresholds() {
        EcsService api = ecsService("prod", "api").tasks(3, 3, 0).build();
        Finding f = audit(List.of(api), List.of(API_TASK), Map.of("prod/api", daily(25)), Map.of("prod/api", daily(25)))
                .threshold(EcsServiceRightsizingCheck.UTILIZATION_PERCENT, 30)
                .threshold(EcsServiceRightsizingCheck.RIGHTSIZING_DAYS, 30)
                .finding("prod/api");

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.message()).contains("over the last 30 days, both under 30%");
    }

    @Test
    void readsAverageUtilizationByClusterAndService() {
        assertThat(new EcsServiceRightsizingCheck().metrics()).containsExactly(CPU, MEMORY);
        Map<String, String> dimensions = new LinkedHashMap<>();
        dimensions.put("ClusterName", "prod");
        dimensions.put("ServiceName", "api");
        assertThat(MEMORY.targets(List.of(ecsService("prod", "api").build()))).singleElement().satisfies(t -> {
            assertThat(t.resourceKey()).isEqualTo("prod/api");
            assertThat(t.dimensionSets()).containsExactly(dimensions);
        });
        assertThat(CPU.describe()).isEqualTo("AWS/ECS CPUUtilization (Average per 1 day)");
        assertThat(CPU.lookbackDays()).isEqualTo(EcsServiceRightsizingCheck.RIGHTSIZING_DAYS);
    }
}
