package com.huntaze.audit.inventory;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Locale;

/**
 * Why a dataset could not be collected.
 *
 * @param action  the IAM action of the call that failed, e.g. {@code rds:DescribeDBInstances}
 * @param kind    what kind of failure, which decides the advice given to the user
 * @param error   the AWS error code or exception name, e.g. {@code AccessDenied}
 * @param detail  the error message as AWS (or the network stack) gave it, masked of credentials
 */
public record CollectionFailure(String action, Kind kind, String error, String detail) {

    public enum Kind {
        ACCESS_DENIED,
        THROTTLED,
        UNREACHABLE,
        TIMEOUT,
        ERROR;

        /**
         * The kind as reports write it ({@code summary.collectionErrors[].kind}): its name in lower case with
         * hyphens, e.g. {@code access-denied}. Derived from the name, so every kind has one and it never changes.
         */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The failure's reason in a few words, for messages. */
    @JsonIgnore
    public String reason() {
        return switch (kind) {
            case ACCESS_DENIED -> "access denied (" + error + ")";
            case THROTTLED -> "throttled past all retries (" + error + ")";
            case UNREACHABLE -> "endpoint unreachable (" + error + ")";
            case TIMEOUT -> "timed out (" + error + ")";
            case ERROR -> "failed (" + error + ")";
        };
    }

    /** What the user should do about it. */
    @JsonIgnore
    public String advice() {
        return switch (kind) {
            case ACCESS_DENIED -> "Grant " + action + " to the role that runs the audit, then run it again.";
            case THROTTLED -> "Run the audit again later, or with fewer regions at once.";
            case UNREACHABLE, TIMEOUT -> "Check network access to the " + action.substring(0, action.indexOf(':'))
                    + " endpoint from where the audit runs, then run it again.";
            case ERROR -> "Run " + action + " by hand to see the full error, then run the audit again.";
        };
    }
}
