package com.huntaze.audit.aws;

/** An operation that could change an account (or reveal a secret value) was refused before it was sent. */
public final class ReadOnlyViolationException extends RuntimeException {
    public ReadOnlyViolationException(String action) {
        super("refused " + action + ": huntaze-audit only sends Describe*, List* and Get* operations"
                + " (and never GetSecretValue)");
    }
}
