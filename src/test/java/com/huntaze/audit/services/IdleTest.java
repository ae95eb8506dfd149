package com.huntaze.audit.services;

import static com.huntaze.audit.testing.CheckHarness.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IdleTest {

    @Test
    void aResourceCreatedLessThanTheWindowAgoIsTooNewInWholeDays() {
        assertThat(Idle.tooNew(NOW.minus(Duration.ofDays(2).plusHours(23)), NOW, 7))
                .contains("created 2 days ago: too new to judge idle over the last 7 days");
        assertThat(Idle.tooNew(NOW.minus(Duration.ofDays(1)), NOW, 7))
                .contains("created 1 day ago: too new to judge idle over the last 7 days");
        assertThat(Idle.tooNew(NOW.minus(Duration.ofMinutes(3)), NOW, 1))
                .contains("created 0 days ago: too new to judge idle over the last day");
        assertThat(Idle.tooNew(NOW.minus(Duration.ofDays(10)), NOW, 90, "unused"))
                .contains("created 10 days ago: too new to judge unused over the last 90 days");
    }

    @Test
    void oneAsOldAsTheWindowOrOlderOrOfUnknownAgeIsNot() {
        assertThat(Idle.tooNew(NOW.minus(Duration.ofDays(7)), NOW, 7)).isEmpty();
        assertThat(Idle.tooNew(NOW.minus(Duration.ofDays(400)), NOW, 7)).isEmpty();
        assertThat(Idle.tooNew(null, NOW, 7)).isEmpty();
    }

    @Test
    void aCreationTimeAfterTheReferenceTimeCountsAsToday() {
        assertThat(Idle.tooNew(NOW.plus(Duration.ofHours(2)), NOW, 7))
                .contains("created 0 days ago: too new to judge idle over the last 7 days");
        assertThat(Idle.ageDays(NOW.plus(Duration.ofHours(2)), NOW)).isZero();
    }

    @Test
    void theRemediationSaysWhenTheWindowIsFull() {
        assertThat(Idle.tooNewRemediation(NOW.minus(Duration.ofDays(2)), 7))
                .isEqualTo("Run the audit again after 2026-11-27T12:00:00Z, when it has existed for the whole 7-day"
                        + " window.");
    }
}
