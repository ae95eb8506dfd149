package com.huntaze.audit.services.cloudwatch;

import static com.huntaze.audit.testing.Fixtures.alarm;
import static com.huntaze.audit.testing.Fixtures.alarms;
import static com.huntaze.audit.testing.Fixtures.compositeAlarm;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.testing.CheckHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloudWatchAlarmActionsCheckTest {

    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:ops-pager";

    private static CheckHarness audit(CloudWatchAlarms alarms) {
        return CheckHarness.of(new CloudWatchAlarmActionsCheck()).with(CloudWatchDatasets.ALARMS, alarms);
    }

    @Test
    void anAlarmWithEnabledActionsNotifies() {
        Finding f = audit(alarms(List.of(alarm("cpu-high", true, TOPIC)))).finding("cpu-high");

        assertThat(f.status()).isEqualTo(Status.OK);
        assertThat(f.evidence()).containsEntry("AlarmActions", List.of(TOPIC)).containsEntry("ActionsEnabled", true)
                .containsEntry("Metric", "AWS/RDS CPUUtilization");
        assertThat(f.resourceArn()).isEqualTo("arn:aws:cloudwatch:us-east-1:123456789012:alarm:cpu-high");
    }

    @Test
    void anAlarmWithoutAlarmActionNotifiesNobody() {
        Finding f = audit(alarms(List.of(alarm("cpu-high", true)))).finding("cpu-high");

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.message()).isEqualTo("No ALARM action: this alarm notifies nobody when it fires.");
    }

    @Test
    void anAlarmWithDisabledActionsNotifiesNobody() {
        Finding f = audit(alarms(List.of(alarm("cpu-high", false, TOPIC)))).finding("cpu-high");

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.message()).isEqualTo("Its actions are disabled: this alarm notifies nobody when it fires.");
        assertThat(f.evidence()).containsEntry("ActionsEnabled", false);
    }

    @Test
    void anAlarmFeedingACompositeAlarmThatNotifiesIsOk() {
        var harness = audit(alarms(List.of(alarm("latency", true), alarm("errors", true), alarm("other", true)),
                compositeAlarm("api-health", "ALARM(\"latency\") OR ALARM(arn:aws:cloudwatch:us-east-1:123456789012:alarm:errors)",
                        true, TOPIC)));

        assertThat(harness.finding("latency").status()).isEqualTo(Status.OK);
        assertThat(harness.finding("latency").evidence()).containsEntry("NotifiesThrough", "api-health");
        assertThat(harness.finding("errors").status()).as("referenced by ARN").isEqualTo(Status.OK);
        assertThat(harness.finding("other").status()).isEqualTo(Status.NOK);
    }

    @Test
    void aCompositeAlarmThatNotifiesNobodyDoesNotHelp() {
        var harness = audit(alarms(List.of(alarm("latency", true)),
                compositeAlarm("silent", "ALARM(\"latency\")", false, TOPIC),
                compositeAlarm("empty", "ALARM(latency)", true)));

        assertThat(harness.finding("latency").status()).isEqualTo(Status.NOK);
    }

    @Test
    void aCompositeAboveACompositeCounts() {
        var harness = audit(alarms(List.of(alarm("latency", true)),
                compositeAlarm("api", "ALARM(\"latency\")", true),
                compositeAlarm("service", "ALARM(\"api\") AND NOT ALARM(\"maintenance\")", true, TOPIC)));

        assertThat(harness.finding("latency").evidence()).containsEntry("NotifiesThrough", "service");
    }

    @Test
    void onlyAnAlarmStateReferenceNotifies() {
        var harness = audit(alarms(List.of(alarm("latency", true)),
                compositeAlarm("odd", "OK(\"latency\")", true, TOPIC)));

        assertThat(harness.finding("latency").status()).isEqualTo(Status.NOK);
    }

    @Test
    void noAlarmNoFinding() {
        assertThat(audit(alarms(List.of())).findings()).isEmpty();
    }
}
