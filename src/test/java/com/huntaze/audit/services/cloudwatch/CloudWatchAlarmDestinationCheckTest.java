package com.huntaze.audit.services.cloudwatch;

import static com.huntaze.audit.testing.Fixtures.alarms;
import static com.huntaze.audit.testing.Fixtures.compositeAlarm;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.services.sns.SnsDatasets;
import com.huntaze.audit.services.sns.SnsSubscription;
import com.huntaze.audit.services.sns.SnsTopic;
import com.huntaze.audit.services.sns.SnsTopicSubscriptions;
import com.huntaze.audit.testing.CheckHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CloudWatchAlarmDestinationCheckTest {

    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:";

    /** The account's topics and the subscriptions of those alarms name, as the SNS collectors give them. */
    private static final class Account {
        final List<MetricAlarm> alarms = new ArrayList<>();
        final List<CompositeAlarm> composites = new ArrayList<>();
        final List<SnsTopic> topics = new ArrayList<>();
        final List<SnsTopicSubscriptions> subscriptions = new ArrayList<>();

        Account alarm(String name, String... actions) {
            // the shared fixture: an enabled AWS/RDS CPUUtilization alarm with these ALARM actions
            alarms.add(com.huntaze.audit.testing.Fixtures.alarm(name, true, actions));
            return this;
        }

        /** A topic with these subscriptions (each "protocol" confirmed, or "protocol?" pending confirmation). */
        Account topic(String name, String... subscriptions) {
            topics.add(new SnsTopic(name, TOPIC + name));
            List<SnsSubscription> subs = new ArrayList<>();
            for (int i = 0; i < subscriptions.length; i++) {
                boolean pending = subscriptions[i].endsWith("?");
                subs.add(new SnsSubscription(pending ? SnsSubscription.PENDING_CONFIRMATION : TOPIC + name + ":" + i,
                        subscriptions[i].replace("?", ""), null));
            }
            this.subscriptions.add(new SnsTopicSubscriptions(TOPIC + name, subs));
            return this;
        }

        CheckHarness harness() {
            return CheckHarness.of(new CloudWatchAlarmDestinationCheck())
                    .with(CloudWatchDatasets.ALARMS, alarms(alarms, composites.toArray(CompositeAlarm[]::new)))
                    .with(SnsDatasets.TOPICS, topics)
                    .with(SnsDatasets.ALARM_TOPIC_SUBSCRIPTIONS, subscriptions);
        }
    }

    @Test
    void aTopicWithAConfirmedSubscriptionIsOk() {
        var audit = new Account().alarm("orders-db-cpu", TOPIC + "ops-pager").alarm("api-5xx", TOPIC + "ops-pager")
                .topic("ops-pager", "https", "email?").harness();

        Finding f = audit.finding("ops-pager");
        assertThat(f.status()).isEqualTo(Status.OK);
        assertThat(f.resourceArn()).isEqualTo(TOPIC + "ops-pager");
        assertThat(f.resourceType()).isEqualTo("AWS::SNS::Topic");
        assertThat(f.message()).isEqualTo("1 confirmed subscription: alarms api-5xx, orders-db-cpu fire into a topic"
                + " someone reads.");
        assertThat(f.evidence()).containsEntry("Alarms", List.of("api-5xx", "orders-db-cpu"))
                .containsEntry("ConfirmedSubscriptions", 1).containsEntry("PendingConfirmation", 1)
                .containsEntry("Protocols", List.of("https"));
    }

    @Test
    void aTopicWithoutSubscriptionIsNok() {
        var audit = new Account().alarm("queue-age", TOPIC + "ops-alerts").topic("ops-alerts").harness();

        Finding f = audit.finding("ops-alerts");
        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.message()).isEqualTo("No subscription: alarm queue-age fires into a topic nobody reads.");
        assertThat(f.remediation()).contains("aws sns subscribe");
    }

    @Test
    void aTopicWhoseSubscriptionsAreAllPendingConfirmationIsNok() {
        var audit = new Account().alarm("cpu", TOPIC + "slack").alarm("disk", TOPIC + "oncall")
                .topic("slack", "https?").topic("oncall", "email?", "email?").harness();

        assertThat(audit.finding("slack").status()).isEqualTo(Status.NOK);
        assertThat(audit.finding("slack").message()).isEqualTo("Its only subscription is pending confirmation: alarm"
                + " cpu fires into a topic nobody reads.");
        assertThat(audit.finding("oncall").message()).startsWith("Its 2 subscriptions are all pending confirmation");
        assertThat(audit.finding("oncall").evidence()).containsEntry("ConfirmedSubscriptions", 0)
                .containsEntry("PendingConfirmation", 2).doesNotContainKey("Protocols");
    }

    @Test
    void aTopicThatDoesNotExistIsNokNamedFromItsArn() {
        var audit = new Account().alarm("a", TOPIC + "ops-pager-old").alarm("b", TOPIC + "ops-pager-old")
                .harness();

        Finding f = audit.finding("ops-pager-old");
        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.message()).isEqualTo("Does not exist: alarms a, b fire into a topic nobody reads.");
        assertThat(f.evidence()).containsEntry("TopicExists", false);
        assertThat(f.resourceArn()).isEqualTo(TOPIC + "ops-pager-old");
    }

    @Test
    void actionsThatAreNotSnsTopicsAreNotJudged() {
        var audit = new Account()
                .alarm("scale-out", "arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:1a2b:"
                        + "autoScalingGroupName/web:policyName/out")
                .alarm("recover", "arn:aws:automate:us-east-1:ec2:recover")
                .alarm("silent")
                .harness();

        assertThat(audit.findings()).isEmpty();
    }

    @Test
    void aCompositeAlarmsActionIsJudgedToo() {
        Account account = new Account().topic("pager");
        account.composites.add(compositeAlarm("api-health", "ALARM(\"a\") OR ALARM(\"b\")", true, TOPIC + "pager"));

        Finding f = account.harness().finding("pager");
        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.evidence()).containsEntry("Alarms", List.of("api-health"));
    }

    @Test
    void manyAlarmsOnOneTopicGiveOneFindingThatNamesFiveOfThem() {
        Account account = new Account().topic("ops");
        IntStream.rangeClosed(1, 8).forEach(i -> account.alarm("alarm-" + i, TOPIC + "ops"));

        List<Finding> findings = account.harness().findings();

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("No subscription: alarms alarm-1, alarm-2, alarm-3, alarm-4, alarm-5"
                    + " and 3 more fire into a topic nobody reads.");
            assertThat((List<?>) f.evidence().get("Alarms")).hasSize(8);
        });
    }

    @Test
    void aTopicOfAnotherAccountOrRegionCannotBeJudgedFromHere() {
        var audit = new Account().alarm("cpu", "arn:aws:sns:us-east-1:999988887777:central-pager")
                .alarm("disk", "arn:aws:sns:eu-west-1:123456789012:ops").harness();

        Finding other = audit.finding("central-pager");
        assertThat(other.status()).isEqualTo(Status.TODO);
        assertThat(other.message()).startsWith("In account 999988887777: this audit cannot see its subscriptions");
        assertThat(audit.finding("ops").status()).isEqualTo(Status.TODO);
        assertThat(audit.finding("ops").message()).startsWith("In region eu-west-1 of account 123456789012:");
    }

    @Test
    void noAlarmNoFinding() {
        assertThat(new Account().topic("ops", "email").harness().findings()).isEmpty();
    }
}
