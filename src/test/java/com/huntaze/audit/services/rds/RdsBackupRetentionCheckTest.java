package com.huntaze.audit.services.rds;

import static com.huntaze.audit.testing.Fixtures.aurora;
import static com.huntaze.audit.testing.Fixtures.db;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Status;
import com.huntaze.audit.testing.CheckHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class RdsBackupRetentionCheckTest {

    private CheckHarness instances(com.huntaze.audit.services.rds.DbInstance... dbs) {
        return CheckHarness.of(new RdsBackupRetentionCheck())
                .with(RdsDatasets.DB_INSTANCES, List.of(dbs))
                .with(RdsDatasets.DB_CLUSTERS, List.of());
    }

    @Test
    void sevenDaysMeetsTheDefaultMinimum() {
        var finding = instances(db("a").backupDays(7).build()).finding("a");
        assertThat(finding.status()).isEqualTo(Status.OK);
        assertThat(finding.evidence()).containsEntry("BackupRetentionPeriod", 7).containsEntry("MinimumDays", 7);
    }

    @Test
    void fewerDaysThanTheMinimumIsNokWithTheConfiguredValue() {
        var finding = instances(db("a").backupDays(3).build()).finding("a");
        assertThat(finding.status()).isEqualTo(Status.NOK);
        assertThat(finding.evidence()).containsEntry("BackupRetentionPeriod", 3);
        assertThat(finding.message()).contains("3 days").contains("7");
    }

    @Test
    void zeroMeansBackupsDisabled() {
        var finding = instances(db("a").backupDays(0).build()).finding("a");
        assertThat(finding.status()).isEqualTo(Status.NOK);
        assertThat(finding.message()).contains("disabled");
    }

    @Test
    void theMinimumIsATunableThreshold() {
        var audit = instances(db("a").backupDays(7).build())
                .threshold(RdsBackupRetentionCheck.MIN_BACKUP_DAYS, 14);
        assertThat(audit.finding("a").status()).isEqualTo(Status.NOK);
        assertThat(audit.finding("a").evidence()).containsEntry("MinimumDays", 14);
    }

    @Test
    void auroraMemberUsesTheClusterRetention() {
        var audit = CheckHarness.of(new RdsBackupRetentionCheck())
                .with(RdsDatasets.DB_INSTANCES, List.of(db("w").cluster("app").backupDays(1).build()))
                .with(RdsDatasets.DB_CLUSTERS, List.of(aurora("app", true, 10, true, "w")));
        assertThat(audit.finding("w").status()).isEqualTo(Status.OK);
        assertThat(audit.finding("w").evidence()).containsEntry("BackupRetentionPeriod", 10);
    }
}
