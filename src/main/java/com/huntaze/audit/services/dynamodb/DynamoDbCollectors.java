package com.huntaze.audit.services.dynamodb;

import static com.huntaze.audit.collection.AwsCalls.call;

import com.huntaze.audit.collection.CollectionContext;
import com.huntaze.audit.collection.DatasetCollector;
import com.huntaze.audit.collection.ServiceClient;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;

/**
 * DynamoDB: ListTables (100 per page, its maximum), then DescribeTable and DescribeContinuousBackups per table, each
 * its own dataset. A table deleted between the listing and its describe call is left out.
 */
final class DynamoDbCollectors {
    private DynamoDbCollectors() {
    }

    static final ServiceClient<DynamoDbClient, DynamoDbClientBuilder> DYNAMODB =
            ServiceClient.regional("dynamodb", DynamoDbClient::builder);

    static final int MAX_TABLES = 100;

    static final DatasetCollector<List<String>> TABLE_NAMES = new DatasetCollector<>() {
        @Override
        public Dataset<List<String>> dataset() {
            return DynamoDbDatasets.TABLE_NAMES;
        }

        @Override
        public List<String> actions() {
            return List.of("dynamodb:ListTables");
        }

        @Override
        public List<String> collect(CollectionContext context) {
            return call("dynamodb:ListTables", () -> context.client(DYNAMODB)
                    .listTablesPaginator(r -> r.limit(MAX_TABLES)).tableNames().stream().toList());
        }
    };

    static final DatasetCollector<List<DynamoDbTable>> TABLES = new DatasetCollector<>() {
        @Override
        public Dataset<List<DynamoDbTable>> dataset() {
            return DynamoDbDatasets.TABLES;
        }

        @Override
        public List<String> actions() {
            return List.of("dynamodb:DescribeTable");
        }

        @Override
        public List<Dataset<?>> dependsOn() {
            return List.of(DynamoDbDatasets.TABLE_NAMES);
        }

        @Override
        public List<DynamoDbTable> collect(CollectionContext context) {
            DynamoDbClient dynamodb = context.client(DYNAMODB);
            return present(context.forEach(context.dependency(DynamoDbDatasets.TABLE_NAMES),
                    name -> call("dynamodb:DescribeTable", () -> {
                        try {
                            TableDescription t = dynamodb.describeTable(r -> r.tableName(name)).table();
                            return new DynamoDbTable(t.tableName(), t.tableArn(), t.tableStatusAsString(),
                                    Boolean.TRUE.equals(t.deletionProtectionEnabled()),
                                    t.billingModeSummary() == null ? "PROVISIONED"
                                            : t.billingModeSummary().billingModeAsString(),
                                    t.creationDateTime());
                        } catch (ResourceNotFoundException gone) {
                            return null;
                        }
                    })));
        }
    };

    static final DatasetCollector<List<ContinuousBackups>> CONTINUOUS_BACKUPS = new DatasetCollector<>() {
        @Override
        public Dataset<List<ContinuousBackups>> dataset() {
            return DynamoDbDatasets.CONTINUOUS_BACKUPS;
        }

        @Override
        public List<String> actions() {
            return List.of("dynamodb:DescribeContinuousBackups");
        }

        @Override
        public List<Dataset<?>> dependsOn() {
            return List.of(DynamoDbDatasets.TABLE_NAMES);
        }

        @Override
        public List<ContinuousBackups> collect(CollectionContext context) {
            DynamoDbClient dynamodb = context.client(DYNAMODB);
            return present(context.forEach(context.dependency(DynamoDbDatasets.TABLE_NAMES),
                    name -> call("dynamodb:DescribeContinuousBackups", () -> {
                        try {
                            var pitr = dynamodb.describeContinuousBackups(r -> r.tableName(name))
                                    .continuousBackupsDescription().pointInTimeRecoveryDescription();
                            boolean on = pitr != null && "ENABLED".equals(pitr.pointInTimeRecoveryStatusAsString());
                            return new ContinuousBackups(name, arn(context, name),
                                    pitr == null ? "DISABLED" : pitr.pointInTimeRecoveryStatusAsString(),
                                    on ? pitr.recoveryPeriodInDays() : null,
                                    on ? pitr.earliestRestorableDateTime() : null);
                        } catch (TableNotFoundException | ResourceNotFoundException gone) {
                            return null;
                        }
                    })));
        }
    };

    /** A table's ARN (DescribeContinuousBackups does not say it), or null when the account is unknown. */
    static String arn(CollectionContext context, String table) {
        if (context.account() == null) {
            return null;
        }
        String partition = PartitionMetadata.of(Region.of(context.region())).id();
        return "arn:" + partition + ":dynamodb:" + context.region() + ":" + context.account() + ":table/" + table;
    }

    private static <T> List<T> present(List<T> items) {
        return items.stream().filter(Objects::nonNull).toList();
    }
}
