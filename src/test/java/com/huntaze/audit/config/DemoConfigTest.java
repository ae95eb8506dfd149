package com.huntaze.audit.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.CheckRegistry;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DemoConfigTest {

    @Test
    void relativeDatesBecomeDaysBeforeTheAudit() {
        assertThat(DemoConfig.resolveDates("date: {{daysAgo 12}}\nx: {{daysAgo 0}}", LocalDate.of(2026, 3, 5)))
                .isEqualTo("date: 2026-02-21\nx: 2026-03-05");
        assertThat(DemoConfig.resolveDates("expires: {{daysAhead 30}}", LocalDate.of(2026, 3, 5)))
                .isEqualTo("expires: 2026-04-04");
    }

    @Test
    void theDemoConfigAcceptsOneRiskUntilLaterAndHasOneSuppressionThatExpired() {
        LocalDate today = LocalDate.of(2026, 11, 22);

        AuditConfig demo = DemoConfig.load(new ConfigLoader(CheckRegistry.load(), today), today);

        assertThat(demo.suppressions()).anySatisfy(s -> assertThat(s.isExpiredOn(today)).isFalse());
        assertThat(demo.suppressions()).anySatisfy(s -> assertThat(s.isExpiredOn(today)).isTrue());
        assertThat(demo.suppressions()).allSatisfy(s -> assertThat(s.reason()).isNotBlank());
    }

    @Test
    void theDemoConfigAttestsOneItemRecentlyAndOneLongAgo() {
        LocalDate today = LocalDate.of(2026, 11, 22);

        AuditConfig demo = DemoConfig.load(new ConfigLoader(CheckRegistry.load(), today), today);

        // manual.restore-test is OK by the demo account's own evidence (a completed AWS Backup restore job).
        assertThat(demo.attestations()).noneSatisfy(a -> assertThat(a.check()).isEqualTo("manual.restore-test"));
        assertThat(demo.attestations()).anySatisfy(a -> {
            assertThat(a.check()).isEqualTo("manual.patching");
            assertThat(a.date()).isAfter(today.minusDays(30));
        });
        assertThat(demo.attestations()).anySatisfy(a -> assertThat(a.date()).isBefore(today.minusDays(90)));
    }
}
