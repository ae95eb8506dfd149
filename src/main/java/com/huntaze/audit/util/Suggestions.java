package com.huntaze.audit.util;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The known names nearest to a misspelt one, by edit distance (Levenshtein: insertions, deletions, substitutions),
 * for "did you mean" hints. A dotted id ({@code rds.multi-az}) is also compared by its part after the first dot, so
 * {@code multi-az} finds every {@code *.multi-az}. Names further than a third of the given name's length (at least 2)
 * are not suggested: a hint that is far off only confuses.
 */
public final class Suggestions {
    private Suggestions() {
    }

    /** At most this many suggestions. */
    static final int LIMIT = 3;

    /** The nearest of {@code known} to {@code given}, nearest first (ties in {@code known}'s order); may be empty. */
    public static List<String> nearest(String given, Collection<String> known) {
        String typed = given.strip().toLowerCase(java.util.Locale.ROOT);
        int limit = Math.max(2, typed.length() / 3);
        record Scored(String name, int distance, int order) {
        }
        List<Scored> scored = new ArrayList<>();
        int order = 0;
        for (String name : known) {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            int distance = distance(typed, lower);
            int dot = lower.indexOf('.');
            if (dot >= 0 && typed.indexOf('.') < 0) {
                distance = Math.min(distance, distance(typed, lower.substring(dot + 1)));
            }
            if (distance <= limit && !lower.equals(typed)) {
                scored.add(new Scored(name, distance, order));
            }
            order++;
        }
        scored.sort(Comparator.comparingInt(Scored::distance).thenComparingInt(Scored::order));
        return scored.stream().limit(LIMIT).map(Scored::name).toList();
    }

    /** {@code "; did you mean `a`?"} or {@code "; did you mean `a`, `b` or `c`?"}; empty without suggestions. */
    public static String didYouMean(List<String> suggestions) {
        if (suggestions.isEmpty()) {
            return "";
        }
        List<String> quoted = suggestions.stream().map(s -> "`" + s + "`").toList();
        String list = quoted.size() == 1 ? quoted.get(0)
                : String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
        return "; did you mean " + list + "?";
    }

    /** The Levenshtein distance between {@code a} and {@code b}. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
