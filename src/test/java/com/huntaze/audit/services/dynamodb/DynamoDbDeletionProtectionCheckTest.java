package com.huntaze.audit.services.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.huntaze.audit.engine.Status;
import com.huntaze.audit.testing.CheckHarness;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DynamoDbDeletionProtectionCheckTest {

    private static DynamoDbTable table(String name, boolean deletionProtection) {
        return new DynamoDbTable(name, "arn:aws:dynamodb:eu-west-1:123456789012:table/" + name, "ACTIVE",
                deletionProtection, "PAY_PER_REQUEST", Instant.parse("2025-03-12T10:00:00Z"));
    }

    @Test
    void protectedTableIsOkUnprotectedIsNok() {
        var audit = CheckHarness.of(new DynamoDbDeletionProtectionCheck(), "eu-west-1")
                .with(DynamoDbDatasets.TABLES, List.of(table("users", true), table("subscriptions", false)));

        var users = audit.finding("users");
        assertThat(users.status()).isEqualTo(Status.OK);
        assertThat(users.region()).isEqualTo("eu-west-1");
        assertThat(users.evidence()).containsEntry("DeletionProtectionEnabled", true)
                .containsEntry("BillingMode", "PAY_PER_REQUEST");

        var subscriptions = audit.finding("subscriptions");
        assertThat(subscriptions.status()).isEqualTo(Status.NOK);
        assertThat(subscriptions.message()).contains("DeleteTable");
        assertThat(subscriptions.evidence()).containsEntry("DeletionProtectionEnabled", false);
        assertThat(subscriptions.resourceArn()).isEqualTo("arn:aws:dynamodb:eu-west-1:123456789012:table/subscriptions");
        assertThat(audit.fixCommands(subscriptions)).containsExactly("aws dynamodb update-table --table-name"
                + " subscriptions --deletion-protection-enabled --region eu-west-1");
        assertThat(audit.fixCommands(users)).as("an OK table needs no command").isEmpty();
    }

    @Test
    void noTablesMeansNoFindings() {
        assertThat(CheckHarness.of(new DynamoDbDeletionProtectionCheck()).with(DynamoDbDatasets.TABLES, List.of())
                .findings()).isEmpty();
    }
}
