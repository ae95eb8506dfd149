package com.huntaze.audit.services.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Status;
import com.huntaze.audit.inventory.CollectionFailure;
import com.huntaze.audit.testing.CheckHarness;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DynamoDbPointInTimeRecoveryCheckTest {

    private static final String ARN = "arn:aws:dynamodb:us-east-1:123456789012:table/";

    @Test
    void enabledIsOkWithItsRecoveryPeriodAndDisabledIsNok() {
        var audit = CheckHarness.of(new DynamoDbPointInTimeRecoveryCheck())
                .with(DynamoDbDatasets.CONTINUOUS_BACKUPS, List.of(
                        new ContinuousBackups("users", ARN + "users", "ENABLED", 35,
                                Instant.parse("2026-10-18T12:00:00Z")),
                        new ContinuousBackups("sessions", ARN + "sessions", "DISABLED", null, null)));

        var users = audit.finding("users");
        assertThat(users.status()).isEqualTo(Status.OK);
        assertThat(users.message()).isEqualTo("Point-in-time recovery is on: the table can be restored to any second"
                + " of the last 35 days.");
        assertThat(users.evidence()).containsEntry("PointInTimeRecoveryStatus", "ENABLED")
                .containsEntry("RecoveryPeriodInDays", 35)
                .containsEntry("EarliestRestorableDateTime", "2026-10-18T12:00:00Z");
        assertThat(users.resourceArn()).isEqualTo(ARN + "users");

        var sessions = audit.finding("sessions");
        assertThat(sessions.status()).isEqualTo(Status.NOK);
        assertThat(sessions.message()).startsWith("Point-in-time recovery is off");
        assertThat(sessions.evidence()).containsEntry("PointInTimeRecoveryStatus", "DISABLED")
                .doesNotContainKey("RecoveryPeriodInDays");
        assertThat(audit.fixCommands(sessions)).singleElement().asString()
                .startsWith("aws dynamodb update-continuous-backups --table-name sessions ")
                .contains("PointInTimeRecoveryEnabled=true");
    }

    @Test
    void anAnswerWithoutRecoveryPeriodIsStillOk() {
        var audit = CheckHarness.of(new DynamoDbPointInTimeRecoveryCheck())
                .with(DynamoDbDatasets.CONTINUOUS_BACKUPS, List.of(
                        new ContinuousBackups("old", ARN + "old", "ENABLED", null, null),
                        new ContinuousBackups("short", ARN + "short", "ENABLED", 1, null)));

        assertThat(audit.finding("old").status()).isEqualTo(Status.OK);
        assertThat(audit.finding("old").message()).isEqualTo("Point-in-time recovery is on.");
        assertThat(audit.finding("short").message()).endsWith("the last 1 day.");
    }

    @Test
    void noTablesMeansNoFindingsAndADeniedRegionIsATodoThere() {
        var audit = CheckHarness.of(new DynamoDbPointInTimeRecoveryCheck(), "us-east-1", "eu-west-1")
                .with("us-east-1", DynamoDbDatasets.CONTINUOUS_BACKUPS, List.of())
                .failing("eu-west-1", DynamoDbDatasets.CONTINUOUS_BACKUPS, new CollectionFailure(
                        "dynamodb:DescribeContinuousBackups", CollectionFailure.Kind.ACCESS_DENIED, "HTTP 403",
                        "not authorized"));

        assertThat(audit.findings()).singleElement().satisfies(f -> {
            assertThat(f.region()).isEqualTo("eu-west-1");
            assertThat(f.status()).isEqualTo(Status.TODO);
            assertThat(f.message()).contains("dynamodb:DescribeContinuousBackups");
        });
    }
}
