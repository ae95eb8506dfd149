package com.huntaze.audit.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.huntaze.audit.shard.Shards;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The report's {@code shard} (only with {@code check --shard}): which part of which account list the run audited.
 * {@code merge} checks with it that its inputs are the parts of one audit: the same digest, the same count, every
 * index once.
 *
 * @param index             K of {@code --shard K/N}, 0-based
 * @param count             N
 * @param accountListDigest {@code sha256:} and the hex SHA-256 of the whole account list (every shard's accounts),
 *                          its ids sorted and joined by a newline: the same in every shard of one audit, and a
 *                          different one when the list changed between the jobs (an account added meanwhile)
 */
@JsonPropertyOrder({"index", "count", "accountListDigest"})
public record Shard(int index, int count, String accountListDigest) {

    public static Shard of(List<String> allIds, int index, int count) {
        Shards.select(allIds, index, count); // the same bounds as the cut itself
        return new Shard(index, count, digest(allIds));
    }

    /** The digest of an account list, whatever its order and repetitions. */
    public static String digest(List<String> accountIds) {
        String joined = String.join("\n", accountIds.stream().distinct().sorted().toList());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** How the report and {@code merge}'s messages name it: {@code 3/8}. */
    public String label() {
        return index + "/" + count;
    }
}
