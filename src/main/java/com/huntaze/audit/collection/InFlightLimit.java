package com.huntaze.audit.collection;

import java.util.concurrent.Semaphore;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Installed on every service client of a session, after the read-only guard: at most {@code limit} calls execute
 * at once, across all services and regions (the {@code --concurrency} the user chose). A call holds its slot
 * through its retries and their back-off, so a throttled account sees fewer calls, not more. Collectors and their
 * per-resource fan-outs run on more threads than that; they wait here for a slot.
 */
final class InFlightLimit implements ExecutionInterceptor {
    private static final ExecutionAttribute<Boolean> HOLDS_SLOT = new ExecutionAttribute<>("HuntazeAuditHoldsSlot");

    private final Semaphore slots;

    private final int limit;

    InFlightLimit(int limit) {
        this.limit = limit;
        // fair: a paginated walk (the critical path) waits its turn behind at most the calls already waiting
        this.slots = new Semaphore(limit, true);
    }

    /** The calls executing now. */
    int inFlight() {
        return limit - slots.availablePermits();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AbortedException.create("interrupted while waiting for a call slot");
        }
        attributes.putAttribute(HOLDS_SLOT, true);
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        release(attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        release(attributes);
    }

    private void release(ExecutionAttributes attributes) {
        if (Boolean.TRUE.equals(attributes.getAttribute(HOLDS_SLOT))) {
            attributes.putAttribute(HOLDS_SLOT, false);
            slots.release();
        }
    }
}
