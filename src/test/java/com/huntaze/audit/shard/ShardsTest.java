package com.huntaze.audit.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huntaze.audit.report.Shard;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Shard K of N: the ids sorted, every N-th from the K-th (0-based). */
class ShardsTest {

    private static List<String> accounts(int count, long seed) {
        Random random = new Random(seed);
        Set<String> ids = new HashSet<>();
        while (ids.size() < count) {
            ids.add(String.format("%012d", Math.floorMod(random.nextLong(), 1_000_000_000_000L)));
        }
        return new ArrayList<>(ids);
    }

    @Test
    void sevenAccountsInThreeShardsAreEveryThirdOfTheSortedList() {
        List<String> all = List.of("700000000000", "100000000000", "500000000000", "300000000000", "600000000000",
                "200000000000", "400000000000");

        assertThat(Shards.select(all, 0, 3)).containsExactly("100000000000", "400000000000", "700000000000");
        assertThat(Shards.select(all, 1, 3)).containsExactly("200000000000", "500000000000");
        assertThat(Shards.select(all, 2, 3)).containsExactly("300000000000", "600000000000");
    }

    @Test
    void everyAccountIsInExactlyOneShardAndTheShardsDifferByAtMostOne() {
        for (int size : List.of(0, 1, 2, 7, 50, 101, 257)) {
            for (int n : List.of(1, 2, 3, 8, 64)) {
                List<String> all = accounts(size, size * 31L + n);
                List<String> seen = new ArrayList<>();
                List<Integer> sizes = new ArrayList<>();
                for (int k = 0; k < n; k++) {
                    List<String> shard = Shards.select(all, k, n);
                    seen.addAll(shard);
                    sizes.add(shard.size());
                }
                assertThat(seen).as(size + " accounts in " + n + " shards").containsExactlyInAnyOrderElementsOf(all);
                assertThat(Collections.max(sizes) - Collections.min(sizes)).as("balance of " + sizes).isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void theCutDoesNotDependOnTheOrderTheAccountsCameIn() {
        List<String> all = accounts(101, 7);
        List<String> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(42));

        IntStream.range(0, 8).forEach(k ->
                assertThat(Shards.select(shuffled, k, 8)).isEqualTo(Shards.select(all, k, 8)));
        assertThat(Shard.of(shuffled, 3, 8)).isEqualTo(Shard.of(all, 3, 8));
    }

    @Test
    void moreShardsThanAccountsLeavesTheLastShardsEmpty() {
        List<String> all = List.of("222222222222", "111111111111");

        assertThat(Shards.select(all, 1, 4)).containsExactly("222222222222");
        assertThat(Shards.select(all, 3, 4)).isEmpty();
    }

    @Test
    void theDigestIsTheSha256OfTheSortedIdsOnePerLine() {
        // printf '111122223333\n444455556666' | sha256sum
        assertThat(Shard.of(List.of("444455556666", "111122223333"), 0, 2)).isEqualTo(new Shard(0, 2,
                "sha256:d871a8e064c6ecfdd338ff145534b1041dc94fde137ebd48876d0625fdb2f151"));
        assertThat(Shard.digest(List.of("111122223333"))).isNotEqualTo(Shard.digest(List.of("111122223333",
                "444455556666")));
    }

    @Test
    void anIndexOutsideTheCountIsRefused() {
        assertThatThrownBy(() -> Shards.select(List.of("111111111111"), 3, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Shards.select(List.of("111111111111"), -1, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
