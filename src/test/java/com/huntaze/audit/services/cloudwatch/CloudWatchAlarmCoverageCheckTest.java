package com.huntaze.audit.services.cloudwatch;

import com.huntaze.audit.services.ServiceCatalog;

import com.huntaze.audit.services.cloudfront.CloudFrontDatasets;
import com.huntaze.audit.services.elbv2.Elbv2Datasets;
import com.huntaze.audit.services.ecs.EcsDatasets;
import com.huntaze.audit.services.elasticache.ElastiCacheDatasets;
import com.huntaze.audit.services.rds.RdsDatasets;
import com.huntaze.audit.services.events.EventRule;
import com.huntaze.audit.services.events.EventTarget;
import com.huntaze.audit.services.events.EventsDatasets;
import com.huntaze.audit.services.ses.SesAccount;
import com.huntaze.audit.services.ses.SesDatasets;
import com.huntaze.audit.services.sns.SnsDatasets;
import com.huntaze.audit.services.sns.SnsSubscription;
import com.huntaze.audit.services.sns.SnsTopicSubscriptions;
import com.huntaze.audit.services.sqs.SqsDatasets;
import com.huntaze.audit.services.sqs.SqsQueue;

import static com.huntaze.audit.testing.Fixtures.alarms;
import static com.huntaze.audit.testing.Fixtures.cacheCluster;
import static com.huntaze.audit.testing.Fixtures.cacheGroup;
import static com.huntaze.audit.testing.Fixtures.db;
import static com.huntaze.audit.testing.Fixtures.ecsService;
import static com.huntaze.audit.testing.Fixtures.loadBalancer;
import static com.huntaze.audit.testing.Fixtures.metricAlarm;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.AlarmCoverageSettings;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.services.elasticache.CacheCluster;
import com.huntaze.audit.services.elasticache.CacheReplicationGroup;
import com.huntaze.audit.services.rds.DbInstance;
import com.huntaze.audit.services.ecs.EcsService;
import com.huntaze.audit.services.elbv2.LoadBalancer;
import com.huntaze.audit.testing.CheckHarness;
import com.huntaze.audit.testing.Fixtures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudWatchAlarmCoverageCheckTest {

    /** SES in the sandbox (the default of these tests: no sesAccount finding) and with production access. */
    private static final SesAccount SANDBOX = new SesAccount(false, true, "HEALTHY", 200, 1, 0);
    private static final SesAccount PRODUCTION = new SesAccount(true, true, "HEALTHY", 50_000, 14, 0);

    /** An account: the given resources (each list may be empty) and metric alarms. */
    private static final class Account {
        final List<EcsService> services = new ArrayList<>();
        final List<DbInstance> instances = new ArrayList<>();
        final List<CacheReplicationGroup> groups = new ArrayList<>();
        final List<CacheCluster> clusters = new ArrayList<>();
        final List<LoadBalancer> loadBalancers = new ArrayList<>();
        final List<MetricAlarm> alarms = new ArrayList<>();
        final List<SqsQueue> queues = new ArrayList<>();
        final List<EventRule> rules = new ArrayList<>();
        final List<SnsTopicSubscriptions> subscriptions = new ArrayList<>();
        SesAccount ses = SANDBOX;

        Account alarm(String name, String namespace, String metric, Map<String, String> dimensions) {
            alarms.add(metricAlarm(name, namespace, metric, dimensions));
            return this;
        }

        CheckHarness harness() {
            return CheckHarness.of(new CloudWatchAlarmCoverageCheck(ServiceCatalog.current()))
                    .with(EcsDatasets.SERVICES, services)
                    .with(RdsDatasets.DB_INSTANCES, instances)
                    .with(ElastiCacheDatasets.REPLICATION_GROUPS, groups)
                    .with(ElastiCacheDatasets.CACHE_CLUSTERS, clusters)
                    .with(Elbv2Datasets.LOAD_BALANCERS, loadBalancers)
                    .with(SqsDatasets.QUEUES, queues)
                    .with(EventsDatasets.RULES, rules)
                    .with(SnsDatasets.ALARM_TOPIC_SUBSCRIPTIONS, subscriptions)
                    .with(com.huntaze.audit.services.lambda.LambdaDatasets.FUNCTIONS, List.of())
                    .with(com.huntaze.audit.services.lambda.LambdaDatasets.EVENT_INVOKE_CONFIGS, List.of())
                    .with(SesDatasets.ACCOUNT, ses)
                    .with(CloudFrontDatasets.DISTRIBUTIONS, List.of())
                    .with(CloudWatchDatasets.ALARMS, alarms(alarms));
        }
    }

    private static Map<String, String> rds(String id) {
        return Map.of("DBInstanceIdentifier", id);
    }

    private static Map<String, String> ecs(String cluster, String service) {
        Map<String, String> dims = new LinkedHashMap<>();
        dims.put("ClusterName", cluster);
        dims.put("ServiceName", service);
        return dims;
    }

    @Test
    void anRdsInstanceWithBothAlarmsIsCovered() {
        Account account = new Account().alarm("db-cpu", "AWS/RDS", "CPUUtilization", rds("orders"))
                .alarm("db-disk", "AWS/RDS", "FreeStorageSpace", rds("orders"));
        account.instances.add(db("orders").build());

        Finding f = account.harness().finding("orders");

        assertThat(f.status()).isEqualTo(Status.OK);
        assertThat(f.resourceType()).isEqualTo("AWS::RDS::DBInstance");
        assertThat(f.message()).isEqualTo("An alarm on each required metric: CPUUtilization, FreeStorageSpace.");
        assertThat(f.evidence()).containsEntry("Alarms", List.of("CPUUtilization: db-cpu", "FreeStorageSpace: db-disk"));
    }

    @Test
    void aMissingAlarmIsNamedWithAReadyCommandSizedToTheInstance() {
        Account account = new Account().alarm("db-cpu", "AWS/RDS", "CPUUtilization", rds("orders"))
                // Same metric, other instance; same name, other namespace: neither covers orders' storage.
                .alarm("other-disk", "AWS/RDS", "FreeStorageSpace", rds("analytics"))
                .alarm("ec2-disk", "AWS/EC2", "FreeStorageSpace", rds("orders"));
        account.instances.add(db("orders").storage(200, "gp3").build());

        Finding f = account.harness().finding("orders");

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.message()).startsWith("No alarm on FreeStorageSpace: ");
        assertThat(f.evidence()).containsEntry("Missing", List.of("FreeStorageSpace"))
                .containsEntry("Dimensions", "DBInstanceIdentifier=orders");
        // 10% of 200 GiB, in bytes
        assertThat(f.remediation()).contains("\naws cloudwatch put-metric-alarm --region us-east-1 --alarm-name"
                + " orders-FreeStorageSpace --namespace AWS/RDS --metric-name FreeStorageSpace --dimensions"
                + " Name=DBInstanceIdentifier,Value=orders --statistic Minimum --period 300 --evaluation-periods 1"
                + " --threshold 21474836480 --comparison-operator LessThanOrEqualToThreshold --alarm-actions"
                + " arn:aws:sns:us-east-1:123456789012:ops"); // the topic the region's alarms already notify
        assertThat(f.remediation().lines().filter(l -> l.startsWith("aws cloudwatch put-metric-alarm"))).hasSize(1);
    }

    @Test
    void theReadyCommandNotifiesTheTopicMostOfTheRegionsEnabledAlarmsNotifyAndAPlaceholderWhenNoneDoes() {
        String oncall = "arn:aws:sns:us-east-1:123456789012:oncall";
        String chat = "arn:aws:sns:us-east-1:123456789012:chat";
        String muted = "arn:aws:sns:us-east-1:123456789012:muted";
        List<MetricAlarm> alarms = List.of(Fixtures.alarm("a", true, oncall), Fixtures.alarm("b", true, oncall, chat),
                Fixtures.alarm("c", true, chat, "arn:aws:automate:us-east-1:ec2:stop"),
                Fixtures.alarm("d", true, oncall), Fixtures.alarm("e", false, muted),
                Fixtures.alarm("f", false, muted), Fixtures.alarm("g", false, muted));

        assertThat(CloudWatchAlarmCoverageCheck.alertsTopic(alarms)).as("disabled alarms and EC2 actions do not count")
                .isEqualTo(oncall);
        assertThat(CloudWatchAlarmCoverageCheck.alertsTopic(List.of(Fixtures.alarm("h", true)))).isNull();

        Account account = new Account();
        account.instances.add(db("orders").build());
        assertThat(account.harness().finding("orders").remediation()).as("no alarm notifies a topic")
                .contains("--alarm-actions arn:aws:sns:us-east-1:123456789012:YOUR-ALERTS-TOPIC");
    }

    @Test
    void anAlarmWithMoreDimensionsOrAMetricMathAlarmCounts() {
        Account account = new Account();
        account.instances.add(db("orders").build());
        account.alarms.add(metricAlarm("db-cpu-by-role", "AWS/RDS", "CPUUtilization",
                Map.of("DBInstanceIdentifier", "orders", "Role", "WRITER")));
        account.alarms.add(new MetricAlarm("disk-math", "arn:aws:cloudwatch:us-east-1:123456789012:alarm:disk-math",
                null, null, null, true, List.of("arn:aws:sns:us-east-1:123456789012:ops"), List.of(), List.of(), "OK",
                List.of(new MetricAlarm.WatchedMetric("AWS/RDS", "FreeStorageSpace", rds("orders")))));

        assertThat(account.harness().finding("orders").status()).isEqualTo(Status.OK);
    }

    @Test
    void anAuroraInstanceNeedsFreeLocalStorageNotFreeStorageSpace() {
        Account account = new Account().alarm("cpu", "AWS/RDS", "CPUUtilization", rds("writer"))
                .alarm("disk", "AWS/RDS", "FreeStorageSpace", rds("writer"));
        account.instances.add(db("writer").cluster("app").build());

        Finding f = account.harness().finding("writer");

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.evidence()).containsEntry("Missing", List.of("FreeLocalStorage"));
        assertThat(f.remediation()).contains("--metric-name FreeLocalStorage").contains("--threshold 5368709120");
    }

    @Test
    void anEcsServiceIsMatchedOnItsClusterAndServiceNames() {
        Account account = new Account().alarm("api-cpu", "AWS/ECS", "CPUUtilization", ecs("prod", "api"))
                .alarm("staging-api-memory", "AWS/ECS", "MemoryUtilization", ecs("staging", "api"));
        account.services.add(ecsService("prod", "api").build());

        Finding f = account.harness().finding("prod/api");

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.resourceType()).isEqualTo("AWS::ECS::Service");
        assertThat(f.message()).startsWith("No alarm on MemoryUtilization:");
        assertThat(f.remediation()).contains("--alarm-name prod-api-MemoryUtilization --namespace AWS/ECS"
                + " --metric-name MemoryUtilization --dimensions Name=ClusterName,Value=prod Name=ServiceName,Value=api"
                + " --statistic Average --period 300 --evaluation-periods 3 --threshold 80");
    }

    @Test
    void aServiceBeingDeletedIsNotJudged() {
        Account account = new Account();
        account.services.add(ecsService("prod", "old").status("DRAINING").build());
        assertThat(account.harness().findings()).isEmpty();
    }

    @Test
    void aReplicationGroupIsCoveredOnTheGroupOrOnEveryNode() {
        Account account = new Account()
                .alarm("cpu-001", "AWS/ElastiCache", "EngineCPUUtilization", Map.of("CacheClusterId", "sessions-001"))
                // Either CPU metric will do for a node.
                .alarm("cpu-002", "AWS/ElastiCache", "CPUUtilization", Map.of("CacheClusterId", "sessions-002"))
                .alarm("memory", "AWS/ElastiCache", "DatabaseMemoryUsagePercentage",
                        Map.of("ReplicationGroupId", "sessions"));
        account.groups.add(cacheGroup("sessions").build());

        Finding f = account.harness().finding("sessions");

        assertThat(f.status()).isEqualTo(Status.OK);
        assertThat(f.resourceType()).isEqualTo("AWS::ElastiCache::ReplicationGroup");
        assertThat(f.evidence()).containsEntry("Alarms", List.of("EngineCPUUtilization or CPUUtilization: cpu-001,"
                + " cpu-002", "DatabaseMemoryUsagePercentage: memory"));
    }

    @Test
    void anAlarmOnThePrimaryAloneLeavesTheOtherNodeUncovered() {
        Account account = new Account()
                .alarm("cpu-001", "AWS/ElastiCache", "EngineCPUUtilization", Map.of("CacheClusterId", "sessions-001"))
                .alarm("memory", "AWS/ElastiCache", "DatabaseMemoryUsagePercentage",
                        Map.of("ReplicationGroupId", "sessions"));
        account.groups.add(cacheGroup("sessions").build());

        Finding f = account.harness().finding("sessions");

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.evidence()).containsEntry("Missing",
                List.of("EngineCPUUtilization or CPUUtilization (no alarm on node sessions-002)"));
        List<String> commands = f.remediation().lines().filter(l -> l.startsWith("aws cloudwatch")).toList();
        assertThat(commands).singleElement().asString().contains("--alarm-name sessions-002-EngineCPUUtilization")
                .contains("Name=CacheClusterId,Value=sessions-002");
    }

    @Test
    void aStandaloneRedisClusterIsJudgedAndMemcachedIsNot() {
        Account account = new Account();
        account.clusters.add(cacheCluster("jobs").build());
        account.clusters.add(cacheCluster("fragments").engine("memcached").build());
        account.clusters.add(cacheCluster("sessions-001").memberOf("sessions").build());

        List<Finding> findings = account.harness().findings();

        assertThat(findings).extracting(Finding::resourceId).containsExactly("jobs");
        Finding jobs = findings.get(0);
        assertThat(jobs.resourceType()).isEqualTo("AWS::ElastiCache::CacheCluster");
        assertThat(jobs.evidence()).containsEntry("Missing", List.of("EngineCPUUtilization or CPUUtilization",
                "DatabaseMemoryUsagePercentage"));
        assertThat(jobs.remediation().lines().filter(l -> l.startsWith("aws cloudwatch"))).hasSize(2);
    }

    @Test
    void anApplicationLoadBalancerNeedsA5xxAndALatencyAlarmAndNetworkOnesAreNotJudged() {
        LoadBalancer web = loadBalancer("web", "application", "internet-facing");
        Account account = new Account()
                .alarm("web-target-5xx", "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count",
                        Map.of("LoadBalancer", "app/web/50dc6c495c0c9188", "TargetGroup", "targetgroup/web/1"));
        account.loadBalancers.add(web);
        account.loadBalancers.add(loadBalancer("tcp", "network", "internet-facing"));

        List<Finding> findings = account.harness().findings();

        assertThat(findings).extracting(Finding::resourceId).containsExactly("web");
        Finding f = findings.get(0);
        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.resourceType()).isEqualTo("AWS::ElasticLoadBalancingV2::LoadBalancer");
        assertThat(f.evidence()).containsEntry("Missing", List.of("TargetResponseTime"));
        assertThat(f.remediation()).contains("--metric-name TargetResponseTime --dimensions"
                + " Name=LoadBalancer,Value=app/web/50dc6c495c0c9188 --extended-statistic p95");
    }

    @Test
    void fiveXxAlarmsTreatMissingDataAsGood() {
        Account account = new Account();
        account.loadBalancers.add(loadBalancer("web", "application", "internet-facing"));

        Finding f = account.harness().finding("web");

        assertThat(f.message()).isEqualTo("No alarm on HTTPCode_ELB_5XX_Count or HTTPCode_Target_5XX_Count, nor on"
                + " TargetResponseTime: a problem there would reach customers before anyone is told.");
        assertThat(f.remediation().lines().filter(l -> l.contains("HTTPCode_ELB_5XX_Count")).findFirst().orElseThrow())
                .contains("--statistic Sum").contains("--treat-missing-data notBreaching");
    }

    @Test
    void theConfigNarrowsTheResourcesByNameGlobs() {
        Account account = new Account();
        account.instances.add(db("prod-orders").build());
        account.instances.add(db("prod-orders-replica-test").build());
        account.instances.add(db("staging-orders").build());
        account.services.add(ecsService("prod", "api").build());
        account.services.add(ecsService("staging", "api").build());

        List<Finding> findings = account.harness().alarmCoverage(new AlarmCoverageSettings(
                List.of("prod-*", "prod/*"), List.of("*-test"), Map.of())).findings();

        assertThat(findings).extracting(Finding::resourceId).containsExactlyInAnyOrder("prod-orders", "prod/api");
    }

    @Test
    void theConfigChangesTheRequirementsOfAKindOrTurnsItOff() {
        Account account = new Account().alarm("cpu", "AWS/RDS", "CPUUtilization", rds("orders"));
        account.instances.add(db("orders").build());
        account.loadBalancers.add(loadBalancer("web", "application", "internet-facing"));

        List<Finding> findings = account.harness().alarmCoverage(new AlarmCoverageSettings(List.of(), List.of(), Map.of(
                "rdsInstance", List.of(List.of("CPUUtilization"), List.of("DatabaseConnections")),
                "alb", List.of()))).findings();

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.resourceId()).isEqualTo("orders");
            assertThat(f.evidence()).containsEntry("Missing", List.of("DatabaseConnections"));
            // No template for a metric the tool does not know: the threshold is left to the user.
            assertThat(f.remediation()).contains("--metric-name DatabaseConnections").contains("--threshold THRESHOLD");
        });
    }

    // ---- SQS queues (sqsQueue, sqsDeadLetterQueue) and the SES account (sesAccount) ----

    private static SqsQueue queue(String name, String deadLetterQueue) {
        return new SqsQueue(name, "arn:aws:sqs:us-east-1:123456789012:" + name,
                deadLetterQueue == null ? null : "arn:aws:sqs:us-east-1:123456789012:" + deadLetterQueue,
                deadLetterQueue == null ? null : 5, 0);
    }

    private static Map<String, String> sqs(String queue) {
        return Map.of("QueueName", queue);
    }

    @Test
    void aDeadLetterQueueNeedsAnAlarmOnVisibleMessagesAndAnyOtherQueueOnItsOldestMessage() {
        Account account = new Account()
                .alarm("orders-age", "AWS/SQS", "ApproximateAgeOfOldestMessage", sqs("orders"))
                .alarm("orders-dlq-visible", "AWS/SQS", "ApproximateNumberOfMessagesVisible", sqs("orders-dlq"))
                // the wrong metric for a dead-letter queue: its age says nothing until it is too late
                .alarm("payments-dlq-age", "AWS/SQS", "ApproximateAgeOfOldestMessage", sqs("payments-dlq"));
        account.queues.addAll(List.of(queue("orders", "orders-dlq"), queue("orders-dlq", null),
                queue("payments", "payments-dlq"), queue("payments-dlq", null), queue("reports", null)));

        assertThat(account.harness().finding("orders").status()).isEqualTo(Status.OK);
        Finding dlq = account.harness().finding("orders-dlq");
        assertThat(dlq.status()).isEqualTo(Status.OK);
        assertThat(dlq.resourceType()).isEqualTo("AWS::SQS::Queue");
        assertThat(dlq.evidence()).containsEntry("Namespace", "AWS/SQS").containsEntry("Dimensions",
                "QueueName=orders-dlq");
        Finding payments = account.harness().finding("payments-dlq");
        assertThat(payments.status()).isEqualTo(Status.NOK);
        assertThat(payments.evidence()).containsEntry("Missing", List.of("ApproximateNumberOfMessagesVisible"));
        assertThat(payments.remediation()).contains("aws cloudwatch put-metric-alarm --region us-east-1 --alarm-name"
                + " payments-dlq-ApproximateNumberOfMessagesVisible --namespace AWS/SQS --metric-name"
                + " ApproximateNumberOfMessagesVisible --dimensions Name=QueueName,Value=payments-dlq --statistic"
                + " Maximum --period 300 --evaluation-periods 1 --threshold 1 --comparison-operator"
                + " GreaterThanOrEqualToThreshold --treat-missing-data notBreaching");
        Finding reports = account.harness().finding("reports");
        assertThat(reports.status()).isEqualTo(Status.NOK);
        assertThat(reports.evidence()).containsEntry("Missing", List.of("ApproximateAgeOfOldestMessage"));
        assertThat(reports.remediation()).contains("--metric-name ApproximateAgeOfOldestMessage"
                + " --dimensions Name=QueueName,Value=reports --statistic Maximum --period 300 --evaluation-periods 1"
                + " --threshold 900");
    }

    @Test
    void aQueueNamedByAnEventBridgeTargetOrAnSnsSubscriptionIsADeadLetterQueue() {
        Account account = new Account();
        account.queues.addAll(List.of(queue("offers-dlq", null), queue("alerts-dlq", null)));
        account.rules.add(new EventRule("expire-offers", "arn:aws:events:us-east-1:123456789012:rule/expire-offers",
                "default", "ENABLED", "rate(1 hour)", null, List.of(new EventTarget("api",
                "arn:aws:lambda:us-east-1:123456789012:function:expire-offers",
                "arn:aws:sqs:us-east-1:123456789012:offers-dlq", null, null))));
        account.subscriptions.add(new SnsTopicSubscriptions("arn:aws:sns:us-east-1:123456789012:ops", List.of(
                new SnsSubscription("arn:aws:sns:us-east-1:123456789012:ops:1", "https",
                        "arn:aws:sqs:us-east-1:123456789012:alerts-dlq"))));

        for (String queue : List.of("offers-dlq", "alerts-dlq")) {
            assertThat(account.harness().finding(queue).evidence()).as(queue)
                    .containsEntry("Missing", List.of("ApproximateNumberOfMessagesVisible"));
        }
    }

    @Test
    void aRegionWithSesProductionAccessNeedsReputationAlarmsAsAnAccountLevelFinding() {
        Account account = new Account().alarm("bounces", "AWS/SES", "Reputation.BounceRate", Map.of());
        account.ses = PRODUCTION;

        Finding f = account.harness().finding("");

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.resourceType()).isEqualTo("AWS::SES::Account");
        assertThat(f.resourceArn()).isNull();
        assertThat(f.evidence()).containsEntry("Namespace", "AWS/SES").doesNotContainKey("Dimensions")
                .containsEntry("Alarms", List.of("Reputation.BounceRate: bounces"))
                .containsEntry("Missing", List.of("Reputation.ComplaintRate"));
        assertThat(f.remediation()).contains("aws cloudwatch put-metric-alarm --region us-east-1 --alarm-name"
                + " ses-Reputation.ComplaintRate --namespace AWS/SES --metric-name Reputation.ComplaintRate"
                + " --statistic Maximum --period 3600 --evaluation-periods 1 --threshold 0.001");

        account.alarm("complaints", "AWS/SES", "Reputation.ComplaintRate", Map.of());
        assertThat(account.harness().finding("").status()).isEqualTo(Status.OK);
    }

    @Test
    void aRegionInTheSesSandboxIsNotJudged() {
        Account account = new Account();
        account.ses = SANDBOX;

        assertThat(account.harness().findings()).isEmpty();
    }

    @Test
    void theSesAccountIsJudgedWhateverTheNameGlobsSayAndTheConfigCanTurnItOff() {
        Account account = new Account();
        account.ses = PRODUCTION;
        account.queues.add(queue("staging-jobs", null));

        assertThat(account.harness().alarmCoverage(new AlarmCoverageSettings(List.of("prod-*"), List.of("*"),
                Map.of())).findings()).extracting(Finding::resourceId).containsExactly("");
        assertThat(account.harness().alarmCoverage(new AlarmCoverageSettings(List.of(), List.of(), Map.of(
                "sesAccount", List.of()))).findings()).extracting(Finding::resourceId)
                .containsExactly("staging-jobs");
    }

    @Test
    void theKindsTheServicesContributeAreTheKindsTheConfigFileAccepts() {
        assertThat(new CloudWatchAlarmCoverageCheck(ServiceCatalog.current()).kinds())
                .containsExactlyInAnyOrder("ecsService", "rdsInstance", "auroraInstance", "elasticache", "alb",
                        "sqsQueue", "sqsDeadLetterQueue", "sesAccount", "cloudfrontDistribution");
    }

    @Test
    void aKindWhoseResourcesCouldNotBeReadIsTodoAndTheOtherKindsAreStillJudged() {
        Account account = new Account().alarm("db-cpu", "AWS/RDS", "CPUUtilization", rds("orders"))
                .alarm("db-disk", "AWS/RDS", "FreeStorageSpace", rds("orders"));
        account.instances.add(db("orders").build());
        var noSes = new com.huntaze.audit.inventory.CollectionFailure("ses:GetAccount",
                com.huntaze.audit.inventory.CollectionFailure.Kind.ERROR, "HTTP 404", "not found");

        List<Finding> findings = account.harness().failing("us-east-1", SesDatasets.ACCOUNT, noSes).findings();

        assertThat(findings).filteredOn(f -> f.resourceId().equals("orders")).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(Status.OK));
        assertThat(findings).filteredOn(f -> f.status() == Status.TODO).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("sesAccount").contains("ses:GetAccount");
            assertThat(f.evidence()).containsEntry("Kind", "sesAccount");
        });
    }
}
