package com.huntaze.audit.collection;

import java.util.ArrayList;
import java.util.List;

/** Splits a list into batches for the batch describe APIs (DescribeClusters: 100, DescribeServices: 10, ...). */
public final class Batches {
    private Batches() {
    }

    public static <T> List<List<T>> of(List<T> items, int size) {
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            batches.add(List.copyOf(items.subList(from, Math.min(items.size(), from + size))));
        }
        return batches;
    }
}
