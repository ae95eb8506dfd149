package com.huntaze.audit.it;

import static com.huntaze.audit.testing.ReportFindings.finding;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huntaze.audit.testing.CliRun;
import com.huntaze.audit.testing.Moto;
import com.huntaze.audit.testing.MotoServer;
import com.huntaze.audit.testing.ReportFindings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * The "done when": an account with 600 resources that need metrics in one region (300 DB instances and 300
 * cache clusters, one query each) reads them with 2 GetMetricData requests: 500 queries, then 100, across checks.
 */
@ExtendWith(Moto.class)
class MetricBatchingIT {

    private static final int EACH = 300;

    @Test
    void sixHundredResourcesNeedingMetricsTakeTwoGetMetricDataRequests(MotoServer moto) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (RdsClient rds = moto.configure(RdsClient.builder(), "us-east-1").build();
             ElastiCacheClient cache = moto.configure(ElastiCacheClient.builder(), "us-east-1").build()) {
            List<Future<?>> created = new ArrayList<>();
            for (int i = 0; i < EACH; i++) {
                String n = String.format("%03d", i);
                created.add(pool.submit(() -> rds.createDBInstance(r -> r.dbInstanceIdentifier("db-" + n)
                        .engine("postgres").dbInstanceClass("db.t3.micro").allocatedStorage(20)
                        .masterUsername("admin").masterUserPassword("password123"))));
                created.add(pool.submit(() -> cache.createCacheCluster(r -> r.cacheClusterId("cache-" + n)
                        .engine("redis").cacheNodeType("cache.t3.micro").numCacheNodes(1))));
            }
            for (Future<?> f : created) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        // Two resources with data, whichever request their queries land in: the answers reach their resources. db-299,
        // idle but created just now (moto dates it so), is too new to judge: a TODO that only a datapoint gives (the
        // others' TODO is "no metrics").
        Instant yesterday = Instant.now().minus(Duration.ofDays(1));
        try (CloudWatchClient cloudwatch = moto.configure(CloudWatchClient.builder(), "us-east-1").build()) {
            cloudwatch.putMetricData(r -> r.namespace("AWS/RDS").metricData(d -> d.metricName("DatabaseConnections")
                    .dimensions(x -> x.name("DBInstanceIdentifier").value("db-299")).timestamp(yesterday).value(0.0)));
            cloudwatch.putMetricData(r -> r.namespace("AWS/ElastiCache").metricData(d -> d.metricName("CurrConnections")
                    .dimensions(x -> x.name("CacheClusterId").value("cache-000")).timestamp(yesterday).value(25.0)));
        }

        CliRun run = CliRun.of("check", "--endpoint-url", moto.endpoint().toString(), "--region", "us-east-1",
                "--checks", "rds.idle-instance,elasticache.idle-cluster", "--format", "json");

        JsonNode report = run.json();
        assertThat(report.get("stats").get("apiCalls").get("cloudwatch:GetMetricData").asInt()).as(run.err())
                .isEqualTo(2);
        Map<String, Long> byStatus = ReportFindings.statuses(report, id -> true).values().stream()
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        assertThat(byStatus).isEqualTo(Map.of("TODO", 599L, "OK", 1L));
        assertThat(finding(report, "rds.idle-instance", "us-east-1", "db-299").get("message").asText())
                .startsWith("DB instance created 0 days ago: too new to judge idle");
        assertThat(finding(report, "rds.idle-instance", "us-east-1", "db-298").get("message").asText())
                .contains("no metrics");
        assertThat(finding(report, "elasticache.idle-cluster", "us-east-1", "cache-000").get("status").asText())
                .isEqualTo("OK");
    }
}
