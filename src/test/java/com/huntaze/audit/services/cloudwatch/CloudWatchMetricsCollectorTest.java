package com.huntaze.audit.services.cloudwatch;

import com.huntaze.audit.services.rds.RdsDatasets;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.services.Idle;
import com.huntaze.audit.services.rds.RdsIdleInstanceCheck;
import com.huntaze.audit.engine.Threshold;
import com.huntaze.audit.engine.Thresholds;
import com.huntaze.audit.inventory.MetricSpec;
import com.huntaze.audit.services.rds.DbInstance;
import com.huntaze.audit.inventory.MetricData;
import com.huntaze.audit.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;

/** The batching of metric queries into GetMetricData requests, against a fake CloudWatch. */
class CloudWatchMetricsCollectorTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:34:56Z");
    private static final Instant END = Instant.parse("2026-11-22T12:00:00Z");

    /** A fake GetMetricData: records the requests, answers each query with the datapoints {@code answer} gives. */
    private static final class FakeCloudWatch implements Function<GetMetricDataRequest, GetMetricDataResponse> {
        final List<GetMetricDataRequest> requests = new ArrayList<>();
        final Function<MetricDataQuery, List<Map.Entry<Instant, Double>>> answer;

        FakeCloudWatch(Function<MetricDataQuery, List<Map.Entry<Instant, Double>>> answer) {
            this.answer = answer;
        }

        @Override
        public GetMetricDataResponse apply(GetMetricDataRequest request) {
            requests.add(request);
            return GetMetricDataResponse.builder().metricDataResults(request.metricDataQueries().stream().map(q -> {
                List<Map.Entry<Instant, Double>> points = answer.apply(q);
                return MetricDataResult.builder().id(q.id()).statusCode("Complete")
                        .timestamps(points.stream().map(Map.Entry::getKey).toList())
                        .values(points.stream().map(Map.Entry::getValue).toList()).build();
            }).toList()).build();
        }
    }

    private static String instanceOf(MetricDataQuery q) {
        return q.metricStat().metric().dimensions().get(0).value();
    }

    private static List<DbInstance> instances(int n) {
        return IntStream.range(0, n).mapToObj(i -> Fixtures.db("db-" + i).build()).toList();
    }

    private static CloudWatchMetricsCollector.SpecTargets connections(List<DbInstance> instances) {
        return new CloudWatchMetricsCollector.SpecTargets(RdsIdleInstanceCheck.CONNECTIONS,
                RdsIdleInstanceCheck.CONNECTIONS.targets(instances));
    }

    @Test
    void sixHundredResourcesTakeTwoRequestsOf500And100Queries() {
        FakeCloudWatch cloudwatch = new FakeCloudWatch(q -> List.of(Map.entry(END.minus(Duration.ofDays(1)), 3.0)));

        MetricData data = CloudWatchMetricsCollector.read(List.of(connections(instances(600))), Thresholds.defaults(),
                NOW, cloudwatch);

        assertThat(cloudwatch.requests).hasSize(2);
        assertThat(cloudwatch.requests.get(0).metricDataQueries()).hasSize(500);
        assertThat(cloudwatch.requests.get(1).metricDataQueries()).hasSize(100);
        List<String> ids = cloudwatch.requests.stream().flatMap(r -> r.metricDataQueries().stream())
                .map(MetricDataQuery::id).toList();
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("^[a-z][a-zA-Z0-9_]*$"));
        MetricDataQuery first = cloudwatch.requests.get(0).metricDataQueries().get(0);
        assertThat(first.metricStat().metric().namespace()).isEqualTo("AWS/RDS");
        assertThat(first.metricStat().metric().metricName()).isEqualTo("DatabaseConnections");
        assertThat(first.metricStat().stat()).isEqualTo("Maximum");
        assertThat(first.metricStat().period()).isEqualTo(86400);
        assertThat(first.returnData()).isTrue();
        assertThat(cloudwatch.requests.get(0).startTime()).isEqualTo(END.minus(Duration.ofDays(7)));
        assertThat(cloudwatch.requests.get(0).endTime()).isEqualTo(END);
        assertThat(data.series(RdsIdleInstanceCheck.CONNECTIONS, "db-599").values()).containsExactly(3.0);
    }

    @Test
    void fiveHundredQueriesTakeOneRequest() {
        FakeCloudWatch cloudwatch = new FakeCloudWatch(q -> List.of());
        CloudWatchMetricsCollector.read(List.of(connections(instances(500))), Thresholds.defaults(), NOW, cloudwatch);
        assertThat(cloudwatch.requests).hasSize(1);
    }

    @Test
    void nothingToReadSendsNothing() {
        FakeCloudWatch cloudwatch = new FakeCloudWatch(q -> List.of());
        MetricData data = CloudWatchMetricsCollector.read(List.of(connections(List.of())), Thresholds.defaults(), NOW,
                cloudwatch);
        assertThat(cloudwatch.requests).isEmpty();
        assertThat(data.series()).containsOnlyKeys(RdsIdleInstanceCheck.CONNECTIONS.id());
    }

    @Test
    void zeroAndNoDatapointAreDifferentAnswers() {
        FakeCloudWatch cloudwatch = new FakeCloudWatch(q -> instanceOf(q).equals("db-0")
                ? List.of(Map.entry(END.minus(Duration.ofDays(2)), 0.0), Map.entry(END.minus(Duration.ofDays(1)), 0.0))
                : List.of());

        MetricData data = CloudWatchMetricsCollector.read(List.of(connections(instances(2))), Thresholds.defaults(),
                NOW, cloudwatch);

        assertThat(data.series(RdsIdleInstanceCheck.CONNECTIONS, "db-0").values()).containsExactly(0.0, 0.0);
        assertThat(data.series(RdsIdleInstanceCheck.CONNECTIONS, "db-0").max()).isZero();
        assertThat(data.series(RdsIdleInstanceCheck.CONNECTIONS, "db-1").isEmpty()).isTrue();
        assertThat(data.series().get(RdsIdleInstanceCheck.CONNECTIONS.id())).containsKey("db-1");
    }

    @Test
    void nextTokenPagesAreFollowedAndTheirDatapointsJoined() {
        List<GetMetricDataRequest> requests = new ArrayList<>();
        Function<GetMetricDataRequest, GetMetricDataResponse> paged = request -> {
            requests.add(request);
            boolean firstPage = request.nextToken() == null;
            Instant day = END.minus(Duration.ofDays(firstPage ? 3 : 1));
            return GetMetricDataResponse.builder()
                    .metricDataResults(MetricDataResult.builder().id("q0").timestamps(day).values(firstPage ? 1.0 : 2.0)
                            .statusCode(firstPage ? "PartialData" : "Complete").build())
                    .nextToken(firstPage ? "page-2" : null).build();
        };

        MetricData data = CloudWatchMetricsCollector.read(List.of(connections(instances(1))), Thresholds.defaults(),
                NOW, paged);

        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).nextToken()).isEqualTo("page-2");
        assertThat(requests.get(1).metricDataQueries()).isEqualTo(requests.get(0).metricDataQueries());
        assertThat(data.series(RdsIdleInstanceCheck.CONNECTIONS, "db-0").values()).containsExactly(1.0, 2.0);
    }

    @Test
    void specsWithDifferentLookbacksShareOneRequestAndEachKeepsItsOwnWindow() {
        Threshold fortnight = new Threshold("rightsizingDays", 14, "days", 1, 455, null, "test");
        MetricSpec<DbInstance> cpu = MetricSpec.of("rds.cpu.avg", RdsDatasets.DB_INSTANCES, DbInstance::id)
                .metric("AWS/RDS", "CPUUtilization").dimensions(db -> Map.of("DBInstanceIdentifier", db.id()))
                .statistic(MetricSpec.Statistic.Average).lookback(fortnight).build();
        List<Map.Entry<Instant, Double>> fourteenDays = IntStream.rangeClosed(1, 14)
                .mapToObj(d -> Map.entry(END.minus(Duration.ofDays(d)), (double) d)).toList();
        FakeCloudWatch cloudwatch = new FakeCloudWatch(q -> fourteenDays);

        MetricData data = CloudWatchMetricsCollector.read(List.of(connections(instances(1)),
                new CloudWatchMetricsCollector.SpecTargets(cpu, cpu.targets(instances(1)))), Thresholds.defaults(), NOW,
                cloudwatch);

        assertThat(cloudwatch.requests).hasSize(1);
        assertThat(cloudwatch.requests.get(0).metricDataQueries()).hasSize(2);
        assertThat(cloudwatch.requests.get(0).startTime()).isEqualTo(END.minus(Duration.ofDays(14)));
        assertThat(data.series(cpu, "db-0").size()).isEqualTo(14);
        assertThat(data.series(RdsIdleInstanceCheck.CONNECTIONS, "db-0").size()).as("idleDays = 7").isEqualTo(7);
        assertThat(data.series(RdsIdleInstanceCheck.CONNECTIONS, "db-0").timestamps().get(0))
                .isEqualTo(END.minus(Duration.ofDays(7)).toString());
        // The idle window follows --idle-days.
        MetricData longer = CloudWatchMetricsCollector.read(List.of(connections(instances(1))),
                Thresholds.defaults().with(Idle.DAYS, 10), NOW, new FakeCloudWatch(q -> fourteenDays));
        assertThat(longer.series(RdsIdleInstanceCheck.CONNECTIONS, "db-0").size()).isEqualTo(10);
    }

    @Test
    void severalDimensionSetsOfOneResourceMergeIntoItsSeries() {
        MetricSpec<DbInstance> perNode = MetricSpec.of("test.nodes", RdsDatasets.DB_INSTANCES, DbInstance::id)
                .metric("AWS/ElastiCache", "CurrConnections")
                .dimensionSets(db -> List.of(Map.of("CacheClusterId", db.id() + "-001"), Map.of("CacheClusterId", db.id() + "-002")))
                .statistic(MetricSpec.Statistic.Maximum).lookback(Idle.DAYS).build();
        Map<String, Double> byNode = new HashMap<>(Map.of("db-0-001", 0.0, "db-0-002", 4.0));
        FakeCloudWatch cloudwatch = new FakeCloudWatch(q -> List.of(Map.entry(END.minus(Duration.ofDays(1)),
                byNode.get(instanceOf(q)))));

        MetricData data = CloudWatchMetricsCollector.read(List.of(new CloudWatchMetricsCollector.SpecTargets(perNode,
                perNode.targets(instances(1)))), Thresholds.defaults(), NOW, cloudwatch);

        assertThat(cloudwatch.requests.get(0).metricDataQueries()).hasSize(2);
        assertThat(data.series(perNode, "db-0").values()).containsExactlyInAnyOrder(0.0, 4.0);
        assertThat(data.series(perNode, "db-0").max()).isEqualTo(4.0);
    }
}
