package com.huntaze.audit.services.dynamodb;

import java.time.Instant;

/**
 * A DynamoDB table, from DescribeTable.
 *
 * @param billingMode PAY_PER_REQUEST or PROVISIONED (absent from old tables' answers: PROVISIONED)
 */
public record DynamoDbTable(String name, String arn, String status, boolean deletionProtection, String billingMode,
                            Instant created) {
}
