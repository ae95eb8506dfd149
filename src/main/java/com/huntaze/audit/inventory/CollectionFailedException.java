package com.huntaze.audit.inventory;

/**
 * Thrown to a check that reads a dataset whose collection failed. The engine turns it into one TODO finding for
 * that check and region, so checks never handle collection failures themselves.
 */
public final class CollectionFailedException extends RuntimeException {
    private final transient Dataset<?> dataset;
    private final CollectionFailure failure;

    public CollectionFailedException(Dataset<?> dataset, CollectionFailure failure) {
        super(dataset.id() + ": " + failure.action() + " " + failure.reason(), null, false, false);
        this.dataset = dataset;
        this.failure = failure;
    }

    public Dataset<?> dataset() {
        return dataset;
    }

    public CollectionFailure failure() {
        return failure;
    }
}
