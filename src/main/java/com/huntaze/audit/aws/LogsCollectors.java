package com.huntaze.audit.aws;

import static com.huntaze.audit.aws.AwsCalls.call;

import com.huntaze.audit.inventory.Dataset;
import com.huntaze.audit.inventory.Datasets;
import com.huntaze.audit.inventory.model.LogGroup;
import java.util.List;

/** CloudWatch Logs: DescribeLogGroups, all pages at its maximum page size (50). */
final class LogsCollectors {
    private LogsCollectors() {
    }

    static final int PAGE_SIZE = 50;

    static final DatasetCollector<List<LogGroup>> LOG_GROUPS = new DatasetCollector<>() {
        @Override
        public Dataset<List<LogGroup>> dataset() {
            return Datasets.LOGS_LOG_GROUPS;
        }

        @Override
        public List<LogGroup> collect(CollectionContext context) {
            return call("logs:DescribeLogGroups", () -> context.aws().logs(context.region())
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
