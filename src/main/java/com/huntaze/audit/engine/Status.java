package com.huntaze.audit.engine;

/** The outcome of one finding. Declared from best to worst, so {@link #worst} can compare by ordinal. */
public enum Status {
    OK,
    TODO,
    NOK;

    public static Status worst(Status a, Status b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
