package com.huntaze.audit.shard;

import java.util.ArrayList;
import java.util.List;

/**
 * How an account list is cut into shards: a pure function of the list, so that every job of an engine (a Kubernetes
 * Indexed Job's pods, a GitHub Actions matrix, an AWS Batch array) computes the same cut on its own and no scheduler
 * is needed. The ids are sorted, then shard {@code k} of {@code n} (0-based) takes every {@code n}-th id starting at
 * the {@code k}-th: deterministic whatever order the list came in, and balanced (sizes differ by at most one, the
 * first {@code size % n} shards taking the extra one).
 */
public final class Shards {
    private Shards() {
    }

    /** The largest shard count {@code --shard} accepts: more jobs than that is a scheduler's problem, not ours. */
    public static final int MAX_COUNT = 1000;

    /** The ids of shard {@code k} of {@code n} of {@code allIds}, sorted. */
    public static List<String> select(List<String> allIds, int k, int n) {
        if (n < 1 || k < 0 || k >= n) {
            throw new IllegalArgumentException("shard " + k + "/" + n + ": expected 0 <= K < N");
        }
        List<String> sorted = allIds.stream().distinct().sorted().toList();
        List<String> mine = new ArrayList<>();
        for (int i = k; i < sorted.size(); i += n) {
            mine.add(sorted.get(i));
        }
        return List.copyOf(mine);
    }
}
