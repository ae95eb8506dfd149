package com.huntaze.audit.cli;

/** The audit cannot run at all (no credentials, nothing reachable): one line for the user, exit code 3. */
public final class CannotRunException extends RuntimeException {
    public CannotRunException(String message, Throwable cause) {
        super(message, cause);
    }
}
