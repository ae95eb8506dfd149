package com.huntaze.audit.services.logs;

import com.huntaze.audit.services.ServiceCatalog;
import static com.huntaze.audit.testing.Fixtures.logGroup;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Finding;
import com.huntaze.audit.engine.Status;
import com.huntaze.audit.pricing.PriceTable;
import com.huntaze.audit.testing.CheckHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogsRetentionCheckTest {

    private static final long GB = 1024L * 1024 * 1024;

    @Test
    void aGroupThatNeverExpiresIsNokWithItsStoredSizeAndAnUpperBoundSaving() {
        Finding f = CheckHarness.of(new LogsRetentionCheck())
                .with(LogsDatasets.LOG_GROUPS, List.of(logGroup("/ecs/prod/worker", null, 200 * GB)))
                .finding("/ecs/prod/worker");

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.message()).contains("Never expires").contains("200.0 GB");
        assertThat(f.estimatedMonthlySavingsUsd()).isEqualTo(6.0); // 200 GB × $0.03
        assertThat(f.evidence()).containsEntry("StoredBytes", 200 * GB).containsEntry("Retention", "never expire")
                .containsEntry("PriceSource", "https://aws.amazon.com/cloudwatch/pricing/, " + ServiceCatalog.current().prices().date());
        assertThat((String) f.evidence().get("Estimate")).startsWith("upper bound");
    }

    @Test
    void aGroupWithARetentionIsOk() {
        Finding f = CheckHarness.of(new LogsRetentionCheck())
                .with(LogsDatasets.LOG_GROUPS, List.of(logGroup("/ecs/prod/api", 30, 500 * GB)))
                .finding("/ecs/prod/api");

        assertThat(f.status()).isEqualTo(Status.OK);
        assertThat(f.evidence()).containsEntry("RetentionInDays", 30);
        assertThat(f.estimatedMonthlySavingsUsd()).isZero();
    }

    @Test
    void anEmptyGroupThatNeverExpiresIsStillNokButSavesNothingYet() {
        Finding f = CheckHarness.of(new LogsRetentionCheck())
                .with(LogsDatasets.LOG_GROUPS, List.of(logGroup("/new", null, 0)))
                .finding("/new");

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.message()).isEqualTo("Never expires (empty today: set a retention before it fills).");
        assertThat(f.estimatedMonthlySavingsUsd()).isZero();
        assertThat(f.evidence()).containsEntry("StoredBytes", 0L).containsEntry("Retention", "never expire")
                .containsEntry("Estimate", "nothing stored yet: $0.00/month");
    }

    @Test
    void aGroupWithAFewBytesStillStatesThem() {
        Finding f = CheckHarness.of(new LogsRetentionCheck())
                .with(LogsDatasets.LOG_GROUPS, List.of(logGroup("/small", null, 4000)))
                .finding("/small");

        assertThat(f.status()).isEqualTo(Status.NOK);
        assertThat(f.message()).isEqualTo("Never expires: 4000 bytes stored and growing, kept (and billed) forever.");
    }

    @Test
    void aRegionWithoutItsOwnFigureUsesUsEast1AndSaysSo() {
        Finding f = CheckHarness.of(new LogsRetentionCheck(), "ap-southeast-2")
                .with(LogsDatasets.LOG_GROUPS, List.of(logGroup("/app", null, 100 * GB)))
                .finding("/app");

        assertThat(f.estimatedMonthlySavingsUsd()).isEqualTo(3.0);
        assertThat((String) f.evidence().get("PriceRegion")).contains("no ap-southeast-2 figure for logs.storage-gb-month");
    }
}
