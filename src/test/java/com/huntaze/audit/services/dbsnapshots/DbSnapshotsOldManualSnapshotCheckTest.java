package com.huntaze.audit.services.dbsnapshots;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Status;
import com.huntaze.audit.testing.CheckHarness;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DbSnapshotsOldManualSnapshotCheckTest {

    @Test
    void aSnapshotOlderThanTheLimitIsNokAndARecentOneOk() {
        var audit = CheckHarness.of(new DbSnapshotsOldManualSnapshotCheck())
                .with(DbSnapshotsAuditService.MANUAL_SNAPSHOTS, List.of(
                        new ManualSnapshot("old", "arn:old", "orders-db", 100,
                                CheckHarness.NOW.minus(Duration.ofDays(90))),
                        new ManualSnapshot("recent", "arn:recent", "orders-db", 100,
                                CheckHarness.NOW.minus(Duration.ofDays(3)))));

        assertThat(audit.finding("old").status()).isEqualTo(Status.NOK);
        assertThat(audit.finding("old").message()).contains("90 days ago");
        assertThat(audit.finding("recent").status()).isEqualTo(Status.OK);
    }
}
