package com.huntaze.audit.collection;

import com.huntaze.audit.inventory.CollectionFailure;

/** An AWS call made while collecting a dataset failed; carries the classified failure. */
public final class AwsCallException extends RuntimeException {
    private final CollectionFailure failure;

    public AwsCallException(CollectionFailure failure, Throwable cause) {
        super(failure.action() + " " + failure.reason(), cause);
        this.failure = failure;
    }

    public CollectionFailure failure() {
        return failure;
    }
}
