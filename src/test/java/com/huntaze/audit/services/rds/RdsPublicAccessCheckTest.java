package com.huntaze.audit.services.rds;

import static com.huntaze.audit.testing.Fixtures.db;
import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Status;
import com.huntaze.audit.testing.CheckHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class RdsPublicAccessCheckTest {

    @Test
    void publiclyAccessibleInstanceIsNokAndPrivateOneIsOk() {
        var audit = CheckHarness.of(new RdsPublicAccessCheck())
                .with(RdsDatasets.DB_INSTANCES, List.of(db("open").publiclyAccessible(true).build(),
                        db("private").publiclyAccessible(false).build()));

        assertThat(audit.finding("open").status()).isEqualTo(Status.NOK);
        assertThat(audit.finding("open").evidence()).containsEntry("PubliclyAccessible", true);
        assertThat(audit.fixCommands(audit.finding("open"))).singleElement().asString()
                .contains("--db-instance-identifier open --no-publicly-accessible");
        assertThat(audit.finding("private").status()).isEqualTo(Status.OK);
        assertThat(audit.finding("private").remediation()).isEmpty();
    }

    @Test
    void needsOnlyTheInstanceList() {
        assertThat(new RdsPublicAccessCheck().requires()).containsExactly(RdsDatasets.DB_INSTANCES);
    }
}
