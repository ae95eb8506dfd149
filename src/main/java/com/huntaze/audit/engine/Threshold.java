package com.huntaze.audit.engine;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tunable number a check compares against, declared once, beside the check that uses it: everything else (the
 * config file's {@code thresholds:} keys, the {@code check} command's {@code --threshold KEY=VALUE} and alias flags,
 * {@code list-checks --thresholds}) is derived from the declaration, and both the file and the command line validate
 * a value with {@link #problem(int)}.
 *
 * @param key          the name in the config file's {@code thresholds:} section and in {@code --threshold KEY=VALUE}
 * @param defaultValue used when neither the command line nor the config file sets it
 * @param unit         what the number counts, for messages and the docs: {@code days}, {@code requests/day}, ...
 * @param min          the smallest value accepted (inclusive)
 * @param max          the largest value accepted (inclusive)
 * @param flag         the {@code check} command's own option for it, e.g. {@code --min-backup-days}; null for none
 *                     ({@code --threshold KEY=VALUE} sets any threshold)
 * @param description  one line for {@code --help} and {@code list-checks --thresholds}
 */
public record Threshold(String key, int defaultValue, String unit, int min, int max, String flag,
                        String description) {

    private static final Pattern KEY = Pattern.compile("[a-z][a-zA-Z0-9]*");
    private static final Pattern FLAG = Pattern.compile("--[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public Threshold {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(description, "description");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("threshold key '" + key + "' must be a camelCase word");
        }
        if (flag != null && !FLAG.matcher(flag).matches()) {
            throw new IllegalArgumentException("threshold " + key + ": flag '" + flag + "' must be --lower-case-words");
        }
        if (min > max || defaultValue < min || defaultValue > max) {
            throw new IllegalArgumentException("threshold " + key + ": default " + defaultValue
                    + " is outside its range " + min + ".." + max);
        }
    }

    /**
     * What is wrong with {@code value}, as the end of a sentence whose start names where it was given (the config
     * file's {@code file:line: thresholds.KEY: }, or the flag): e.g. {@code must be between 1 and 455 (days), not 0};
     * null when it is in range.
     */
    public String problem(int value) {
        return value < min || value > max
                ? "must be between " + min + " and " + max + " (" + unit + "), not " + value
                : null;
    }

    /** {@code 1-455}: the accepted values, for the docs. */
    public String range() {
        return min + "-" + max;
    }
}
