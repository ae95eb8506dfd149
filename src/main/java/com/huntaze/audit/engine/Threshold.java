package com.huntaze.audit.engine;

/**
 * A tunable number a check compares against, declared beside the check that uses it.
 *
 * @param key          the name in the config file's {@code thresholds:} section
 * @param defaultValue used when neither the command line nor the config file sets it
 * @param description  one line for the README and {@code --help}
 */
public record Threshold(String key, int defaultValue, String description) {
}
