package com.huntaze.audit.services.cloudfront;

import static com.huntaze.audit.services.cloudfront.CloudFrontFixtures.distribution;
import static com.huntaze.audit.testing.Fixtures.alarms;
import static com.huntaze.audit.testing.Fixtures.metricAlarm;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.AlarmCoverageSettings;
import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.services.ServiceCatalog;
import com.huntaze.audit.services.cloudwatch.AlarmCoverageTarget;
import com.huntaze.audit.services.cloudwatch.CloudWatchAlarmCoverageCheck;
import com.huntaze.audit.services.cloudwatch.CloudWatchDatasets;
import com.huntaze.audit.services.cloudwatch.MetricAlarm;
import com.huntaze.audit.services.ecs.EcsDatasets;
import com.huntaze.audit.services.elasticache.ElastiCacheDatasets;
import com.huntaze.audit.services.elbv2.Elbv2Datasets;
import com.huntaze.audit.services.rds.RdsDatasets;
import com.huntaze.audit.testing.CheckHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cloudfrontDistribution kind of cloudwatch.alarm-coverage, which the CloudFront module contributes. */
class CloudFrontAlarmCoverageTest {

    private static final Map<String, String> E1 = Map.of("DistributionId", "E1WEB", "Region", "Global");

    /** The coverage check on an account with only these distributions and alarms, in the given regions. */
    private static CheckHarness audit(List<Distribution> distributions, List<MetricAlarm> metricAlarms,
                                      String... regions) {
        CheckHarness harness = CheckHarness.of(new CloudWatchAlarmCoverageCheck(
                ServiceCatalog.current()), regions)
                .with(CloudFrontDatasets.DISTRIBUTIONS, distributions);
        for (String region : regions) {
            harness.with(region, EcsDatasets.SERVICES, List.of())
                    .with(region, RdsDatasets.DB_INSTANCES, List.of())
                    .with(region, ElastiCacheDatasets.REPLICATION_GROUPS, List.of())
                    .with(region, ElastiCacheDatasets.CACHE_CLUSTERS, List.of())
                    .with(region, Elbv2Datasets.LOAD_BALANCERS, List.of())
                    .with(region, com.huntaze.audit.services.sqs.SqsDatasets.QUEUES, List.of())
                    .with(region, com.huntaze.audit.services.events.EventsDatasets.RULES, List.of())
                    .with(region, com.huntaze.audit.services.sns.SnsDatasets.ALARM_TOPIC_SUBSCRIPTIONS, List.of())
                    .with(region, com.huntaze.audit.services.lambda.LambdaDatasets.FUNCTIONS, List.of())
                    .with(region, com.huntaze.audit.services.lambda.LambdaDatasets.EVENT_INVOKE_CONFIGS, List.of())
                    .with(region, com.huntaze.audit.services.ses.SesDatasets.ACCOUNT,
                            new com.huntaze.audit.services.ses.SesAccount(false, true, "HEALTHY", 200, 1, 0))
                    .with(region, CloudWatchDatasets.ALARMS, alarms(region.equals("us-east-1") ? metricAlarms
                            : List.of()));
        }
        return harness;
    }

    @Test
    void anEnabledDistributionWithoutA5xxAlarmIsNokWithAReadyCommandForUsEast1() {
        Finding f = audit(List.of(distribution("E1WEB").build()), List.of(), "us-east-1").finding("E1WEB");

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.region()).isEqualTo("us-east-1");
        assertThat(f.resourceType()).isEqualTo("AWS::CloudFront::Distribution");
        assertThat(f.evidence()).containsEntry("Namespace", "AWS/CloudFront")
                .containsEntry("Dimensions", "DistributionId=E1WEB, Region=Global")
                .containsEntry("Missing", List.of("5xxErrorRate"));
        assertThat(f.remediation()).contains("aws cloudwatch put-metric-alarm --region us-east-1 --alarm-name"
                + " E1WEB-5xxErrorRate --namespace AWS/CloudFront --metric-name 5xxErrorRate --dimensions"
                + " Name=DistributionId,Value=E1WEB Name=Region,Value=Global --statistic Average --period 300"
                + " --evaluation-periods 1 --threshold 5 --comparison-operator GreaterThanOrEqualToThreshold"
                + " --treat-missing-data notBreaching --alarm-actions"
                + " arn:aws:sns:us-east-1:123456789012:YOUR-ALERTS-TOPIC");
    }

    @Test
    void anAlarmOn5xxErrorRateWithBothDimensionsCoversIt() {
        Finding f = audit(List.of(distribution("E1WEB").build()),
                List.of(metricAlarm("web-5xx", "AWS/CloudFront", "5xxErrorRate", E1)), "us-east-1").finding("E1WEB");

        assertThat(f.status()).isEqualTo(Status.OK);
        assertThat(f.evidence()).containsEntry("Alarms", List.of("5xxErrorRate: web-5xx"));
    }

    @Test
    void anAlarmWithoutTheGlobalRegionDimensionWatchesNoMetricCloudFrontPublishes() {
        Finding f = audit(List.of(distribution("E1WEB").build()), List.of(metricAlarm("web-5xx", "AWS/CloudFront",
                "5xxErrorRate", Map.of("DistributionId", "E1WEB"))), "us-east-1").finding("E1WEB");

        assertThat(f.status()).isEqualTo(Status.NOK);
    }

    @Test
    void disabledDistributionsAreNotJudged() {
        assertThat(audit(List.of(distribution("E2OFF").disabled().build()), List.of(), "us-east-1").findings())
                .isEmpty();
    }

    @Test
    void distributionsAreJudgedInUsEast1OnlyAndNotAtAllWhenItIsNotAudited() {
        List<Distribution> one = List.of(distribution("E1WEB").build());

        assertThat(audit(one, List.of(), "us-east-1", "eu-west-1").findings())
                .extracting(Finding::region).containsExactly("us-east-1");
        assertThat(audit(one, List.of(), "eu-west-1").findings()).isEmpty();
    }

    @Test
    void theConfigFileCanStopJudgingTheKind() {
        var settings = new AlarmCoverageSettings(List.of(), List.of(), Map.of("cloudfrontDistribution", List.of()));

        assertThat(audit(List.of(distribution("E1WEB").build()), List.of(), "us-east-1").alarmCoverage(settings)
                .findings()).isEmpty();
    }
}
