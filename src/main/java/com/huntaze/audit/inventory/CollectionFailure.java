package com.huntaze.audit.inventory;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Locale;

/**
 * Why a dataset could not be collected.
 *
 * @param action  the IAM action of the call that failed, e.g. {@code rds:DescribeDBInstances}
 * @param kind    what kind of failure, which decides the advice given to the user
 * @param error   the AWS error code or exception name, e.g. {@code AccessDenied}; for an unexpected answer, what
 *                was answered, e.g. {@code text/html}
 * @param detail  the error message as AWS (or the network stack) gave it, masked of credentials
 */
public record CollectionFailure(String action, Kind kind, String error, String detail) {

    public enum Kind {
        ACCESS_DENIED,
        THROTTLED,
        UNREACHABLE,
        TIMEOUT,
        /** HTTP 2xx with something that is not the API's answer (an HTML page, no operation root element). */
        UNEXPECTED_ANSWER,
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
            case UNEXPECTED_ANSWER -> "failed (unexpected answer: " + error + ")";
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
            case UNEXPECTED_ANSWER -> "The " + action.substring(0, action.indexOf(':')) + " endpoint answered"
                    + " something that is not AWS: a proxy, a captive portal or a wrong --endpoint-url. Check"
                    + " HTTPS_PROXY and the network (sign in to the portal), and the --endpoint-url, then run the audit"
                    + " again.";
            case ERROR -> "Run " + action + " by hand to see the full error, then run the audit again.";
        };
    }
}
