package com.huntaze.audit.services.rds;

import static com.huntaze.audit.testing.Fixtures.aurora;
import static com.huntaze.audit.testing.Fixtures.db;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Status;
import com.huntaze.audit.testing.CheckHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class RdsStorageEncryptedCheckTest {

    @Test
    void encryptedIsOkAndUnencryptedIsNok() {
        var audit = CheckHarness.of(new RdsStorageEncryptedCheck())
                .with(RdsDatasets.DB_INSTANCES, List.of(db("safe").encrypted(true).build(), db("plain").encrypted(false).build()))
                .with(RdsDatasets.DB_CLUSTERS, List.of());

        assertThat(audit.finding("safe").status()).isEqualTo(Status.OK);
        assertThat(audit.finding("plain").status()).isEqualTo(Status.NOK);
        assertThat(audit.finding("plain").evidence()).containsEntry("StorageEncrypted", false);
    }

    @Test
    void auroraMemberFollowsItsCluster() {
        var audit = CheckHarness.of(new RdsStorageEncryptedCheck())
                .with(RdsDatasets.DB_INSTANCES, List.of(db("w").cluster("plain-cluster").encrypted(true).build()))
                .with(RdsDatasets.DB_CLUSTERS, List.of(aurora("plain-cluster", true, 7, false, "w")));

        assertThat(audit.finding("w").status()).isEqualTo(Status.NOK);
        assertThat(audit.finding("w").evidence()).containsEntry("Source", "DBCluster plain-cluster");
    }
}
