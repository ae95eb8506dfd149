package com.huntaze.audit.services.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.testing.CheckHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventsRuleWithoutTargetsCheckTest {

    private static final String ACCOUNT = "arn:aws:events:us-east-1:123456789012:";

    private static EventRule rule(String name, String bus, String state, EventTarget... targets) {
        String arn = ACCOUNT + "rule/" + (bus.equals("default") ? "" : bus + "/") + name;
        return new EventRule(name, arn, bus, state, null, null, List.of(targets));
    }

    private static EventTarget lambda(String function) {
        return new EventTarget(function, "arn:aws:lambda:us-east-1:123456789012:function:" + function, null, null,
                null);
    }

    private static CheckHarness audit(EventRule... rules) {
        return CheckHarness.of(new EventsRuleWithoutTargetsCheck()).with(EventsDatasets.RULES, List.of(rules));
    }

    @Test
    void aRuleWithNoTargetIsNokAndOneWithATargetIsOk() {
        var audit = audit(rule("ai-insights-ready", "default", "ENABLED"),
                rule("video-uploaded", "default", "ENABLED", lambda("transcode"), lambda("thumbnail")));

        Finding empty = audit.finding("ai-insights-ready");
        assertThat(empty.status()).isEqualTo(Status.NOK);
        assertThat(empty.message()).isEqualTo("No target: this rule does nothing; delete it.");
        assertThat(empty.estimatedMonthlySavingsUsd()).as("clutter, not cost").isZero();
        assertThat(empty.evidence()).containsEntry("EventBusName", "default").containsEntry("Targets", 0);
        assertThat(audit.fixCommands(empty)).containsExactly("aws events delete-rule --name ai-insights-ready"
                + " --event-bus-name default --region us-east-1");

        Finding used = audit.finding("video-uploaded");
        assertThat(used.status()).isEqualTo(Status.OK);
        assertThat(used.message()).isEqualTo("2 targets.");
    }

    @Test
    void rulesOnACustomBusAreJudgedAndNameTheirBus() {
        var audit = audit(rule("ai-insights-ready", "ai-insights", "ENABLED"));

        Finding f = audit.finding("ai-insights-ready");
        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.evidence()).containsEntry("EventBusName", "ai-insights");
        assertThat(f.resourceArn()).isEqualTo(ACCOUNT + "rule/ai-insights/ai-insights-ready");
    }

    @Test
    void aDisabledRuleWithoutTargetsIsClutterToo() {
        var audit = audit(rule("old-sync", "default", "DISABLED"));

        assertThat(audit.finding("old-sync").status()).isEqualTo(Status.NOK);
        assertThat(audit.finding("old-sync").evidence()).containsEntry("State", "DISABLED");
    }

    @Test
    void noRuleNoFinding() {
        assertThat(audit().findings()).isEmpty();
    }
}
