package com.huntaze.audit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huntaze.audit.testing.CliRun;
import com.huntaze.audit.testing.Moto;
import com.huntaze.audit.testing.MotoServer;
import com.huntaze.audit.testing.ReportFindings;
import com.huntaze.audit.testing.Seed;
import com.huntaze.audit.testing.StubProxy;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The SQS, EventBridge and SNS collectors against moto, and the checks that read them: sqs.dead-letter-queue,
 * sqs.dead-letter-backlog, events.rule-without-targets, events.target-dead-letter, cloudwatch.alarm-destination and
 * the SQS and SES kinds of cloudwatch.alarm-coverage, on the video pipeline's account of the launch runbook.
 *
 * <p>moto auto-confirms every SNS subscription: the loopback proxy answers ListSubscriptionsByTopic for the
 * {@code slack} topic as AWS does for a subscription never confirmed (SubscriptionArn {@code PendingConfirmation}).
 * SESv2 GetAccount is not implemented by moto: the proxy answers it (production access).
 */
@ExtendWith(Moto.class)
class QueuesEventsAndAlarmDestinationsIT {

    private static final String REGION = "us-east-1";
    private static final String ACCOUNT = "123456789012";
    private static final String CHECKS = "sqs.*,events.*,cloudwatch.alarm-destination,cloudwatch.alarm-coverage";
    private static final String SLACK_WEBHOOK = "https://hooks.slack.example/services/T000/B000/not-a-real-token";

    private MotoServer moto;
    private StubProxy proxy;

    @BeforeEach
    void setUp(MotoServer moto) {
        this.moto = moto;
        this.proxy = new StubProxy(moto.endpoint());
    }

    @AfterEach
    void tearDown() {
        proxy.close();
    }

    private static String queueArn(String name) {
        return "arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":" + name;
    }

    private static String topicArn(String name) {
        return "arn:aws:sns:" + REGION + ":" + ACCOUNT + ":" + name;
    }

    /**
     * Queues: video-transcode (no dead-letter queue), video-upload whose dead-letter queue video-upload-dlq holds 3
     * messages, offers-dlq (an EventBridge target's dead-letter queue), alerts-dlq (an SNS subscription's).
     * Rules: ai-insights-ready (default bus) and partner-signup (custom bus) without targets, expire-offers
     * (scheduled) calling an API destination without dead-letter queue, activate-offers (scheduled) calling a
     * Lambda function with one. Topics named by alarms: ops-alerts (no subscription), pager (a confirmed SQS
     * subscription), slack (pending confirmation, stubbed), gone (does not exist).
     */
    private void seedTheVideoPipeline() {
        try (SqsClient sqs = moto.configure(SqsClient.builder(), REGION).build()) {
            sqs.createQueue(r -> r.queueName("video-transcode"));
            String dlq = sqs.createQueue(r -> r.queueName("video-upload-dlq")).queueUrl();
            sqs.createQueue(r -> r.queueName("video-upload").attributes(Map.of(QueueAttributeName.REDRIVE_POLICY,
                    "{\"deadLetterTargetArn\":\"" + queueArn("video-upload-dlq") + "\",\"maxReceiveCount\":\"5\"}")));
            for (int i = 0; i < 3; i++) {
                int n = i;
                sqs.sendMessage(r -> r.queueUrl(dlq).messageBody("{\"video\":" + n + "}"));
            }
            sqs.createQueue(r -> r.queueName("offers-dlq"));
            sqs.createQueue(r -> r.queueName("alerts-dlq"));
        }
        try (EventBridgeClient events = moto.configure(EventBridgeClient.builder(), REGION).build()) {
            events.putRule(r -> r.name("ai-insights-ready").eventPattern("{\"source\":[\"huntaze.ai\"]}"));
            events.createEventBus(r -> r.name("partners"));
            events.putRule(r -> r.name("partner-signup").eventBusName("partners")
                    .eventPattern("{\"source\":[\"partner.signup\"]}"));
            String connection = events.createConnection(r -> r.name("offers").authorizationType("API_KEY")
                    .authParameters(a -> a.apiKeyAuthParameters(k -> k.apiKeyName("x-api-key")
                            .apiKeyValue("not-read-by-the-audit")))).connectionArn();
            String api = events.createApiDestination(r -> r.name("offers-api").connectionArn(connection)
                    .invocationEndpoint("https://offers.example/expire").httpMethod("POST")).apiDestinationArn();
            events.putRule(r -> r.name("expire-offers").scheduleExpression("rate(1 hour)"));
            events.putTargets(r -> r.rule("expire-offers").targets(t -> t.id("offers-api").arn(api)
                    .roleArn("arn:aws:iam::" + ACCOUNT + ":role/events-api-destinations")));
            events.putRule(r -> r.name("activate-offers").scheduleExpression("cron(*/15 * * * ? *)"));
            events.putTargets(r -> r.rule("activate-offers").targets(t -> t.id("activate")
                    .arn("arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:activate-offers")
                    .deadLetterConfig(d -> d.arn(queueArn("offers-dlq")))
                    .retryPolicy(p -> p.maximumRetryAttempts(3).maximumEventAgeInSeconds(3600))));
        }
        try (SnsClient sns = moto.configure(SnsClient.builder(), REGION).build()) {
            sns.createTopic(r -> r.name("ops-alerts"));
            String pager = sns.createTopic(r -> r.name("pager")).topicArn();
            String subscription = sns.subscribe(r -> r.topicArn(pager).protocol("sqs")
                    .endpoint(queueArn("video-transcode")).returnSubscriptionArn(true)).subscriptionArn();
            sns.setSubscriptionAttributes(r -> r.subscriptionArn(subscription).attributeName("RedrivePolicy")
                    .attributeValue("{\"deadLetterTargetArn\":\"" + queueArn("alerts-dlq") + "\"}"));
            sns.createTopic(r -> r.name("slack"));
        }
        try (CloudWatchClient cloudwatch = moto.configure(CloudWatchClient.builder(), REGION).build()) {
            alarm(cloudwatch, "video-transcode-age", "AWS/SQS", "ApproximateAgeOfOldestMessage", "video-transcode",
                    "ops-alerts");
            alarm(cloudwatch, "video-upload-dlq-visible", "AWS/SQS", "ApproximateNumberOfMessagesVisible",
                    "video-upload-dlq", "pager");
            alarm(cloudwatch, "ses-bounces", "AWS/SES", "Reputation.BounceRate", null, "slack");
            alarm(cloudwatch, "legacy-queue-age", "AWS/SQS", "ApproximateAgeOfOldestMessage", "legacy", "gone");
        }
        // The slack topic's only subscription was never confirmed (moto cannot represent it).
        proxy.when(r -> r.operation().equals("ListSubscriptionsByTopic") && r.body().contains("%3Aslack"),
                new StubProxy.Response(200, "text/xml", "<ListSubscriptionsByTopicResponse"
                        + " xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><ListSubscriptionsByTopicResult>"
                        + "<Subscriptions><member><TopicArn>" + topicArn("slack") + "</TopicArn><Protocol>https"
                        + "</Protocol><SubscriptionArn>PendingConfirmation</SubscriptionArn><Owner>" + ACCOUNT
                        + "</Owner><Endpoint>" + SLACK_WEBHOOK + "</Endpoint></member></Subscriptions>"
                        + "</ListSubscriptionsByTopicResult><ResponseMetadata><RequestId>stub</RequestId>"
                        + "</ResponseMetadata></ListSubscriptionsByTopicResponse>"));
        Seed.sesAccount(proxy, REGION, true);
    }

    private static void alarm(CloudWatchClient cloudwatch, String name, String namespace, String metric, String queue,
                              String topic) {
        cloudwatch.putMetricAlarm(r -> r.alarmName(name).namespace(namespace).metricName(metric)
                .dimensions(queue == null ? List.of() : List.of(software.amazon.awssdk.services.cloudwatch.model
                        .Dimension.builder().name("QueueName").value(queue).build()))
                .statistic("Maximum").period(300).evaluationPeriods(1).threshold(1.0)
                .comparisonOperator("GreaterThanOrEqualToThreshold").alarmActions(topicArn(topic)));
    }

    private CliRun audit() {
        return CliRun.of("check", "--endpoint-url", proxy.endpoint().toString(), "--region", REGION,
                "--checks", CHECKS, "--format", "json");
    }

    @Test
    void everyQueueRuleAndAlarmTopicIsJudged() {
        seedTheVideoPipeline();

        CliRun run = audit();

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        JsonNode report = run.json();
        assertThat(report.get("summary").has("collectionErrors")).as(run.toString()).isFalse();
        assertThat(ReportFindings.statuses(report, id -> !id.equals("cloudwatch.alarm-coverage")))
                .isEqualTo(new TreeMap<>(Map.ofEntries(
                        // a dead-letter queue (of a queue, a target or a subscription) gets no finding of its own
                        Map.entry("sqs.dead-letter-queue us-east-1 video-transcode", "NOK"),
                        Map.entry("sqs.dead-letter-queue us-east-1 video-upload", "OK"),
                        Map.entry("sqs.dead-letter-backlog us-east-1 video-upload-dlq", "NOK"),
                        Map.entry("sqs.dead-letter-backlog us-east-1 offers-dlq", "OK"),
                        Map.entry("sqs.dead-letter-backlog us-east-1 alerts-dlq", "OK"),
                        Map.entry("events.rule-without-targets us-east-1 ai-insights-ready", "NOK"),
                        Map.entry("events.rule-without-targets us-east-1 partner-signup", "NOK"),
                        Map.entry("events.rule-without-targets us-east-1 expire-offers", "OK"),
                        Map.entry("events.rule-without-targets us-east-1 activate-offers", "OK"),
                        Map.entry("events.target-dead-letter us-east-1 expire-offers", "NOK"),
                        Map.entry("events.target-dead-letter us-east-1 activate-offers", "OK"),
                        Map.entry("cloudwatch.alarm-destination us-east-1 ops-alerts", "NOK"),
                        Map.entry("cloudwatch.alarm-destination us-east-1 pager", "OK"),
                        Map.entry("cloudwatch.alarm-destination us-east-1 slack", "NOK"),
                        Map.entry("cloudwatch.alarm-destination us-east-1 gone", "NOK"))));

        JsonNode backlog = ReportFindings.finding(report, "sqs.dead-letter-backlog", REGION, "video-upload-dlq");
        assertThat(backlog.get("message").asText()).startsWith("3 failed messages are waiting");
        assertThat(backlog.get("evidence").get("DeadLetterQueueOf").toString()).contains("queue video-upload");
        assertThat(ReportFindings.finding(report, "sqs.dead-letter-backlog", REGION, "offers-dlq").get("evidence")
                .get("DeadLetterQueueOf").toString()).contains("EventBridge rule activate-offers");
        assertThat(ReportFindings.finding(report, "sqs.dead-letter-backlog", REGION, "alerts-dlq").get("evidence")
                .get("DeadLetterQueueOf").toString()).contains("SNS subscription of topic pager (sqs)");
        assertThat(ReportFindings.finding(report, "sqs.dead-letter-queue", REGION, "video-upload").get("evidence")
                .get("MaxReceiveCount").asInt()).isEqualTo(5);

        assertThat(ReportFindings.finding(report, "events.rule-without-targets", REGION, "partner-signup")
                .get("evidence").get("EventBusName").asText()).isEqualTo("partners");
        JsonNode noDlq = ReportFindings.finding(report, "events.target-dead-letter", REGION, "expire-offers");
        assertThat(noDlq.get("message").asText()).contains("a failed invocation is dropped after its retries");
        JsonNode target = noDlq.get("evidence").get("Targets").get(0);
        assertThat(target.get("TargetArn").asText()).contains(":api-destination/offers-api/");
        assertThat(target.get("RetryPolicy").get("MaximumRetryAttempts").asInt()).isEqualTo(185);
        assertThat(ReportFindings.finding(report, "events.target-dead-letter", REGION, "activate-offers")
                .get("evidence").get("Targets").get(0).get("RetryPolicy").get("MaximumRetryAttempts").asInt())
                .isEqualTo(3);

        assertThat(ReportFindings.finding(report, "cloudwatch.alarm-destination", REGION, "ops-alerts")
                .get("message").asText()).isEqualTo("No subscription: alarm video-transcode-age fires into a topic"
                + " nobody reads.");
        assertThat(ReportFindings.finding(report, "cloudwatch.alarm-destination", REGION, "slack").get("message")
                .asText()).startsWith("Its only subscription is pending confirmation");
        JsonNode gone = ReportFindings.finding(report, "cloudwatch.alarm-destination", REGION, "gone");
        assertThat(gone.get("message").asText()).startsWith("Does not exist: alarm legacy-queue-age fires");
        assertThat(gone.get("resourceArn").asText()).isEqualTo(topicArn("gone"));
        // Neither the webhook's token nor the connection's API key is ever read into the report.
        assertThat(run.out()).doesNotContain(SLACK_WEBHOOK).doesNotContain("not-read-by-the-audit");
    }

    @Test
    void queuesAndTheSesAccountAreJudgedByAlarmCoverage() {
        seedTheVideoPipeline();

        JsonNode report = audit().json();

        Map<String, String> coverage = ReportFindings.statuses(report, "cloudwatch.alarm-coverage"::equals);
        assertThat(coverage).isEqualTo(new TreeMap<>(Map.of(
                "cloudwatch.alarm-coverage us-east-1 video-transcode", "OK",
                "cloudwatch.alarm-coverage us-east-1 video-upload", "NOK",
                "cloudwatch.alarm-coverage us-east-1 video-upload-dlq", "OK",
                "cloudwatch.alarm-coverage us-east-1 offers-dlq", "NOK",
                "cloudwatch.alarm-coverage us-east-1 alerts-dlq", "NOK",
                "cloudwatch.alarm-coverage us-east-1 ", "NOK")));
        assertThat(ReportFindings.finding(report, "cloudwatch.alarm-coverage", REGION, "offers-dlq").get("evidence")
                .get("Missing").toString()).contains("ApproximateNumberOfMessagesVisible");
        assertThat(ReportFindings.finding(report, "cloudwatch.alarm-coverage", REGION, "video-upload").get("evidence")
                .get("Missing").toString()).contains("ApproximateAgeOfOldestMessage");
        JsonNode ses = ReportFindings.finding(report, "cloudwatch.alarm-coverage", REGION, "");
        assertThat(ses.get("resourceType").asText()).isEqualTo("AWS::SES::Account");
        assertThat(ses.get("evidence").get("Missing").toString()).contains("Reputation.ComplaintRate")
                .doesNotContain("BounceRate");
    }

    @Test
    void collectionMakesOneCallPerQueueRuleAndAlarmTopicAndAsksOnlyForTheAttributesItReads() {
        seedTheVideoPipeline();

        JsonNode calls = audit().json().get("stats").get("apiCalls");

        assertThat(calls.get("sqs:ListQueues").asInt()).isEqualTo(1);
        assertThat(calls.get("sqs:GetQueueAttributes").asInt()).as("one per queue").isEqualTo(5);
        assertThat(calls.get("events:ListEventBuses").asInt()).isEqualTo(1);
        assertThat(calls.get("events:ListRules").asInt()).as("one per bus: default, partners").isEqualTo(2);
        assertThat(calls.get("events:ListTargetsByRule").asInt()).as("one per rule").isEqualTo(4);
        assertThat(calls.get("sns:ListTopics").asInt()).isEqualTo(1);
        assertThat(calls.get("sns:ListSubscriptionsByTopic").asInt())
                .as("the existing topics alarms name: ops-alerts, pager, slack (not gone)").isEqualTo(3);
        assertThat(calls.get("sns:GetSubscriptionAttributes").asInt()).as("pager's one confirmed subscription")
                .isEqualTo(1);
        assertThat(proxy.requests()).filteredOn(r -> r.operation().equals("GetQueueAttributes")).hasSize(5)
                .allSatisfy(r -> assertThat(r.body()).contains(
                        "\"AttributeNames\":[\"QueueArn\",\"RedrivePolicy\",\"ApproximateNumberOfMessages\"]"));
        assertThat(proxy.requests()).filteredOn(r -> r.operation().equals("ListQueues"))
                .allSatisfy(r -> assertThat(r.body()).contains("\"MaxResults\":1000"));
        assertThat(proxy.requests()).filteredOn(r -> r.operation().startsWith("List") && r.service().equals("events"))
                .allSatisfy(r -> assertThat(r.body()).contains("\"Limit\":100"));
    }

    @Test
    void anEmptyAccountHasNothingToJudgeAndCallsNothingPerResource() {
        Seed.sesAccount(proxy, REGION, false);

        CliRun run = audit();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.json().get("findings")).isEmpty();
        JsonNode calls = run.json().get("stats").get("apiCalls");
        assertThat(calls.has("sqs:GetQueueAttributes")).isFalse();
        assertThat(calls.has("events:ListTargetsByRule")).isFalse();
        assertThat(calls.has("sns:ListSubscriptionsByTopic")).isFalse();
    }
}
