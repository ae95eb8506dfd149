package com.huntaze.audit.engine;

import java.util.Map;
import java.util.TreeMap;

/** The threshold values in force for one audit: the defaults, overridden by whatever the user set. */
public final class Thresholds {
    private final Map<String, Integer> values;

    private Thresholds(Map<String, Integer> values) {
        this.values = values;
    }

    public static Thresholds defaults() {
        return new Thresholds(new TreeMap<>());
    }

    /** A copy with {@code threshold} set to {@code value}. */
    public Thresholds with(Threshold threshold, int value) {
        Map<String, Integer> copy = new TreeMap<>(values);
        copy.put(threshold.key(), value);
        return new Thresholds(copy);
    }

    public int get(Threshold threshold) {
        return values.getOrDefault(threshold.key(), threshold.defaultValue());
    }
}
