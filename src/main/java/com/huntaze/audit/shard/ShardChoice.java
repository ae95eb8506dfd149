package com.huntaze.audit.shard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code --shard} asked for: {@code K/N} as written, or {@code auto}, read from the job engine's environment:
 * <ul>
 *   <li>Kubernetes Indexed Job: {@code JOB_COMPLETION_INDEX} (set by Kubernetes) with {@code HUNTAZE_AUDIT_SHARDS}
 *       (set in the Job's template to its {@code completions}: Kubernetes does not pass the count);</li>
 *   <li>AWS Batch array job: {@code AWS_BATCH_JOB_ARRAY_INDEX} with {@code AWS_BATCH_JOB_ARRAY_SIZE}, both set by
 *       Batch;</li>
 *   <li>GitHub Actions matrix (or anything else): {@code HUNTAZE_AUDIT_SHARD=K/N}.</li>
 * </ul>
 * When several are set they must agree (a Batch job started from a Job template that also sets
 * HUNTAZE_AUDIT_SHARD, say): two different answers are a configuration error, not a guess.
 */
public record ShardChoice(int index, int count) {

    /** A {@code --shard} that cannot be used; the message is one line naming the option or the variables. */
    public static final class ShardException extends RuntimeException {
        public ShardException(String message) {
            super(message);
        }
    }

    public static final String KUBERNETES_INDEX = "JOB_COMPLETION_INDEX";
    public static final String KUBERNETES_COUNT = "HUNTAZE_AUDIT_SHARDS";
    public static final String BATCH_INDEX = "AWS_BATCH_JOB_ARRAY_INDEX";
    public static final String BATCH_SIZE = "AWS_BATCH_JOB_ARRAY_SIZE";
    public static final String EXPLICIT = "HUNTAZE_AUDIT_SHARD";

    private static final Pattern K_OF_N = Pattern.compile("([0-9]{1,9})/([0-9]{1,9})");

    /** {@code --shard VALUE}: {@code K/N} or {@code auto} (then from {@code environment}). */
    public static ShardChoice parse(String value, Map<String, String> environment) {
        String given = value.strip();
        if (given.equals("auto")) {
            return fromEnvironment(environment);
        }
        return kOfN(given, "--shard '" + given + "'");
    }

    /** The shard the engine's variables name; one line naming the variables when none or contradicting ones. */
    static ShardChoice fromEnvironment(Map<String, String> environment) {
        Map<String, ShardChoice> found = new LinkedHashMap<>();
        pair(environment, KUBERNETES_INDEX, KUBERNETES_COUNT, "Kubernetes Indexed Job", found);
        pair(environment, BATCH_INDEX, BATCH_SIZE, "AWS Batch array job", found);
        String explicit = environment.get(EXPLICIT);
        if (explicit != null) {
            found.put(EXPLICIT, kOfN(explicit.strip(), "--shard auto: " + EXPLICIT + "='" + explicit + "'"));
        }
        if (found.isEmpty()) {
            throw new ShardException("--shard auto: no job engine's variables are set: expected " + KUBERNETES_INDEX
                    + " with " + KUBERNETES_COUNT + " (Kubernetes Indexed Job), " + BATCH_INDEX + " with "
                    + BATCH_SIZE + " (AWS Batch array job) or " + EXPLICIT + "=K/N (e.g. a GitHub Actions matrix)");
        }
        if (found.values().stream().distinct().count() > 1) {
            List<String> described = new ArrayList<>();
            found.forEach((variables, choice) -> described.add(variables + " say " + choice.label()));
            throw new ShardException("--shard auto: the job engines' variables disagree: "
                    + String.join(", ", described));
        }
        return found.values().iterator().next();
    }

    /** An index variable and its count variable: both, or neither. */
    private static void pair(Map<String, String> environment, String indexVariable, String countVariable,
                             String engine, Map<String, ShardChoice> found) {
        String index = environment.get(indexVariable);
        String count = environment.get(countVariable);
        if (index == null && count == null) {
            return;
        }
        if (index == null || count == null) {
            throw new ShardException("--shard auto: " + (index == null ? countVariable : indexVariable)
                    + " is set but " + (index == null ? indexVariable : countVariable) + " is not (" + engine
                    + "): set both" + (countVariable.equals(KUBERNETES_COUNT)
                    ? ", " + KUBERNETES_COUNT + " to the Job's completions" : ""));
        }
        found.put(indexVariable + " and " + countVariable, kOfN(index.strip() + "/" + count.strip(),
                "--shard auto: " + indexVariable + "='" + index + "' and " + countVariable + "='" + count + "'"));
    }

    private static ShardChoice kOfN(String text, String what) {
        Matcher m = K_OF_N.matcher(text);
        if (!m.matches()) {
            throw new ShardException(what + ": expected K/N (0 <= K < N, N from 1 to " + Shards.MAX_COUNT
                    + ") or auto");
        }
        int k = Integer.parseInt(m.group(1));
        int n = Integer.parseInt(m.group(2));
        if (n < 1 || n > Shards.MAX_COUNT) {
            throw new ShardException(what + ": the shard count N must be from 1 to " + Shards.MAX_COUNT + ", not " + n);
        }
        if (k >= n) {
            throw new ShardException(what + ": the shard index K is 0-based and must be below N=" + n + ", not " + k);
        }
        return new ShardChoice(k, n);
    }

    /** The accounts of this shard, from the whole list. */
    public List<String> select(List<String> allIds) {
        return Shards.select(allIds, index, count);
    }

    public String label() {
        return index + "/" + count;
    }
}
