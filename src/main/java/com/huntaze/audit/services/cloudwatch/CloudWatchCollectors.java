package com.huntaze.audit.services.cloudwatch;

import com.huntaze.audit.collection.ServiceClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import com.huntaze.audit.collection.CollectionContext;
import com.huntaze.audit.collection.DatasetCollector;

import static com.huntaze.audit.collection.AwsCalls.call;

import com.huntaze.audit.inventory.Dataset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClientBuilder;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;

/** CloudWatch alarms: one DescribeAlarms walk per region, 100 per page (its maximum), metric and composite alarms. */
final class CloudWatchCollectors {
    private CloudWatchCollectors() {
    }

    static final ServiceClient<CloudWatchClient, CloudWatchClientBuilder> CLOUDWATCH =
            ServiceClient.regional("cloudwatch", CloudWatchClient::builder);

    static final int MAX_RECORDS = 100;

    static final DatasetCollector<CloudWatchAlarms> ALARMS = new DatasetCollector<>() {
        @Override
        public Dataset<CloudWatchAlarms> dataset() {
            return CloudWatchDatasets.ALARMS;
        }

        @Override
        public List<String> actions() {
            return List.of("cloudwatch:DescribeAlarms");
        }

        @Override
        public CloudWatchAlarms collect(CollectionContext context) {
            return call("cloudwatch:DescribeAlarms", () -> {
                List<MetricAlarm> metricAlarms = new ArrayList<>();
                List<CompositeAlarm> compositeAlarms = new ArrayList<>();
                for (DescribeAlarmsResponse page : context.client(CLOUDWATCH).describeAlarmsPaginator(
                        r -> r.maxRecords(MAX_RECORDS).alarmTypes(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM))) {
                    page.metricAlarms().forEach(a -> metricAlarms.add(new MetricAlarm(
                            a.alarmName(),
                            a.alarmArn(),
                            a.namespace(),
                            a.metricName(),
                            dimensions(a.dimensions()),
                            Boolean.TRUE.equals(a.actionsEnabled()),
                            a.alarmActions(),
                            a.okActions(),
                            a.insufficientDataActions(),
                            a.stateValueAsString(),
                            a.metrics().stream().filter(q -> q.metricStat() != null).map(CloudWatchCollectors::watched)
                                    .toList())));
                    page.compositeAlarms().forEach(a -> compositeAlarms.add(new CompositeAlarm(
                            a.alarmName(),
                            a.alarmArn(),
                            a.alarmRule(),
                            Boolean.TRUE.equals(a.actionsEnabled()),
                            a.alarmActions(),
                            a.stateValueAsString())));
                }
                return new CloudWatchAlarms(metricAlarms, compositeAlarms);
            });
        }
    };

    private static MetricAlarm.WatchedMetric watched(MetricDataQuery query) {
        var metric = query.metricStat().metric();
        return new MetricAlarm.WatchedMetric(metric.namespace(), metric.metricName(), dimensions(metric.dimensions()));
    }

    private static Map<String, String> dimensions(List<Dimension> dimensions) {
        Map<String, String> byName = new LinkedHashMap<>();
        dimensions.forEach(d -> byName.put(d.name(), d.value()));
        return byName;
    }
}
