package com.huntaze.audit.cli;

/** A usage or configuration error: one line for the user, exit code 2. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
