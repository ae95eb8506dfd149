package com.huntaze.audit.services.iam;

import java.time.Instant;

/**
 * An IAM user's access key, from ListAccessKeys and GetAccessKeyLastUsed. The key id is kept masked only
 * ({@code AKIA…WXYZ}): a full key id never enters the inventory, so it can reach no report or snapshot.
 *
 * @param maskedAccessKeyId the key id with all but its first and last four characters hidden
 * @param status            Active or Inactive
 * @param lastUsedDate      null when the key was never used (or not since IAM began tracking, April 2015)
 * @param lastUsedService   the service it was last used with, e.g. {@code s3}; null when never used
 */
public record IamAccessKey(
        String userName,
        String userArn,
        String maskedAccessKeyId,
        String status,
        Instant createDate,
        Instant lastUsedDate,
        String lastUsedService,
        String lastUsedRegion) {

    public boolean active() {
        return "Active".equals(status);
    }
}
