package com.huntaze.audit.services.logs;

import com.huntaze.audit.collection.ServiceClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import com.huntaze.audit.collection.CollectionContext;
import com.huntaze.audit.collection.DatasetCollector;

import static com.huntaze.audit.collection.AwsCalls.call;

import com.huntaze.audit.inventory.Dataset;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClientBuilder;

/** CloudWatch Logs: DescribeLogGroups, all pages at its maximum page size (50). */
final class LogsCollectors {
    private LogsCollectors() {
    }

    static final ServiceClient<CloudWatchLogsClient, CloudWatchLogsClientBuilder> LOGS =
            ServiceClient.regional("logs", CloudWatchLogsClient::builder);

    static final int PAGE_SIZE = 50;

    static final DatasetCollector<List<LogGroup>> LOG_GROUPS = new DatasetCollector<>() {
        @Override
        public Dataset<List<LogGroup>> dataset() {
            return LogsDatasets.LOG_GROUPS;
        }

        @Override
        public List<String> actions() {
            return List.of("logs:DescribeLogGroups");
        }

        @Override
        public List<LogGroup> collect(CollectionContext context) {
            return call("logs:DescribeLogGroups", () -> context.client(LOGS)
                    .describeLogGroupsPaginator(r -> r.limit(PAGE_SIZE)).logGroups().stream()
                    .map(g -> new LogGroup(
                            g.logGroupName(),
                            // logGroupArn has no ":*" suffix; older answers only carry arn (with it).
                            g.logGroupArn() != null ? g.logGroupArn()
                                    : g.arn() == null ? null : g.arn().replaceFirst(":\\*$", ""),
                            g.retentionInDays(),
                            g.storedBytes() == null ? 0 : g.storedBytes(),
                            g.logGroupClassAsString()))
                    .toList());
        }
    };
}
