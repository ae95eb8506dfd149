package com.huntaze.audit.collection;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts AWS calls per {@code service:Operation} across all clients of an audit (once per call, not per retry). */
public final class CallCounter {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void record(String action) {
        counts.computeIfAbsent(action, k -> new LongAdder()).increment();
    }

    /** A snapshot, sorted by action name. */
    public Map<String, Long> snapshot() {
        Map<String, Long> sorted = new TreeMap<>();
        counts.forEach((action, count) -> sorted.put(action, count.sum()));
        return sorted;
    }
}
