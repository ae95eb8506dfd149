package com.huntaze.audit.services.iam;

import java.time.Instant;

/**
 * An IAM user, from ListUsers, with GetLoginProfile (does it have a console password?) and ListMFADevices.
 *
 * @param passwordLastUsed last console sign-in, or null when never (or not tracked)
 * @param consolePassword  whether the user has a login profile, i.e. can sign in to the console
 * @param mfaDevices       how many MFA devices are assigned to the user
 */
public record IamUser(
        String name,
        String arn,
        Instant createDate,
        Instant passwordLastUsed,
        boolean consolePassword,
        int mfaDevices) {
}
