package com.huntaze.audit.services.iam;

/**
 * The account-wide IAM facts of GetAccountSummary that concern the root user. AWS reports both as 0 or 1.
 *
 * @param accountMfaEnabled        AccountMFAEnabled: 1 when the root user has an MFA device
 * @param accountAccessKeysPresent AccountAccessKeysPresent: 1 when the root user has an access key
 */
public record IamAccountSummary(int accountMfaEnabled, int accountAccessKeysPresent) {

    public boolean rootMfaEnabled() {
        return accountMfaEnabled == 1;
    }

    public boolean rootAccessKeysPresent() {
        return accountAccessKeysPresent != 0;
    }
}
