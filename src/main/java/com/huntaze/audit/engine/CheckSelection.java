package com.huntaze.audit.engine;

import com.huntaze.audit.util.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which checks run: {@code --checks} and {@code --skip-checks}, each a list of ids or globs ({@code rds.*},
 * {@code *.multi-az}). A pattern that matches no registered check is a mistake worth stopping for.
 */
public final class CheckSelection {
    private CheckSelection() {
    }

    /** Thrown for a pattern that matches no check; the message names it. */
    public static final class UnknownCheckException extends RuntimeException {
        public UnknownCheckException(String message) {
            super(message);
        }
    }

    /**
     * @param include empty for all checks
     * @param exclude checks to leave out of those included
     */
    public static List<RegisteredCheck> select(List<RegisteredCheck> all, List<String> include, List<String> exclude) {
        List<Pattern> included = compile(all, include, "--checks");
        List<Pattern> excluded = compile(all, exclude, "--skip-checks");
        List<RegisteredCheck> selected = new ArrayList<>();
        for (RegisteredCheck check : all) {
            boolean in = included.isEmpty() || included.stream().anyMatch(p -> p.matcher(check.id()).matches());
            boolean out = excluded.stream().anyMatch(p -> p.matcher(check.id()).matches());
            if (in && !out) {
                selected.add(check);
            }
        }
        return selected;
    }

    private static List<Pattern> compile(List<RegisteredCheck> all, List<String> patterns, String option) {
        List<Pattern> compiled = new ArrayList<>();
        for (String raw : patterns) {
            String glob = raw.strip();
            if (glob.isEmpty()) {
                continue;
            }
            Pattern pattern = glob(glob);
            if (all.stream().noneMatch(c -> pattern.matcher(c.id()).matches())) {
                throw new UnknownCheckException(option + ": no check matches '" + glob + "'"
                        + Suggestions.didYouMean(suggestions(all, glob)) + " (see huntaze-audit list-checks)");
            }
            compiled.add(pattern);
        }
        return compiled;
    }

    /** The ids nearest to a misspelt one; none for a glob (its wildcards say it was not meant as one id). */
    private static List<String> suggestions(List<RegisteredCheck> all, String given) {
        return given.contains("*") || given.contains("?") ? List.of()
                : Suggestions.nearest(given, all.stream().map(RegisteredCheck::id).toList());
    }

    /** A glob where {@code *} is any run of characters and {@code ?} one character; the rest is literal. */
    public static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
