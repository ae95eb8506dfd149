package com.huntaze.audit.collection;

/**
 * An operation no collector declares (a write, a read that reveals a secret value, or simply a read the audit does
 * not need) was refused before it was sent.
 */
public final class ReadOnlyViolationException extends RuntimeException {
    public ReadOnlyViolationException(String action) {
        super("refused " + action + ": huntaze-audit sends only the read actions its collectors declare"
                + " (see huntaze-audit iam-policy), never a write or a read of a secret value");
    }
}
